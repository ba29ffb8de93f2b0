package dev.weir.engine.api.testing;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.ResolvedPort;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-memory {@link OutputPort} with a bounded number of slots, which a test empties with {@link #drain()}.
 *
 * <pre>
 *   claim() ──&gt; fill ──&gt; publish() ──&gt; queued (a slot stays taken) ──drain()──&gt; copies for the test
 *                                                                  └─discard()─&gt; dropped, slot free
 *   remaining() = capacity - queued, further limited by an optional publish budget
 * </pre>
 *
 * <p><b>Collect mode</b> (the default) snapshots each frame when it is published, and {@link #drain()} returns
 * those snapshots. A published frame belongs to its readers, so the port checks that the processor did not
 * write into it afterwards: at every drain, and for every frame ever published in
 * {@link #checkPublishedFramesUntouched()}. Drained frames are therefore never handed out again (a recycled
 * slot would hide such late writes); every claim gets a frame of its own. Each claim fills the payload with garbage
 * (NaN, {@code 0xA5} bytes, {@code Long.MIN_VALUE}) unless {@linkplain #poisonClaimedFrames(boolean) turned
 * off}, because {@link OutputPort#claim()} promises only stale data: a processor that relies on zeros or on
 * its previous output being there fails in the test rather than in a graph.
 *
 * <p><b>Discard mode</b> ({@link #discardPublished()}) recycles one preallocated frame and copies nothing, so
 * claim, publish and {@link #discard()} allocate nothing: the output of the allocation loop of
 * {@link ProcessorVerifier}.
 *
 * <p>An unconnected port (an optional output without an edge) discards everything and always has
 * {@code capacity} slots free, as the engine's unconnected outputs do.
 *
 * <p>Not thread-safe: used by the thread that calls {@code process}.
 */
public final class TestOutputPort implements OutputPort {

    private final String name;
    private final DataType type;
    private final boolean connected;
    private final int capacity;

    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    private final ArrayDeque<Frame> snapshots = new ArrayDeque<>();
    /** Drained frames with their publish-time snapshots, kept to catch writes after drain. */
    private final List<Frame> retired = new ArrayList<>();
    private final List<Frame> retiredSnapshots = new ArrayList<>();
    private Frame spare;

    private Frame claimed;
    private boolean discarding;
    private int discardQueued;
    private long budget = Long.MAX_VALUE;
    private boolean poison = true;
    private long published;
    private long claims;

    /**
     * A connected port with {@code capacity} slots ({@code 1} models a one-slot output, which is full after
     * every publish until drained).
     */
    public TestOutputPort(String name, DataType type, int capacity) {
        this(name, type, capacity, true);
    }

    /** A port that is connected or not; see the class comment for what unconnected means. */
    public TestOutputPort(String name, DataType type, int capacity, boolean connected) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        if (!type.isResolved()) {
            throw new IllegalArgumentException("output '" + name + "' needs a resolved type, was " + type.describe());
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("output '" + name + "' capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        this.connected = connected;
        if (!connected) {
            discarding = true;
            spare = new Frame(type);
        }
    }

    /** A port named and typed as {@code port}, typically from {@link TestContext#outputs()}. */
    public TestOutputPort(ResolvedPort port, int capacity, boolean connected) {
        this(port.name(), port.type(), capacity, connected);
    }

    /** An optional output left without an edge. */
    public static TestOutputPort unconnected(String name, DataType type) {
        return new TestOutputPort(name, type, 1, false);
    }

    // ------------------------------------------------------------------------------------------ test side

    /**
     * Switches to discard mode: published frames are counted and dropped by the next {@link #discard()},
     * nothing is copied, and one preallocated frame is claimed again and again.
     *
     * @throws IllegalStateException when frames are queued or claimed
     */
    public TestOutputPort discardPublished() {
        if (!queue.isEmpty() || claimed != null) {
            throw new IllegalStateException("output '" + name + "': drain it before switching to discard mode");
        }
        discarding = true;
        if (spare == null) {
            spare = new Frame(type);
        }
        return this;
    }

    /** Whether published frames are dropped instead of collected. */
    public boolean isDiscarding() {
        return discarding;
    }

    /**
     * Whether fresh claims fill the payload with garbage (default true, collect mode only). The header is
     * always reset by {@link Frame#clearHeader()}, as {@link OutputPort#claim()} promises.
     */
    public TestOutputPort poisonClaimedFrames(boolean poison) {
        this.poison = poison;
        return this;
    }

    /**
     * Allows only {@code frames} more publishes from now on: {@link #remaining()} reaches 0 after them, as if
     * the port were full. {@link ProcessorVerifier} uses it to stop an endless source after a given number of
     * frames, and to hold a source at the point of a param change.
     */
    public TestOutputPort limitPublishes(long frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("output '" + name + "': publish limit must be >= 0, was " + frames);
        }
        budget = frames;
        return this;
    }

    /** Removes the limit set by {@link #limitPublishes(long)}. */
    public TestOutputPort unlimitedPublishes() {
        budget = Long.MAX_VALUE;
        return this;
    }

    /**
     * Takes every queued frame, oldest first, as copies made when each was published; their slots become free.
     * Allocates (the copies and the list); call it outside measured loops.
     *
     * @throws IllegalStateException when the processor wrote into a queued frame after publishing it
     */
    public List<Frame> drain() {
        List<Frame> out = new ArrayList<>(queue.size());
        while (!queue.isEmpty()) {
            Frame live = queue.poll();
            Frame snapshot = snapshots.poll();
            checkUntouched(retired.size(), snapshot, live);
            retired.add(live);
            retiredSnapshots.add(snapshot);
            out.add(snapshot);
        }
        discardQueued = 0;
        return out;
    }

    /** Frees every queued slot without copying. In discard mode it allocates nothing. */
    public void discard() {
        discardQueued = 0;
        while (!queue.isEmpty()) {
            retired.add(queue.poll());
            retiredSnapshots.add(snapshots.poll());
        }
    }

    /**
     * Checks that no frame published through this port (in collect mode) changed after its
     * {@link #publish()}, drained ones included: call it at the end of a run to catch a processor that keeps
     * and writes a published frame.
     *
     * @throws IllegalStateException naming the first modified frame
     */
    public void checkPublishedFramesUntouched() {
        for (int k = 0; k < retired.size(); k++) {
            checkUntouched(k, retiredSnapshots.get(k), retired.get(k));
        }
        int k = retired.size();
        var live = queue.iterator();
        for (Frame snapshot : snapshots) {
            checkUntouched(k++, snapshot, live.next());
        }
    }

    private void checkUntouched(int number, Frame snapshot, Frame live) {
        Optional<String> written = Frames.difference(snapshot, live, 0, true);
        if (written.isPresent()) {
            throw new IllegalStateException("output '" + name + "': published frame " + number
                    + " was modified after publish() (" + written.get() + "); a published frame belongs to its readers");
        }
    }

    /** Slots of this port. */
    public int capacity() {
        return capacity;
    }

    /** Frames published and not yet drained or discarded. */
    public int queued() {
        return discarding ? discardQueued : queue.size();
    }

    /** Whether a frame is claimed and not yet published. */
    public boolean hasClaim() {
        return claimed != null;
    }

    /** Frames published since the port was made. */
    public long published() {
        return published;
    }

    /** Fresh claims since the port was made (a repeated claim of the same frame is not counted). */
    public long claims() {
        return claims;
    }

    // ------------------------------------------------------------------------------------ processor side

    @Override
    public String name() {
        return name;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public int remaining() {
        if (!connected) {
            return capacity;
        }
        int slots = capacity - (discarding ? discardQueued : queue.size());
        return budget < slots ? (int) budget : slots;
    }

    @Override
    public Frame claim() {
        if (claimed != null) {
            return claimed;
        }
        if (remaining() <= 0) {
            throw new IllegalStateException("output '" + name + "' is full: claim() called while remaining() == 0"
                    + (budget == 0 ? " (the test's publish limit is reached)" : ""));
        }
        Frame f;
        if (discarding) {
            f = spare;
        } else {
            f = new Frame(type);
            if (poison) {
                TestInputPort.poison(f);
            }
        }
        f.clearHeader();
        claims++;
        claimed = f;
        return f;
    }

    @Override
    public void publish() {
        if (claimed == null) {
            throw new IllegalStateException("output '" + name + "': publish() called without a claimed frame");
        }
        published++;
        if (budget != Long.MAX_VALUE) {
            budget--;
        }
        if (connected) {
            if (discarding) {
                discardQueued++;
            } else {
                queue.add(claimed);
                snapshots.add(Frames.copyOf(claimed));
            }
        }
        claimed = null;
    }

    @Override
    public String toString() {
        return "TestOutputPort[" + name + ", " + type.describe() + (connected ? "" : ", unconnected")
                + ", capacity=" + capacity + ", queued=" + queued() + ", published=" + published
                + (discarding ? ", discarding" : "") + "]";
    }
}

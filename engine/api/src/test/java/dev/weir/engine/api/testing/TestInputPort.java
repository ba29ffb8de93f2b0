package dev.weir.engine.api.testing;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.ResolvedPort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-memory {@link InputPort} that a test fills with frames, with the exact semantics of the engine's
 * ports, and with checks the engine cannot afford.
 *
 * <pre>
 *   fed frames (copies)    [f0][f1][f2][f3][f4]
 *                            ^head     ^visible end      frames past the visible end are staged: fed but
 *                            |         |                 not yet readable, until reveal(n)
 *   released ───────────────┘          └── available() = visible end - head
 *   isEndOfStream() = endStream() was called and every fed frame was released
 * </pre>
 *
 * <p><b>Copies.</b> {@link #feed} and {@link #stage} copy the caller's frames into frames owned by the port,
 * so a test can reuse its expected lists and the processor cannot corrupt them.
 *
 * <p><b>Reader discipline checks</b> (outside {@linkplain #cycle() cycling} mode): on release the port checks
 * that the processor did not write into the frame (frames are read-only for readers) and then, unless
 * {@linkplain #poisonReleasedFrames(boolean) turned off}, overwrites the released frame with garbage (NaN,
 * {@code 0xA5} bytes, {@code Long.MIN_VALUE}), so a processor that keeps a reference past
 * {@link #release()} reads nonsense in the test instead of silently working until the engine refills the slot.
 *
 * <p><b>Cycling mode</b> ({@link #cycle()}) re-serves the fed frames endlessly without allocating, copying or
 * checking: it is the input of the allocation loop of {@link ProcessorVerifier}. It serves them in batches:
 * after {@link #refill()} all fed frames are available, and each release makes one fewer available until the
 * next refill, so a processor that loops {@code while (available() > 0)} still returns.
 *
 * <p>Not thread-safe: like the engine's ports, it is used by the thread that calls {@code process}.
 */
public final class TestInputPort implements InputPort {

    private final String name;
    private final DataType type;
    private final boolean connected;

    /** Frames as served to the processor (owned copies, poisoned after release). */
    private final List<Frame> served = new ArrayList<>();
    /** Pristine copies of {@link #served}, to detect writes by the reader. */
    private final List<Frame> originals = new ArrayList<>();

    private int head;
    private int visibleEnd;
    private int position;
    private boolean ended;
    private boolean cycling;
    /** Frames released since the last {@link #refill()}, in cycling mode. */
    private int takenSinceRefill;
    private boolean poison = true;
    private long framesReleased;
    private long elementsConsumed;

    /** A connected port; {@code type} must be resolved. */
    public TestInputPort(String name, DataType type) {
        this(name, type, true);
    }

    /**
     * A port that is connected or not. An unconnected port models an optional input without an edge: it never
     * has frames and is always at end of stream, so its type may keep open sizes (nothing feeds it a size, and
     * the engine allocates no frame for it either); a connected port's type must be resolved.
     */
    public TestInputPort(String name, DataType type, boolean connected) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        if (connected && !type.isResolved()) {
            throw new IllegalArgumentException("input '" + name + "' needs a resolved type, was " + type.describe());
        }
        this.connected = connected;
    }

    /** A port named and typed as {@code port}, typically from {@link TestContext#inputs()}. */
    public TestInputPort(ResolvedPort port, boolean connected) {
        this(port.name(), port.type(), connected);
    }

    /** An optional input left without an edge. */
    public static TestInputPort unconnected(String name, DataType type) {
        return new TestInputPort(name, type, false);
    }

    // ------------------------------------------------------------------------------------------ test side

    /** Appends copies of {@code frames}, visible at once. */
    public TestInputPort feed(List<Frame> frames) {
        stage(frames);
        visibleEnd = served.size();
        return this;
    }

    /** Appends copies of {@code frames}, visible at once. */
    public TestInputPort feed(Frame... frames) {
        return feed(Arrays.asList(frames));
    }

    /**
     * Appends copies of {@code frames} that stay invisible until {@link #reveal(int)} or {@link #revealAll()}:
     * the writer has produced them but the reader cannot see them yet.
     *
     * @throws IllegalStateException when the port is unconnected, ended or cycling
     * @throws IllegalArgumentException when a frame does not fit this port's type, naming the frame
     */
    public TestInputPort stage(List<Frame> frames) {
        if (!connected) {
            throw new IllegalStateException("input '" + name + "' is not connected; it cannot be fed");
        }
        if (ended) {
            throw new IllegalStateException("input '" + name + "' has ended; it cannot be fed");
        }
        if (cycling) {
            throw new IllegalStateException("input '" + name + "' is cycling; feed it before cycle()");
        }
        int n = served.size();
        for (Frame f : frames) {
            // Frames on an edge are sized by the WRITER's type: a stream reader may receive chunks longer than
            // its own declared chunk. So a stream frame keeps the capacity it was made with; other kinds must fit
            // this port's type exactly, as the validator demands of an edge.
            Frame mine = type instanceof DataType.SampleStream && f.type() instanceof DataType.SampleStream
                    && type.incompatibilityWith(f.type()).isEmpty() ? new Frame(f.type()) : new Frame(type);
            try {
                mine.copyFrom(f);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("frame " + n + " fed to input '" + name + "' does not fit "
                        + type.describe() + ": " + e.getMessage(), e);
            }
            served.add(mine);
            originals.add(Frames.copyOf(mine));
            n++;
        }
        return this;
    }

    /**
     * Makes up to {@code n} more staged frames visible.
     *
     * @return how many became visible (fewer than {@code n} when fewer were staged)
     */
    public int reveal(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("reveal(" + n + ")");
        }
        int k = Math.min(n, served.size() - visibleEnd);
        visibleEnd += k;
        return k;
    }

    /** Makes every staged frame visible. */
    public TestInputPort revealAll() {
        visibleEnd = served.size();
        return this;
    }

    /**
     * The writer has finished: once every fed frame (staged ones included) has been released,
     * {@link #isEndOfStream()} turns true.
     */
    public TestInputPort endStream() {
        if (cycling) {
            throw new IllegalStateException("input '" + name + "' is cycling; a cycling stream never ends");
        }
        ended = true;
        return this;
    }

    /**
     * Switches to cycling mode: every fed frame is visible, and after the last one is released the first one
     * is served again, forever. Each {@link #refill()} makes a whole batch ({@link #fed()} frames) available.
     * No copying, checking or poisoning happens any more, so the port's methods allocate nothing and cost
     * almost nothing; use it to measure the processor alone.
     *
     * @throws IllegalStateException when nothing was fed, the port is unconnected or the stream has ended
     */
    public TestInputPort cycle() {
        if (!connected || served.isEmpty() || ended) {
            throw new IllegalStateException("input '" + name + "' can cycle only when connected, fed with at least "
                    + "one frame and not ended");
        }
        cycling = true;
        visibleEnd = served.size();
        head = head % served.size();
        takenSinceRefill = 0;
        return this;
    }

    /**
     * In cycling mode, makes a whole batch of frames available again (the next ones in cycle order); the
     * harness calls it between {@code process} calls. Allocation-free. Does nothing outside cycling mode.
     */
    public void refill() {
        takenSinceRefill = 0;
    }

    /**
     * Whether released frames are overwritten with garbage (default true); turn it off only to debug a
     * processor that reads a frame after releasing it.
     */
    public TestInputPort poisonReleasedFrames(boolean poison) {
        this.poison = poison;
        return this;
    }

    /** Whether the port is in {@linkplain #cycle() cycling} mode. */
    public boolean isCycling() {
        return cycling;
    }

    /** Frames fed so far, staged ones included. */
    public int fed() {
        return served.size();
    }

    /** Frames fed but not yet revealed. */
    public int staged() {
        return served.size() - visibleEnd;
    }

    /** Frames revealed so far, released ones included (outside cycling mode). */
    public int revealed() {
        return visibleEnd;
    }

    /** Frames fed and not yet released, staged ones included (outside cycling mode). */
    public int unreleased() {
        return cycling ? served.size() : served.size() - head;
    }

    /** Frames released so far, by {@link #release()} or by {@link #consume(int)} reaching the frame's end. */
    public long framesReleased() {
        return framesReleased;
    }

    /** Elements taken by {@link #consume(int)} so far. */
    public long elementsConsumed() {
        return elementsConsumed;
    }

    /**
     * A counter that grows whenever the reader makes progress: a frame released or elements consumed. Compare
     * it before and after a call to tell whether the call consumed anything.
     */
    public long progress() {
        return framesReleased + elementsConsumed;
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
    public int available() {
        if (cycling) {
            return served.size() - takenSinceRefill;
        }
        return visibleEnd - head;
    }

    @Override
    public Frame peek() {
        requireAvailable("peek()");
        return served.get(head);
    }

    @Override
    public void release() {
        requireAvailable("release()");
        advance();
    }

    @Override
    public int position() {
        return position;
    }

    @Override
    public void consume(int elements) {
        if (elements < 0) {
            throw new IllegalArgumentException("input '" + name + "': consume(" + elements + ") is negative");
        }
        if (!connected || available() <= 0) {
            // The message is built only on failure: consume() is on the allocation loop's path.
            requireAvailable("consume(" + elements + ")");
        }
        int length = served.get(head).length();
        if (position + elements > length) {
            throw new IllegalStateException("input '" + name + "': consume(" + elements + ") but only "
                    + (length - position) + " of " + length + " elements remain in the head frame");
        }
        position += elements;
        elementsConsumed += elements;
        if (position == length) {
            advance();
        }
    }

    @Override
    public boolean isEndOfStream() {
        if (!connected) {
            return true;
        }
        return !cycling && ended && head == served.size();
    }

    // ---------------------------------------------------------------------------------------------------

    private void requireAvailable(String what) {
        if (!connected) {
            throw new IllegalStateException("input '" + name + "' is not connected: " + what + " called");
        }
        if (available() <= 0) {
            throw new IllegalStateException("input '" + name + "' has no frame available: " + what
                    + " called while available() == 0");
        }
    }

    /** Releases the head frame; allocation-free in cycling mode, which the allocation loop relies on. */
    private void advance() {
        position = 0;
        framesReleased++;
        if (cycling) {
            head = head + 1 == served.size() ? 0 : head + 1;
            takenSinceRefill++;
            return;
        }
        Frame f = served.get(head);
        Optional<String> written = Frames.difference(originals.get(head), f, 0, true);
        if (written.isPresent()) {
            throw new IllegalStateException("input '" + name + "': the reader modified frame " + head
                    + " before releasing it (" + written.get() + "); frames are read-only for readers");
        }
        if (poison) {
            poison(f);
        }
        head++;
    }

    /** Overwrites header and whole payload with values no real stream carries. */
    static void poison(Frame f) {
        switch (f.storage()) {
            case FLOAT -> Arrays.fill(f.floats(), Float.NaN);
            case DOUBLE -> Arrays.fill(f.doubles(), Double.NaN);
            case BYTE -> Arrays.fill(f.bytes(), (byte) 0xA5);
            case LONG -> Arrays.fill(f.longs(), Long.MIN_VALUE);
        }
        f.setIndex(Long.MIN_VALUE).setTimestampNanos(Long.MIN_VALUE).setSampleRate(Double.NaN).setFlags(-1);
    }

    @Override
    public String toString() {
        return "TestInputPort[" + name + ", " + type.describe() + (connected ? "" : ", unconnected")
                + ", fed=" + served.size() + ", released=" + framesReleased + ", available=" + available()
                + (ended ? ", ended" : "") + (cycling ? ", cycling" : "") + "]";
    }
}

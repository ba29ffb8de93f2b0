package dev.weir.engine.api.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A keep-latest mailbox from one preview processor to one viewer: three preallocated sets of frames ("lanes",
 * one frame per lane), of which the writer owns one, the reader owns one, and the third is exchanged with a
 * single atomic swap (a triple buffer; see the diagram in the {@linkplain dev.weir.engine.api.preview package}).
 *
 * <pre>
 *  state word (AtomicInteger):   bit 2 = FRESH (published, not yet acquired)   bits 0..1 = index of the middle set
 *  writer:  claim() -&gt; sets[back]            publish(): old = swap(state, back | FRESH); back = old &amp; 3
 *  reader:  acquire(): if FRESH: old = swap(state, front); front = old &amp; 3;   return sets[front]
 * </pre>
 *
 * <h2>Threads</h2>
 * Exactly one writer thread ({@link #claim}, {@link #publish}: the processor's own thread, inside {@code process})
 * and one reader thread ({@link #acquire}, {@link #isFresh}: the viewer's, e.g. the FX thread). Neither ever
 * blocks or allocates. After {@link #publish}, the writer's next {@link #claim} returns a set holding older data
 * (or zeros): the writer must rewrite every lane it publishes, header included.
 */
public final class PreviewSlot {

    private static final int FRESH = 4;
    private static final int INDEX = 3;

    private final String nodeId;
    private final PreviewSpec spec;
    private final List<DataType> laneTypes;
    private final Frame[][] sets = new Frame[3][];
    private final AtomicInteger state = new AtomicInteger(1);
    /** Writer-owned index into {@link #sets}. */
    private int back;
    /** Reader-owned index into {@link #sets}. */
    private int front = 2;
    /** Reader-owned: whether {@link #front} holds anything published yet. */
    private boolean frontValid;
    private volatile long published;

    /**
     * Allocates the three sets of lanes.
     *
     * @param nodeId    the preview node's id (viewers key panels by it)
     * @param spec      what to draw
     * @param laneTypes resolved type of each lane, in the order {@link PreviewKind} gives
     * @throws IllegalArgumentException naming the node when there is no lane or a lane type is not resolved
     */
    public PreviewSlot(String nodeId, PreviewSpec spec, List<DataType> laneTypes) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.laneTypes = List.copyOf(laneTypes);
        if (this.laneTypes.isEmpty()) {
            throw new IllegalArgumentException("preview of node '" + nodeId + "' needs at least one lane");
        }
        for (int s = 0; s < 3; s++) {
            sets[s] = new Frame[this.laneTypes.size()];
            for (int l = 0; l < sets[s].length; l++) {
                DataType t = this.laneTypes.get(l);
                if (!t.isResolved()) {
                    throw new IllegalArgumentException("preview of node '" + nodeId + "' lane " + l
                            + " has unresolved type " + t.describe());
                }
                sets[s][l] = new Frame(t);
            }
        }
    }

    /** The preview node's id. */
    public String nodeId() {
        return nodeId;
    }

    /** What to draw. */
    public PreviewSpec spec() {
        return spec;
    }

    /** The type of each lane. */
    public List<DataType> laneTypes() {
        return laneTypes;
    }

    /** Writer only: the set of lanes to fill before the next {@link #publish}. Never null, never allocates. */
    public Frame[] claim() {
        return sets[back];
    }

    /** Writer only: makes the claimed set the newest one. Never blocks; a set the reader never took is dropped. */
    public void publish() {
        int old = state.getAndSet(back | FRESH);
        back = old & INDEX;
        published = published + 1; // single writer: no lost update
    }

    /** How many sets the writer has published so far (any thread). */
    public long publishedCount() {
        return published;
    }

    /** Reader only: whether a set was published since the last {@link #acquire}. */
    public boolean isFresh() {
        return (state.get() & FRESH) != 0;
    }

    /**
     * Reader only: the newest published set, taking it over if it is newer than the one the reader holds. The
     * frames stay valid and unchanged until the next call.
     *
     * @return the lanes, or null when nothing has been published yet
     */
    public Frame[] acquire() {
        if ((state.get() & FRESH) != 0) {
            int old = state.getAndSet(front);
            front = old & INDEX;
            frontValid = true;
        }
        return frontValid ? sets[front] : null;
    }

    @Override
    public String toString() {
        return "PreviewSlot[" + nodeId + ", " + spec.kind() + ", published " + published + "]";
    }
}

package dev.weir.nodes.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.WorkStatus;
import dev.weir.engine.api.preview.PreviewSlot;

/**
 * What every preview node shares: one {@link PreviewSlot} opened in {@code open}, input always taken at once, and
 * publishing at most {@code max_fps} times a second, the newest data each time.
 *
 * <pre>
 *  process():  take(in)  ── every available frame, copied into the node's own state (the newest wins, or is
 *                 │         folded in: a rolling window, an average, a waterfall row), then released
 *                 v
 *              something new and now &gt;= nextAllowed ?  ── yes: fill(slot.claim()); slot.publish();
 *                 │                                              nextAllowed = now + 1 s / max_fps
 *                 └── no: keep it pending; a later call (the worker calls every duty cycle, input or not)
 *                     publishes it once the interval has passed, so a stream that stops still shows its end
 *  complete(): publishes whatever is still pending, whatever the rate, then DONE
 * </pre>
 *
 * <h2>Why the state is the node's own</h2>
 * Input frames must be released at once so the writer is never held up, and the slot's next claimed set holds
 * older data after a publish (see {@link PreviewSlot}); so a node copies what it takes into its own buffers and
 * {@link #fill} writes every lane from them. That is one copy per frame taken, plus one per publish. With the
 * keep-latest edges previews are meant to have (see {@code NodeDescriptor.preview()}), a node takes only the
 * frames that are newest when it looks, and nodes that show only the newest frame skip the older of several
 * available frames without copying them.
 *
 * <h2>Threads and allocation</h2>
 * Every method runs on the node's worker thread (all preview nodes are COOPERATIVE). {@code open} reads params,
 * allocates the state and opens the slot; {@code process}, {@code onParamsChanged} (for {@code max_fps} and the
 * subclass's hot params) and {@code complete} allocate nothing and never block: the slot is a triple buffer
 * whose publish is one atomic swap. {@code System.nanoTime} paces the publishing; it allocates nothing either.
 */
abstract class PreviewSink implements Processor {

    /** Frames taken from one input per call at most, to keep a cooperative call short. */
    static final int MAX_FRAMES_PER_CALL = 64;
    static final long DEFAULT_MAX_FPS = 60;

    /** The {@code max_fps} param every preview node has. */
    static ParamSpec maxFpsParam() {
        return ParamSpec.integer("max_fps", "Max rate", DEFAULT_MAX_FPS, 1, 240, "Hz", true,
                "Publishes to the viewer at most this often, always the newest data; input is taken at any rate.");
    }

    /** "node 'id' (type)", for messages. */
    protected String who;
    private PreviewSlot slot;
    private long intervalNanos;
    private long nextAllowed;
    private boolean pending;

    /**
     * Reads the params, allocates the state and opens the slot ({@link #openSlot}). Called once on the worker
     * thread; may allocate.
     *
     * @throws IllegalArgumentException naming the node when an input's size is not known or a param is unusable
     */
    @Override
    public final void open(ProcessorContext context) throws Exception {
        who = "node '" + context.nodeId() + "' (" + context.descriptor().id() + ")";
        applyRate(context.params());
        slot = openSlot(context);
        nextAllowed = System.nanoTime();
    }

    /**
     * Reads params and input types, allocates the node's state, and opens its slot with
     * {@link ProcessorContext#openPreview}. Called once, from {@link #open}.
     */
    protected abstract PreviewSlot openSlot(ProcessorContext context) throws Exception;

    /**
     * Consumes what the inputs hold now into the node's state, at most {@link #MAX_FRAMES_PER_CALL} frames per
     * input. Called from {@code process}; must not allocate.
     *
     * @return frames released (0 when nothing was available)
     */
    protected abstract int take(Inputs in);

    /**
     * Writes every lane of {@code lanes}, header and length included, from the node's state. Called when
     * publishing, at most {@code max_fps} times a second and once more from {@code complete}; must not allocate.
     */
    protected abstract void fill(Frame[] lanes);

    /**
     * Whether the state holds enough to publish: a node whose lanes need data from one particular input (the video
     * node's image) says no until it came, so the viewer never gets a blank picture. Called from {@code process}
     * and {@code complete}; must not allocate.
     */
    protected boolean ready() {
        return true;
    }

    /**
     * Whether the last {@link #take} that released frames also changed the state {@link #fill} reads. True unless a
     * node releases some frames unread (the waterfall between two rows), so that it does not publish the same
     * picture again. Called from {@code process}; must not allocate.
     */
    protected boolean tookNewData() {
        return true;
    }

    /**
     * Applies the subclass's own hot params. Called between two {@code process} calls on the worker thread; must
     * not allocate.
     */
    protected void paramsChanged(Params next) {
    }

    /** Takes the input and publishes when something new may be published; see the class comment. */
    @Override
    public final WorkStatus process(Inputs in, Outputs out) {
        int taken = take(in);
        if (taken > 0 && tookNewData()) {
            pending = true;
        }
        if (pending && ready()) {
            long now = System.nanoTime();
            if (now - nextAllowed >= 0) {
                publish();
                nextAllowed = now + intervalNanos;
            }
        }
        // Publishing into the slot is not output on a port: only taking input counts as progress.
        return taken > 0 ? WorkStatus.OK : WorkStatus.NEED_INPUT;
    }

    /** Publishes the last data the stream brought if the rate limit held it back, so the viewer sees the end. */
    @Override
    public final WorkStatus complete(Outputs out) {
        if (pending && ready()) {
            publish();
        }
        return WorkStatus.DONE;
    }

    /** Applies a new {@code max_fps} (from the next publish on) and the subclass's hot params. */
    @Override
    public final void onParamsChanged(Params previous, Params next) {
        applyRate(next);
        paramsChanged(next);
    }

    private void applyRate(Params p) {
        intervalNanos = 1_000_000_000L / p.getLong("max_fps");
    }

    private void publish() {
        fill(slot.claim());
        slot.publish();
        pending = false;
    }

    /** The resolved type of input {@code name}, refusing one whose size the upstream did not fix. */
    protected final DataType inputType(ProcessorContext context, String name) {
        for (ResolvedPort p : context.inputs()) {
            if (p.name().equals(name)) {
                if (!p.type().isResolved()) {
                    throw new IllegalArgumentException(who + ": the size of input '" + name + "' is not known ("
                            + p.type().describe() + "); connect it to an output that states its size");
                }
                return p.type();
            }
        }
        throw new IllegalStateException(who + " has no input '" + name + "'");
    }

    /**
     * Releases all but the newest of the frames {@code port} holds now (at most {@link #MAX_FRAMES_PER_CALL}),
     * without reading them: for nodes that show only the newest frame.
     *
     * @return frames released
     */
    static int skipToNewest(InputPort port) {
        int skipped = 0;
        while (port.available() > 1 && skipped < MAX_FRAMES_PER_CALL - 1) {
            port.release();
            skipped++;
        }
        return skipped;
    }
}

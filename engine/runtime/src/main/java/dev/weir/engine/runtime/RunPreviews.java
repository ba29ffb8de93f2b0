package dev.weir.engine.runtime;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.preview.PreviewHub;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.api.preview.PreviewSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The preview slots of one session: made and attached to the run's {@link PreviewHub} when a preview node opens,
 * detached all together once the run is over.
 *
 * <pre>
 *   worker threads (open)                         thread that ends the run (Session.finishRun)
 *   ─────────────────────                         ─────────────────────────────────────────────
 *   ctx.openPreview ──&gt; new PreviewSlot           every worker has exited, so every processor is closed
 *                   ──&gt; hub.attach(slot)          detachAll(): hub.detach(slot) for each attached slot, once
 *                   ──&gt; remembered
 * </pre>
 *
 * <p>Slots are opened from several workers at once (each opens its own processors), hence the lock; it is taken
 * only in {@code open} and at the end of the run, never on the hot path.
 */
final class RunPreviews {

    private static final System.Logger LOG = System.getLogger(RunPreviews.class.getName());

    private final PreviewHub hub;
    /** Guarded by this. */
    private final List<PreviewSlot> attached = new ArrayList<>();
    /** Guarded by this: set by {@link #detachAll}, after which a late slot is detached at once. */
    private boolean over;

    RunPreviews(PreviewHub hub) {
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    /**
     * Makes a slot for node {@code nodeId} and attaches it to the hub. Called from a processor's {@code open}, on
     * its worker thread. A hub whose {@code attach} throws fails that node's open with the hub's exception; such a
     * slot was never attached, so it is not detached either.
     */
    PreviewSlot open(String nodeId, PreviewSpec spec, List<DataType> laneTypes) {
        PreviewSlot slot = new PreviewSlot(nodeId, spec, laneTypes);
        hub.attach(slot);
        boolean late;
        synchronized (this) {
            late = over;
            if (!late) {
                attached.add(slot);
            }
        }
        if (late) {
            // Cannot happen while detachAll runs only after every worker has exited; kept so that a slot can
            // never stay attached to a viewer past its run.
            detach(slot);
        }
        return slot;
    }

    /**
     * Detaches every attached slot, once: later calls do nothing. Called by the session when the run has ended,
     * after every worker closed its processors, whether the run completed, stopped or failed. A hub that throws
     * is logged and does not keep the other slots attached or the run from ending.
     */
    void detachAll() {
        List<PreviewSlot> slots;
        synchronized (this) {
            if (over) {
                return;
            }
            over = true;
            slots = List.copyOf(attached);
            attached.clear();
        }
        for (PreviewSlot s : slots) {
            detach(s);
        }
    }

    private void detach(PreviewSlot slot) {
        try {
            hub.detach(slot);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "preview hub failed to detach " + slot, e);
        }
    }
}

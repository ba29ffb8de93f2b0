package dev.weir.engine.api.preview;

/**
 * Where a run's preview slots go: the editor's preview panels, or nowhere. Implemented by the viewer, called by
 * the engine.
 *
 * <h2>How the methods are called</h2>
 * <ul>
 *   <li>{@link #attach} on the preview processor's thread, from its {@code open}, once per slot. It must return
 *       quickly and must not block; a viewer typically records the slot and redraws on its own clock.</li>
 *   <li>{@link #detach} by the engine once the run has ended and the processor has been closed, on the thread
 *       that ends the run. The slot is never written again; a viewer may keep showing its last picture.</li>
 * </ul>
 * Both may be called concurrently for different slots of one run (processors open on several workers).
 */
public interface PreviewHub {

    /** A hub that ignores every slot, for runs with no viewer. */
    PreviewHub NONE = new PreviewHub() {
        @Override
        public void attach(PreviewSlot slot) {
        }

        @Override
        public void detach(PreviewSlot slot) {
        }
    };

    /** A preview slot of a starting run is ready to be read. */
    void attach(PreviewSlot slot);

    /** The run that owned {@code slot} has ended. */
    void detach(PreviewSlot slot);
}

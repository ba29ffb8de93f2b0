package dev.weir.e2e;

import dev.weir.engine.api.preview.PreviewHub;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.OverflowPolicy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the example tests share about previews: the edge that feeds them, and a hub that keeps every slot. */
final class Previews {

    /**
     * The edge into a preview node: keep-latest, so a preview never holds up its writer, and two frames, so the
     * reader can hold one while the writer fills the next.
     */
    static final EdgeSpec EDGE = EdgeSpec.DEFAULT.withCapacity(2).withOverflow(OverflowPolicy.KEEP_LATEST);

    private Previews() {
    }

    /** A viewer that keeps every slot it is given, by node id, and counts detaches. */
    static final class Hub implements PreviewHub {
        final Map<String, PreviewSlot> slots = new ConcurrentHashMap<>();
        final Map<String, Integer> detached = new ConcurrentHashMap<>();

        @Override
        public void attach(PreviewSlot slot) {
            slots.put(slot.nodeId(), slot);
        }

        @Override
        public void detach(PreviewSlot slot) {
            detached.merge(slot.nodeId(), 1, Integer::sum);
        }
    }
}

package dev.weir.nodes.eeg;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;

import java.util.List;

/** Biosignal sources: the simulated EEG (no real EEG recording can be shipped, see ASSETS.md). */
public final class EegNodes implements NodeProvider {

    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(EegSimNode.descriptor());
    }
}

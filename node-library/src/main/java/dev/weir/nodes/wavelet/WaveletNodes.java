package dev.weir.nodes.wavelet;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;

import java.util.List;

/** Time-frequency nodes built on wavelets: the complex Morlet CWT. */
public final class WaveletNodes implements NodeProvider {

    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(CwtMorletNode.descriptor());
    }
}

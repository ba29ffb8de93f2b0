package dev.weir.nodes.dsp;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;

import java.util.List;

/**
 * The spectral and filtering node types: a sinusoid source, windowed FFT, IFFT, magnitude/power/dB, a
 * firwin-designed FIR filter and plain decimation. Found through {@link java.util.ServiceLoader}.
 */
public final class DspNodes implements NodeProvider {

    /** Called once by whoever builds a registry; builds the descriptors, allocating only them. */
    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(SinusoidsNode.descriptor(), FftNode.descriptor(), IfftNode.descriptor(),
                MagnitudeNode.descriptor(), FirNode.descriptor(), DecimateNode.descriptor());
    }
}

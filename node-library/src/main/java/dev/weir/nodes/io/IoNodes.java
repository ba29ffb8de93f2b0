package dev.weir.nodes.io;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;

import java.util.List;

/** File sources and sinks: raw (GNU Radio format), NumPy .npy, WAV and CSV, all BLOCKING on their own threads. */
public final class IoNodes implements NodeProvider {

    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(RawSourceNode.descriptor(), NpySourceNode.descriptor(), WavSourceNode.descriptor(),
                CsvSourceNode.descriptor(), RawSinkNode.descriptor(), NpySinkNode.descriptor(),
                CsvSinkNode.descriptor());
    }
}

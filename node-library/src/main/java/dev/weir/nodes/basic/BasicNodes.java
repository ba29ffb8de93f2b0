package dev.weir.nodes.basic;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;

import java.util.List;

/**
 * The basic node types: a counter source, multiply, sum and a null sink, each over integer records or float
 * streams. They build the engine's seed-shape tests, its benchmarks and the simplest example graphs.
 */
public final class BasicNodes implements NodeProvider {

    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(CounterNode.descriptor(), MultiplyNode.descriptor(), SumNode.descriptor(),
                NullSinkNode.descriptor());
    }
}

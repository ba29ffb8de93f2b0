package dev.weir.engine.ipc;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;
import dev.weir.engine.runtime.testnodes.Collector;
import dev.weir.engine.runtime.testnodes.TestNodes;

import java.util.List;

/**
 * The runtime's test node types for worker processes, which find providers by class name and need a no-argument
 * constructor. Sinks that collect run in the test's own process; a worker's collector is never read.
 */
public final class WorkerTestNodes implements NodeProvider {
    @Override
    public List<NodeDescriptor> descriptors() {
        return new TestNodes(new Collector()).descriptors();
    }
}

package dev.weir.nodes.flow;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;

import java.util.List;

/** Flow control: head (stop after N samples) and throttle (pace to real time). */
public final class FlowNodes implements NodeProvider {

    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(HeadNode.descriptor(), ThrottleNode.descriptor());
    }
}

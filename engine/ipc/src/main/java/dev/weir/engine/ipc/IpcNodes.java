package dev.weir.engine.ipc;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;

import java.util.List;

/** The node types that need this module: {@code replay.queue_source}. Found through {@link java.util.ServiceLoader}. */
public final class IpcNodes implements NodeProvider {
    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(ReplayNode.descriptor());
    }
}

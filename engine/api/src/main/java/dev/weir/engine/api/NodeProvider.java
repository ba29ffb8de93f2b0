package dev.weir.engine.api;

import java.util.List;

/**
 * A set of node types, found with {@link java.util.ServiceLoader}. A module lists its providers in
 * {@code META-INF/services/dev.weir.engine.api.NodeProvider}.
 */
public interface NodeProvider {
    /**
     * The node types this provider contributes.
     *
     * <p><b>Called</b> once, by whoever builds a {@link NodeRegistry}, on that thread. It may allocate and
     * should be cheap: build descriptors, do not open files or load models here.
     */
    List<NodeDescriptor> descriptors();
}

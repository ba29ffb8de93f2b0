package dev.weir.engine.api;

import java.util.List;

/**
 * A provider found through {@code registry-fixture/META-INF/services}; public with a public no-argument
 * constructor, as {@link java.util.ServiceLoader} requires of class-path providers.
 */
public final class ServiceLoadedProvider implements NodeProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public ServiceLoadedProvider() {
    }

    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(SampleNodes.GAIN, SampleNodes.COUNTER);
    }
}

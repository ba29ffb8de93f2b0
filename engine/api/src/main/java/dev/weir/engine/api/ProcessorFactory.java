package dev.weir.engine.api;

/**
 * Creates a fresh {@link Processor} for each run of a node instance. Descriptors are blueprints; the
 * processor is the running instance and owns all mutable state.
 */
@FunctionalInterface
public interface ProcessorFactory {
    /**
     * Creates an unopened processor.
     *
     * <p><b>Called</b> by the engine's planning thread once per node instance per run, before any thread of
     * the run starts. It may allocate, but should not acquire resources: that belongs in
     * {@link Processor#open}, which has the params and can fail with a message.
     */
    Processor create();
}

package dev.weir.engine.api;

import java.util.List;

/**
 * The output ports of one processor, in the order of {@link ProcessorContext#outputs()}; a final class over
 * an array, created once per run.
 */
public final class Outputs {

    private final OutputPort[] ports;

    /** Wraps ports in resolved order. Called by the engine and by test harnesses. */
    public Outputs(List<? extends OutputPort> ports) {
        this.ports = ports.toArray(OutputPort[]::new);
    }

    /** Number of output ports. */
    public int size() {
        return ports.length;
    }

    /** The port at {@code index}. */
    public OutputPort port(int index) {
        return ports[index];
    }

    /**
     * The port called {@code name}. Resolve names once in {@code open}, not per call.
     *
     * @throws IllegalArgumentException when there is no such port
     */
    public OutputPort port(String name) {
        for (OutputPort p : ports) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no output port '" + name + "'");
    }

    /** The smallest {@link OutputPort#remaining()} over all ports; {@code Integer.MAX_VALUE} when none. */
    public int minRemaining() {
        int min = Integer.MAX_VALUE;
        for (OutputPort p : ports) {
            min = Math.min(min, p.remaining());
        }
        return min;
    }
}

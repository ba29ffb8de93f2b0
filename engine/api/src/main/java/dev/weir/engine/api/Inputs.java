package dev.weir.engine.api;

import java.util.List;

/**
 * The input ports of one processor, in the order of {@link ProcessorContext#inputs()}. A final class over an
 * array, created once per run, so that {@code in.port(i)} is a plain array load on the hot path.
 */
public final class Inputs {

    private final InputPort[] ports;

    /** Wraps ports in resolved order. Called by the engine and by test harnesses. */
    public Inputs(List<? extends InputPort> ports) {
        this.ports = ports.toArray(InputPort[]::new);
    }

    /** Number of input ports. */
    public int size() {
        return ports.length;
    }

    /** The port at {@code index}. */
    public InputPort port(int index) {
        return ports[index];
    }

    /**
     * The port called {@code name}. Resolve names once in {@code open}, not per call.
     *
     * @throws IllegalArgumentException when there is no such port
     */
    public InputPort port(String name) {
        for (InputPort p : ports) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no input port '" + name + "'");
    }

    /** Whether every input is at end of stream. True for a node without inputs. */
    public boolean allEndOfStream() {
        for (InputPort p : ports) {
            if (!p.isEndOfStream()) {
                return false;
            }
        }
        return true;
    }

    /** The smallest {@link InputPort#available()} over all ports; 0 when there are no ports. */
    public int minAvailable() {
        if (ports.length == 0) {
            return 0;
        }
        int min = Integer.MAX_VALUE;
        for (InputPort p : ports) {
            min = Math.min(min, p.available());
        }
        return min;
    }
}

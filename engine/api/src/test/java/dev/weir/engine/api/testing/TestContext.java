package dev.weir.engine.api.testing;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.ResolvedPort;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link ProcessorContext} for one node instance in a test, derived from a descriptor and params exactly
 * as the engine derives it: params are {@linkplain NodeDescriptor#canonicalParams(Params) checked and made
 * canonical} (so a test with a bad param fails the same way a graph would), and ports are resolved from them.
 *
 * <p>The {@link #logger()} records every message, so tests can assert on what a node logged, and forwards it,
 * prefixed with the node id, to the platform logger named after the node type.
 */
public final class TestContext implements ProcessorContext {

    /** One message logged through {@link TestContext#logger()}. */
    public record LoggedMessage(System.Logger.Level level, String message, Throwable thrown) {
    }

    private final String nodeId;
    private final NodeDescriptor descriptor;
    private final Params params;
    private final List<ResolvedPort> inputs;
    private final List<ResolvedPort> outputs;
    private final Set<String> unconnectedInputs;
    private final List<LoggedMessage> logged = Collections.synchronizedList(new ArrayList<>());
    private final System.Logger logger;

    /** A context for node {@code "node-under-test"} with every input connected. */
    public TestContext(NodeDescriptor descriptor, Params params) {
        this("node-under-test", descriptor, params, Set.of());
    }

    /**
     * A context for node {@code nodeId}.
     *
     * @param params            given params; defaults fill the gaps
     * @param unconnectedInputs names of inputs without an edge (must be optional ports)
     * @throws IllegalArgumentException naming every bad param, or an unknown or required unconnected input
     */
    public TestContext(String nodeId, NodeDescriptor descriptor, Params params, Set<String> unconnectedInputs) {
        this(nodeId, descriptor, params, unconnectedInputs, null, null);
    }

    /**
     * A context whose ports carry the types the graph validator would give them: inputs with open dimensions
     * take the types in {@code inputTypes} (by port name, as if an edge of that type fed them), and outputs come
     * from the node's {@link dev.weir.engine.api.TypeInference}. For nodes whose sizes follow their inputs.
     */
    public static TestContext inferred(String nodeId, NodeDescriptor descriptor, Params params,
                                       Set<String> unconnectedInputs, java.util.Map<String, DataType> inputTypes) {
        Params canonical = descriptor.canonicalParams(Objects.requireNonNull(params, "params"));
        List<ResolvedPort> ins = new ArrayList<>();
        for (ResolvedPort p : descriptor.resolveInputs(canonical)) {
            DataType fed = inputTypes.get(p.name());
            ins.add(fed != null && !p.type().isResolved()
                    ? new ResolvedPort(p.name(), p.index(), fed, p.optional(), p.spec()) : p);
        }
        List<ResolvedPort> declared = descriptor.resolveOutputs(canonical);
        List<DataType> types = descriptor.inference().outputs(canonical, ins, declared);
        List<ResolvedPort> outs = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            ResolvedPort p = declared.get(i);
            outs.add(new ResolvedPort(p.name(), p.index(), types.get(i), p.optional(), p.spec()));
        }
        return new TestContext(nodeId, descriptor, params, unconnectedInputs, ins, outs);
    }

    private TestContext(String nodeId, NodeDescriptor descriptor, Params params, Set<String> unconnectedInputs,
                        List<ResolvedPort> inputs, List<ResolvedPort> outputs) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.params = descriptor.canonicalParams(Objects.requireNonNull(params, "params"));
        this.inputs = inputs != null ? List.copyOf(inputs) : descriptor.resolveInputs(this.params);
        this.outputs = outputs != null ? List.copyOf(outputs) : descriptor.resolveOutputs(this.params);
        this.unconnectedInputs = Set.copyOf(unconnectedInputs);
        for (String name : this.unconnectedInputs) {
            ResolvedPort p = this.inputs.stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("node type '" + descriptor.id()
                            + "' has no input '" + name + "'; inputs are " + names(this.inputs)));
            if (!p.optional()) {
                throw new IllegalArgumentException("input '" + name + "' of node type '" + descriptor.id()
                        + "' is required; only optional inputs may be unconnected");
            }
        }
        this.logger = new RecordingLogger(descriptor.id(), nodeId, logged);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public NodeDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public List<ResolvedPort> inputs() {
        return inputs;
    }

    @Override
    public List<ResolvedPort> outputs() {
        return outputs;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when there is no such input, so that a typo fails loudly
     */
    @Override
    public boolean isInputConnected(String name) {
        for (ResolvedPort p : inputs) {
            if (p.name().equals(name)) {
                return !unconnectedInputs.contains(name);
            }
        }
        throw new IllegalArgumentException("node type '" + descriptor.id() + "' has no input '" + name
                + "'; inputs are " + names(inputs));
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    /** Every message logged so far, oldest first (a snapshot). */
    public List<LoggedMessage> loggedMessages() {
        synchronized (logged) {
            return List.copyOf(logged);
        }
    }

    /** Messages logged at {@code level} or above, oldest first. */
    public List<LoggedMessage> loggedAtLeast(System.Logger.Level level) {
        return loggedMessages().stream().filter(m -> m.level().getSeverity() >= level.getSeverity()).toList();
    }

    static List<String> names(List<ResolvedPort> ports) {
        return ports.stream().map(ResolvedPort::name).toList();
    }

    /** Records every message; forwards what the platform logger wants, prefixed with the node id. */
    private static final class RecordingLogger implements System.Logger {
        private final String name;
        private final String nodeId;
        private final List<LoggedMessage> sink;
        private final System.Logger delegate;

        RecordingLogger(String name, String nodeId, List<LoggedMessage> sink) {
            this.name = name;
            this.nodeId = nodeId;
            this.sink = sink;
            this.delegate = System.getLogger(name);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            // Everything is recorded, whatever the platform logger's threshold.
            return level != Level.OFF;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            record(level, msg, thrown);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            record(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params), null);
        }

        private void record(Level level, String message, Throwable thrown) {
            if (level == Level.OFF) {
                return;
            }
            sink.add(new LoggedMessage(level, message, thrown));
            if (delegate.isLoggable(level)) {
                delegate.log(level, "[" + nodeId + "] " + message, thrown);
            }
        }
    }

    @Override
    public String toString() {
        return "TestContext[" + nodeId + ", " + descriptor.id() + ", " + params + ", unconnected inputs "
                + new TreeSet<>(unconnectedInputs) + "]";
    }
}

package dev.weir.engine.model;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.TypeInference;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a {@link GraphDocument} against a {@link NodeRegistry} and reports <em>every</em> problem, not only the
 * first, so that a user fixing a loaded file sees all that is wrong at once.
 *
 * <p>Callers:
 * <ul>
 *   <li>the editor calls {@link #validate} after each command to mark nodes and edges, and
 *       {@link #canConnect}/{@link #explainWhyNot} while the user drags a wire;</li>
 *   <li>the runtime calls {@link #validateForRun} before planning, and plans from the returned
 *       {@link ValidatedGraph} only;</li>
 *   <li>{@code weir check} prints {@link #validate}'s problems.</li>
 * </ul>
 *
 * <h2>What is checked, in report order</h2>
 * Problems come in a deterministic order: nodes in document order (for each: type, version, params, ports,
 * unsized outputs, missing inputs), then edges in document order (dangling ends, unknown ports, types, second
 * writer, delay size, transport against process placement, back-pressure into a preview node), then loops without a
 * delay, ordered by their first node in the document.
 *
 * <p>Disabled nodes are skipped entirely, with every edge touching them, as GRC does; the one trace they leave is
 * that an enabled node whose required input is fed only by a disabled node gets {@link ProblemCode#MISSING_INPUT}.
 *
 * <p>A node whose ports cannot be known (unknown type, invalid params, unresolvable ports) reports that once; its
 * edges are not checked against ports, so one mistake does not cascade into a problem per edge.
 *
 * <p>Instances are immutable and may be shared between threads; each call works on its own state.
 */
public final class GraphValidator {

    private final NodeRegistry registry;

    /**
     * A validator for the node types of {@code registry}. The app builds one per registry and keeps it; it is
     * cheap, so tests build their own.
     */
    public GraphValidator(NodeRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The registry node types are resolved against. */
    public NodeRegistry registry() {
        return registry;
    }

    /**
     * Every problem of {@code doc}, in the order described in the class comment; empty when the graph can run.
     * The editor calls it after every change; it never throws for a bad document, only reports.
     */
    public List<Problem> validate(GraphDocument doc) {
        return new Analysis(Objects.requireNonNull(doc, "doc")).run().problems;
    }

    /**
     * Validates {@code doc} and derives what the runtime planner needs.
     *
     * <p>The runtime calls it once per run, before creating any processor. Warnings do not stop a run.
     *
     * @throws InvalidGraphException when there is at least one {@link Problem.Severity#ERROR error}; it carries
     *                               every problem and its message lists every error on its own line
     */
    public ValidatedGraph validateForRun(GraphDocument doc) {
        Analysis a = new Analysis(Objects.requireNonNull(doc, "doc")).run();
        if (a.problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidGraphException(doc.id(), a.problems);
        }
        return new ValidatedGraph(doc, a.resolved, a.active, a.topologicalOrder());
    }

    /**
     * Whether a new edge with the default spec (no delay) from {@code from} to {@code to} may be added; the
     * editor calls it on every mouse move while dragging a wire, to highlight the ports that accept it.
     */
    public boolean canConnect(GraphDocument doc, PortRef from, PortRef to) {
        return explainWhyNot(doc, from, to).isEmpty();
    }

    /** {@link #canConnect(GraphDocument, PortRef, PortRef)} for an edge that will have {@code spec}. */
    public boolean canConnect(GraphDocument doc, PortRef from, PortRef to, EdgeSpec spec) {
        return explainWhyNot(doc, from, to, spec).isEmpty();
    }

    /**
     * Why a new edge with the default spec (no delay) from {@code from} to {@code to} may not be added, or empty
     * when it may. The editor shows the message as the tooltip of a refused drop.
     *
     * <p>It looks only at the two nodes and the edges of the document, never runs a full validation, and takes
     * time linear in nodes plus edges. When the writer's output size follows its own inputs
     * ({@link TypeInference}), it first derives the document's types, which is linear too but calls each node's
     * inference (a video source's probe is cached by the node). It does not judge the rest of the document: a graph that already has
     * problems may still accept a good edge.
     */
    public Optional<Problem> explainWhyNot(GraphDocument doc, PortRef from, PortRef to) {
        return explainWhyNot(doc, from, to, EdgeSpec.DEFAULT);
    }

    /**
     * Why a new edge with {@code spec} from {@code from} to {@code to} may not be added, or empty when it may.
     * A spec with a delay lets the editor offer a feedback edge that the default spec would refuse.
     *
     * <p>Refusals, in the order they are checked: a node is not in the document ({@link ProblemCode#DANGLING_EDGE});
     * a node's ports are unknown ({@link ProblemCode#UNKNOWN_TYPE}, {@link ProblemCode#PARAM_INVALID},
     * {@link ProblemCode#PORT_UNRESOLVABLE}); a port does not exist ({@link ProblemCode#UNKNOWN_PORT}); the types
     * do not fit ({@link ProblemCode#TYPE_MISMATCH}); the input already has an edge
     * ({@link ProblemCode#INPUT_FED_TWICE}); the output has no fixed size ({@link ProblemCode#UNSIZED_OUTPUT});
     * the edge would close a loop without a delay, a node feeding itself included
     * ({@link ProblemCode#CYCLE_WITHOUT_DELAY}); the delay does not fit the capacity
     * ({@link ProblemCode#DELAY_EXCEEDS_CAPACITY}).
     *
     * <p>Unlike {@link #validate}, it counts disabled nodes and their edges: an edge the editor accepts must not
     * become an error the moment the user enables a node.
     */
    public Optional<Problem> explainWhyNot(GraphDocument doc, PortRef from, PortRef to, EdgeSpec spec) {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(spec, "spec");
        String refused = "cannot connect " + from + " to " + to + ": ";

        NodeInstance fromNode = doc.nodes().get(from.node());
        if (fromNode == null) {
            return refuse(ProblemCode.DANGLING_EDGE, refused + "node '" + from.node() + "' is not in the graph",
                    from.node(), null, null);
        }
        NodeInstance toNode = doc.nodes().get(to.node());
        if (toNode == null) {
            return refuse(ProblemCode.DANGLING_EDGE, refused + "node '" + to.node() + "' is not in the graph",
                    to.node(), null, null);
        }
        List<Problem> nodeProblems = new ArrayList<>();
        ResolvedNode writer = resolveNode(fromNode, nodeProblems);
        if (writer == null) {
            return Optional.of(rephrase(refused, nodeProblems));
        }
        ResolvedNode reader = fromNode.id().equals(toNode.id()) ? writer : resolveNode(toNode, nodeProblems);
        if (reader == null) {
            return Optional.of(rephrase(refused, nodeProblems));
        }

        Optional<ResolvedPort> out = writer.output(from.port());
        if (out.isEmpty()) {
            return refuse(ProblemCode.UNKNOWN_PORT, refused + "node '" + from.node() + "' has no output '"
                    + from.port() + "'; " + portList("outputs", writer.outputs()), from.node(), null, from.port());
        }
        Optional<ResolvedPort> in = reader.input(to.port());
        if (in.isEmpty()) {
            return refuse(ProblemCode.UNKNOWN_PORT, refused + "node '" + to.node() + "' has no input '"
                    + to.port() + "'; " + portList("inputs", reader.inputs()), to.node(), null, to.port());
        }
        DataType outType = out.get().type();
        if (!outType.isResolved() && writer.descriptor().infersOutputs()) {
            // The writer's size follows its own inputs, so ask what the whole document makes of it.
            ResolvedNode inferred = new Analysis(doc).inferOnly().resolved.get(writer.id());
            if (inferred != null) {
                outType = inferred.output(from.port()).map(ResolvedPort::type).orElse(outType);
            }
        }
        DataType inType = in.get().type();
        Optional<String> mismatch = outType.incompatibilityWith(inType);
        if (mismatch.isPresent()) {
            return refuse(ProblemCode.TYPE_MISMATCH, refused + "output type " + outType.describe()
                    + " does not fit input type " + inType.describe() + ": " + mismatch.get(), to.node(), null,
                    to.port());
        }
        for (EdgeInstance e : doc.edgeList()) {
            if (e.to().equals(to)) {
                return Optional.of(Problem.of(ProblemCode.INPUT_FED_TWICE, refused + "input '" + to.port()
                        + "' of node '" + to.node() + "' is already fed by edge '" + e.id()
                        + "', and an input takes exactly one edge", to.node(), e.id(), to.port(), null));
            }
        }
        // An output whose size follows the writer's inputs may be wired before those inputs are; validation
        // reports it if it is still open when the graph is run.
        if (!outType.isResolved() && !writer.descriptor().infersOutputs()) {
            return refuse(ProblemCode.UNSIZED_OUTPUT, refused + "output '" + from.port() + "' of node '"
                    + from.node() + "' has type " + outType.describe()
                    + ", whose size is not fixed, so its frames cannot be preallocated", from.node(), null,
                    from.port());
        }
        if (spec.delay() == 0) {
            if (from.node().equals(to.node())) {
                return refuse(ProblemCode.CYCLE_WITHOUT_DELAY, refused + "node '" + from.node()
                        + "' cannot feed itself without a delay; give the edge a delay of at least 1",
                        from.node(), null, null);
            }
            List<String> loop = zeroDelayPath(doc, to.node(), from.node());
            if (!loop.isEmpty()) {
                return refuse(ProblemCode.CYCLE_WITHOUT_DELAY, refused + "it would close a loop with no delay"
                        + " through nodes " + quoted(loop) + "; give the edge a delay of at least 1",
                        from.node(), null, null);
            }
        }
        String delayTrouble = delayTrouble(spec, outType);
        if (delayTrouble != null) {
            return refuse(ProblemCode.DELAY_EXCEEDS_CAPACITY, refused + "the edge " + delayTrouble, null, null,
                    null);
        }
        return Optional.empty();
    }

    /**
     * The node's outputs as its {@link TypeInference} derives them from {@code inputs}.
     *
     * @throws IllegalArgumentException with the inference's message, or when it returns the wrong number of types
     */
    private static List<ResolvedPort> inferredOutputs(ResolvedNode r, List<ResolvedPort> inputs) {
        List<DataType> types = r.descriptor().inference().outputs(r.params(), inputs, r.outputs());
        if (types == null || types.size() != r.outputs().size()) {
            throw new IllegalStateException("the type inference of '" + r.descriptor().id() + "' returned "
                    + (types == null ? "null" : types.size() + " types") + " for " + r.outputs().size() + " outputs");
        }
        List<ResolvedPort> outputs = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            ResolvedPort declared = r.outputs().get(i);
            DataType t = Objects.requireNonNull(types.get(i), "inferred type");
            outputs.add(new ResolvedPort(declared.name(), declared.index(), t, declared.optional(), declared.spec()));
        }
        return outputs;
    }

    /**
     * The param a type inference blames, so the editor can mark its field: inference messages that concern a
     * param start with {@code param 'key'} (the same convention as {@link NodeDescriptor#checkParams}).
     */
    private static String paramNamedBy(NodeDescriptor d, String message) {
        String prefix = "param '";
        if (message == null || !message.startsWith(prefix)) {
            return null;
        }
        int end = message.indexOf('\'', prefix.length());
        if (end < 0) {
            return null;
        }
        String key = message.substring(prefix.length(), end);
        return d.param(key).isPresent() ? key : null;
    }

    private static Optional<Problem> refuse(ProblemCode code, String message, String nodeId, String edgeId,
                                            String port) {
        return Optional.of(Problem.of(code, message, nodeId, edgeId, port, null));
    }

    /** The first problem that kept a node from resolving, reworded as the reason a connection is refused. */
    private static Problem rephrase(String refused, List<Problem> nodeProblems) {
        for (Problem p : nodeProblems) {
            // A newer type version is worth a warning in the document, but the ports are still known.
            if (p.code() != ProblemCode.TYPE_VERSION_NEWER) {
                return Problem.of(p.code(), refused + p.message(), p.nodeId(), null, p.port(), p.param());
            }
        }
        throw new IllegalStateException("a node failed to resolve without a problem: " + nodeProblems);
    }

    /**
     * Node ids of a path from {@code start} to {@code goal} along edges without a delay, both ends included, or
     * empty when there is none. Breadth first, so the loop shown to the user is a shortest one.
     */
    private static List<String> zeroDelayPath(GraphDocument doc, String start, String goal) {
        Map<String, List<String>> next = new HashMap<>();
        for (EdgeInstance e : doc.edgeList()) {
            if (e.spec().delay() == 0) {
                next.computeIfAbsent(e.from().node(), k -> new ArrayList<>()).add(e.to().node());
            }
        }
        Map<String, String> cameFrom = new HashMap<>();
        cameFrom.put(start, start);
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String u = queue.poll();
            if (u.equals(goal)) {
                List<String> path = new ArrayList<>();
                for (String v = goal; ; v = cameFrom.get(v)) {
                    path.add(v);
                    if (v.equals(start)) {
                        break;
                    }
                }
                return path.reversed();
            }
            for (String w : next.getOrDefault(u, List.of())) {
                if (cameFrom.putIfAbsent(w, u) == null) {
                    queue.add(w);
                }
            }
        }
        return List.of();
    }

    /**
     * The node with its descriptor, canonical params and ports, or null when they cannot be known; each reason is
     * added to {@code problems} (a newer type version is added too, but does not stop resolution).
     */
    private ResolvedNode resolveNode(NodeInstance node, List<Problem> problems) {
        Optional<NodeDescriptor> found = registry.find(node.type());
        if (found.isEmpty()) {
            problems.add(Problem.of(ProblemCode.UNKNOWN_TYPE, "node '" + node.id() + "' has type '" + node.type()
                    + "', which no installed node provider declares; its params and ports cannot be checked",
                    node.id(), null, null, null));
            return null;
        }
        NodeDescriptor d = found.get();
        if (node.typeVersion() > d.version()) {
            problems.add(Problem.of(ProblemCode.TYPE_VERSION_NEWER, "node '" + node.id() + "' was saved with version "
                    + node.typeVersion() + " of type '" + d.id() + "', but this installation only knows version "
                    + d.version() + "; install a newer provider of '" + d.id() + "'", node.id(), null, null, null));
        }
        List<NodeDescriptor.ParamProblem> paramProblems = d.checkParams(node.params());
        for (NodeDescriptor.ParamProblem pp : paramProblems) {
            problems.add(Problem.of(ProblemCode.PARAM_INVALID, "node '" + node.id() + "' param '" + pp.key() + "' "
                    + pp.message(), node.id(), null, null, pp.key()));
        }
        if (!paramProblems.isEmpty()) {
            // Ports may be sized by the bad param; guessing them would only add follow-on problems to the edges.
            return null;
        }
        Params params = d.canonicalParams(node.params());
        try {
            return new ResolvedNode(node, d, params, d.resolveInputs(params), d.resolveOutputs(params));
        } catch (IllegalArgumentException | IllegalStateException e) {
            problems.add(Problem.of(ProblemCode.PORT_UNRESOLVABLE, "node '" + node.id()
                    + "' ports cannot be derived from its params: " + e.getMessage(), node.id(), null, null, null));
            return null;
        }
    }

    /**
     * What is wrong with {@code spec}'s delay for a writer of type {@code writer}, as the end of a sentence whose
     * subject is the edge, or null when the delay fits. The initial items are written into the edge's frames
     * before the run starts, so they must all fit at once.
     */
    private static String delayTrouble(EdgeSpec spec, DataType writer) {
        int delay = spec.delay();
        if (delay == 0) {
            return null;
        }
        if (writer instanceof DataType.SampleStream s) {
            if (!s.chunk().isFixed()) {
                return null; // reported as UNSIZED_OUTPUT instead
            }
            int chunk = s.chunk().size();
            long frames = Math.ceilDiv((long) delay, chunk);
            if (frames <= spec.capacity()) {
                return null;
            }
            return "delays by " + delay + " samples, which needs " + frames + " frames of " + chunk
                    + " samples, but its capacity is " + spec.capacity() + " frames";
        }
        if (delay <= spec.capacity()) {
            return null;
        }
        return "delays by " + delay + " frames, more than its capacity of " + spec.capacity() + " frames";
    }

    private static String portList(String what, List<ResolvedPort> ports) {
        if (ports.isEmpty()) {
            return "it has no " + what;
        }
        return "its " + what + " are " + ports.stream().map(p -> "'" + p.name() + "'")
                .collect(Collectors.joining(", "));
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
    }

    /** The state of one {@link #validate} or {@link #validateForRun} call. */
    private final class Analysis {
        private final GraphDocument doc;
        /** Document position of every node, for ordering loops and breaking ties in the topological order. */
        private final Map<String, Integer> position = new HashMap<>();
        private final List<NodeInstance> nodes;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, ResolvedNode> resolved = new LinkedHashMap<>();
        /** Edges whose both ends exist and are enabled: the ones a run would use. */
        private final List<EdgeInstance> active = new ArrayList<>();
        /** Every edge of the document by the input it targets, dangling or not. */
        private final Map<PortRef, List<EdgeInstance>> edgesByTarget = new HashMap<>();
        /** Outputs read by at least one active edge. */
        private final Set<PortRef> connectedOutputs = new HashSet<>();
        /** Nodes whose type inference threw; their open outputs are not reported again as unsized. */
        private final Set<String> inferenceFailed = new HashSet<>();

        Analysis(GraphDocument doc) {
            this.doc = doc;
            this.nodes = List.copyOf(doc.nodeList());
            for (int i = 0; i < nodes.size(); i++) {
                position.put(nodes.get(i).id(), i);
            }
            for (EdgeInstance e : doc.edgeList()) {
                edgesByTarget.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
                if (enabled(e.from().node()) && enabled(e.to().node())) {
                    active.add(e);
                    connectedOutputs.add(e.from());
                }
            }
        }

        private boolean enabled(String nodeId) {
            NodeInstance n = doc.nodes().get(nodeId);
            return n != null && n.enabled();
        }

        Analysis run() {
            inferOnly();
            for (ResolvedNode r : resolved.values()) {
                if (!inferenceFailed.contains(r.id())) {
                    checkSized(r);
                }
            }
            Map<PortRef, String> firstWriter = new HashMap<>();
            for (EdgeInstance e : doc.edgeList()) {
                checkEdge(e, firstWriter);
            }
            checkLoops();
            return this;
        }

        /**
         * Resolves every enabled node and derives the types that follow the inputs, without judging edges or
         * loops: {@link #run}'s first half, and all {@link #explainWhyNot} needs to know a writer's real type.
         */
        Analysis inferOnly() {
            for (NodeInstance n : nodes) {
                if (n.enabled()) {
                    checkNode(n);
                }
            }
            inferTypes();
            return this;
        }

        private void checkNode(NodeInstance n) {
            ResolvedNode r = resolveNode(n, problems);
            if (r == null) {
                return;
            }
            resolved.put(n.id(), r);
            for (ResolvedPort in : r.inputs()) {
                if (!in.optional()) {
                    checkFed(n, in);
                }
            }
        }

        private void checkSized(ResolvedNode r) {
            for (ResolvedPort out : r.outputs()) {
                // An unconnected output discards items and needs no frames, so only connected ones must be sized.
                if (!out.type().isResolved() && connectedOutputs.contains(new PortRef(r.id(), out.name()))) {
                    String why = r.descriptor().infersOutputs()
                            ? ", whose size is not fixed: it follows the node's inputs, so connect them to sized outputs"
                            : ", whose size is not fixed, so its frames cannot be preallocated; it cannot be connected";
                    problems.add(Problem.of(ProblemCode.UNSIZED_OUTPUT, "node '" + r.id() + "' output '"
                            + out.name() + "' has type " + out.type().describe() + why, r.id(), null, out.name(),
                            null));
                }
            }
        }

        /**
         * Gives every input whose declared type leaves a dimension open the type of the output that feeds it, and
         * lets each node's {@link TypeInference} derive its outputs from those, writers before readers. Nodes on a
         * loop without a delay (reported separately) come last, in document order, and see what is known by then.
         */
        private void inferTypes() {
            for (String id : inferenceOrder()) {
                ResolvedNode r = resolved.get(id);
                List<ResolvedPort> inputs = new ArrayList<>(r.inputs().size());
                boolean fed = false;
                for (ResolvedPort in : r.inputs()) {
                    DataType feeding = in.type().isResolved() ? null : feedingType(new PortRef(id, in.name()), in);
                    if (feeding != null) {
                        inputs.add(new ResolvedPort(in.name(), in.index(), feeding, in.optional(), in.spec()));
                        fed = true;
                    } else {
                        inputs.add(in);
                    }
                }
                if (!fed && !r.descriptor().infersOutputs()) {
                    continue;
                }
                List<ResolvedPort> outputs = r.outputs();
                if (r.descriptor().infersOutputs()) {
                    try {
                        outputs = inferredOutputs(r, inputs);
                    } catch (IllegalArgumentException | IllegalStateException e) {
                        inferenceFailed.add(id);
                        problems.add(Problem.of(ProblemCode.PORT_UNRESOLVABLE, "node '" + id
                                + "' output types cannot be derived: " + e.getMessage(), id, null, null,
                                paramNamedBy(r.descriptor(), e.getMessage())));
                    }
                }
                resolved.put(id, new ResolvedNode(r.node(), r.descriptor(), r.params(), inputs, outputs));
            }
        }

        /** The type of the output feeding input {@code target}, when one active edge does and the types fit. */
        private DataType feedingType(PortRef target, ResolvedPort declared) {
            for (EdgeInstance e : edgesByTarget.getOrDefault(target, List.of())) {
                ResolvedNode writer = resolved.get(e.from().node());
                if (writer == null || !enabled(e.from().node())) {
                    continue;
                }
                Optional<ResolvedPort> out = writer.output(e.from().port());
                if (out.isPresent() && out.get().type().incompatibilityWith(declared.type()).isEmpty()) {
                    return out.get().type();
                }
            }
            return null;
        }

        /**
         * Resolved nodes with writers before readers along active edges without a delay (Kahn); nodes left over
         * because they sit on such a loop follow in document order.
         */
        private List<String> inferenceOrder() {
            Map<String, Integer> inDegree = new HashMap<>();
            Map<String, List<String>> next = new HashMap<>();
            for (String id : resolved.keySet()) {
                inDegree.put(id, 0);
            }
            for (EdgeInstance e : active) {
                if (e.spec().delay() == 0 && resolved.containsKey(e.from().node())
                        && resolved.containsKey(e.to().node())) {
                    inDegree.merge(e.to().node(), 1, Integer::sum);
                    next.computeIfAbsent(e.from().node(), k -> new ArrayList<>()).add(e.to().node());
                }
            }
            ArrayDeque<String> ready = new ArrayDeque<>();
            for (String id : resolved.keySet()) {
                if (inDegree.get(id) == 0) {
                    ready.add(id);
                }
            }
            Set<String> done = new LinkedHashSet<>();
            while (!ready.isEmpty()) {
                String u = ready.poll();
                done.add(u);
                for (String w : next.getOrDefault(u, List.of())) {
                    if (inDegree.merge(w, -1, Integer::sum) == 0) {
                        ready.add(w);
                    }
                }
            }
            done.addAll(resolved.keySet());
            return List.copyOf(done);
        }

        private void checkFed(NodeInstance n, ResolvedPort in) {
            List<String> disabledWriters = new ArrayList<>();
            for (EdgeInstance e : edgesByTarget.getOrDefault(new PortRef(n.id(), in.name()), List.of())) {
                NodeInstance writer = doc.nodes().get(e.from().node());
                if (writer == null) {
                    continue; // a dangling edge feeds nothing; it is reported on its own
                }
                if (writer.enabled()) {
                    return;
                }
                disabledWriters.add(writer.id());
            }
            String why = disabledWriters.isEmpty() ? "is not connected"
                    : "is fed only by disabled node" + (disabledWriters.size() == 1 ? " " : "s ")
                    + quoted(disabledWriters);
            problems.add(Problem.of(ProblemCode.MISSING_INPUT, "node '" + n.id() + "' required input '" + in.name()
                    + "' " + why, n.id(), null, in.name(), null));
        }

        private void checkEdge(EdgeInstance e, Map<PortRef, String> firstWriter) {
            NodeInstance fromNode = doc.nodes().get(e.from().node());
            NodeInstance toNode = doc.nodes().get(e.to().node());
            if ((fromNode != null && !fromNode.enabled()) || (toNode != null && !toNode.enabled())) {
                return; // an edge touching a disabled node takes no part in a run, so nothing about it matters
            }
            if (fromNode == null || toNode == null) {
                String message;
                if (fromNode == null && toNode == null) {
                    message = "edge '" + e.id() + "' joins nodes '" + e.from().node() + "' and '" + e.to().node()
                            + "', neither of which is in the graph";
                } else if (fromNode == null) {
                    message = "edge '" + e.id() + "' comes from node '" + e.from().node()
                            + "', which is not in the graph";
                } else {
                    message = "edge '" + e.id() + "' goes to node '" + e.to().node() + "', which is not in the graph";
                }
                String missing = fromNode == null ? e.from().node() : e.to().node();
                problems.add(Problem.of(ProblemCode.DANGLING_EDGE, message, missing, e.id(), null, null));
                return;
            }
            ResolvedNode writer = resolved.get(fromNode.id());
            ResolvedNode reader = resolved.get(toNode.id());
            ResolvedPort out = null;
            if (writer != null) {
                out = writer.output(e.from().port()).orElse(null);
                if (out == null) {
                    problems.add(Problem.of(ProblemCode.UNKNOWN_PORT, "edge '" + e.id() + "' comes from output '"
                            + e.from().port() + "' of node '" + fromNode.id() + "', which has no such output; "
                            + portList("outputs", writer.outputs()), fromNode.id(), e.id(), e.from().port(), null));
                }
            }
            ResolvedPort in = null;
            if (reader != null) {
                in = reader.input(e.to().port()).orElse(null);
                if (in == null) {
                    problems.add(Problem.of(ProblemCode.UNKNOWN_PORT, "edge '" + e.id() + "' goes to input '"
                            + e.to().port() + "' of node '" + toNode.id() + "', which has no such input; "
                            + portList("inputs", reader.inputs()), toNode.id(), e.id(), e.to().port(), null));
                }
            }
            if (out != null && in != null) {
                Optional<String> mismatch = out.type().incompatibilityWith(in.type());
                if (mismatch.isPresent()) {
                    problems.add(Problem.of(ProblemCode.TYPE_MISMATCH, "edge '" + e.id() + "' joins " + e.from()
                            + " of type " + out.type().describe() + " to " + e.to() + " of type "
                            + in.type().describe() + ", which do not fit: " + mismatch.get(),
                            toNode.id(), e.id(), e.to().port(), null));
                }
            }
            boolean inputKnownMissing = reader != null && in == null;
            if (!inputKnownMissing) {
                String first = firstWriter.putIfAbsent(e.to(), e.id());
                if (first != null) {
                    problems.add(Problem.of(ProblemCode.INPUT_FED_TWICE, "edge '" + e.id() + "' feeds input '"
                            + e.to().port() + "' of node '" + toNode.id() + "', which edge '" + first
                            + "' already feeds; an input takes exactly one edge (an output may feed many)",
                            toNode.id(), e.id(), e.to().port(), null));
                }
            }
            if (e.spec().transport() == Transport.IN_PROCESS && !fromNode.process().equals(toNode.process())) {
                problems.add(Problem.of(ProblemCode.TRANSPORT_CONFLICT, "edge '" + e.id() + "' asks for transport"
                        + " in_process, but node '" + fromNode.id() + "' runs in process '" + fromNode.process()
                        + "' and node '" + toNode.id() + "' in process '" + toNode.process()
                        + "'; set the transport to auto or ipc, or put both nodes in one process", null, e.id(),
                        null, null));
            } else if (e.spec().transport() == Transport.IN_PROCESS && e.spec().record()) {
                problems.add(Problem.of(ProblemCode.TRANSPORT_CONFLICT, "edge '" + e.id() + "' records, which"
                        + " keeps its items in a queue on disk, but asks for transport in_process; set the transport"
                        + " to auto or ipc, or stop recording it", null, e.id(), null, null));
            }
            if (out != null) {
                String trouble = delayTrouble(e.spec(), out.type());
                if (trouble != null) {
                    problems.add(Problem.of(ProblemCode.DELAY_EXCEEDS_CAPACITY, "edge '" + e.id() + "' " + trouble,
                            null, e.id(), null, null));
                }
            }
            // Judged from the type alone, so a preview whose params are being fixed still shows the warning.
            boolean intoPreview = registry.find(toNode.type()).map(NodeDescriptor::preview).orElse(false);
            if (intoPreview && e.spec().overflow() == OverflowPolicy.BACKPRESSURE) {
                problems.add(Problem.of(ProblemCode.PREVIEW_BACKPRESSURE, "edge '" + e.id() + "' feeds preview node '"
                        + toNode.id() + "' (input '" + e.to().port() + "') with back-pressure, so a preview that"
                        + " falls behind holds up node '" + fromNode.id() + "' and everything upstream of it; set"
                        + " the edge's overflow to keep_latest", toNode.id(), e.id(), e.to().port(), null));
            }
        }

        /**
         * Finds the strongly connected components of enabled nodes over active edges without a delay (Tarjan),
         * and reports each one that holds a loop. Written without recursion so that a long chain of nodes cannot
         * overflow the caller's stack.
         */
        private void checkLoops() {
            int n = nodes.size();
            List<List<EdgeInstance>> next = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                next.add(new ArrayList<>());
            }
            for (EdgeInstance e : active) {
                if (e.spec().delay() == 0) {
                    next.get(position.get(e.from().node())).add(e);
                }
            }
            int[] index = new int[n];
            int[] low = new int[n];
            int[] cursor = new int[n];
            boolean[] onStack = new boolean[n];
            Arrays.fill(index, -1);
            ArrayDeque<Integer> stack = new ArrayDeque<>();
            ArrayDeque<Integer> calls = new ArrayDeque<>();
            List<List<Integer>> loops = new ArrayList<>();
            int counter = 0;
            for (int root = 0; root < n; root++) {
                if (index[root] != -1 || !nodes.get(root).enabled()) {
                    continue;
                }
                index[root] = low[root] = counter++;
                stack.push(root);
                onStack[root] = true;
                calls.push(root);
                while (!calls.isEmpty()) {
                    int u = calls.peek();
                    if (cursor[u] < next.get(u).size()) {
                        int w = position.get(next.get(u).get(cursor[u]++).to().node());
                        if (index[w] == -1) {
                            index[w] = low[w] = counter++;
                            stack.push(w);
                            onStack[w] = true;
                            calls.push(w);
                        } else if (onStack[w]) {
                            low[u] = Math.min(low[u], index[w]);
                        }
                        continue;
                    }
                    calls.pop();
                    if (!calls.isEmpty()) {
                        int parent = calls.peek();
                        low[parent] = Math.min(low[parent], low[u]);
                    }
                    if (low[u] == index[u]) {
                        List<Integer> component = new ArrayList<>();
                        int w;
                        do {
                            w = stack.pop();
                            onStack[w] = false;
                            component.add(w);
                        } while (w != u);
                        boolean selfLoop = next.get(u).stream().anyMatch(e -> e.to().node().equals(e.from().node()));
                        if (component.size() > 1 || selfLoop) {
                            component.sort(Comparator.naturalOrder());
                            loops.add(component);
                        }
                    }
                }
            }
            loops.sort(Comparator.comparing(c -> c.getFirst()));
            for (List<Integer> loop : loops) {
                reportLoop(loop, next);
            }
        }

        private void reportLoop(List<Integer> loop, List<List<EdgeInstance>> next) {
            Set<String> members = new HashSet<>();
            List<String> ids = new ArrayList<>();
            for (int i : loop) {
                ids.add(nodes.get(i).id());
                members.add(nodes.get(i).id());
            }
            List<String> edgeIds = new ArrayList<>();
            for (EdgeInstance e : active) {
                if (e.spec().delay() == 0 && members.contains(e.from().node()) && members.contains(e.to().node())) {
                    edgeIds.add(e.id());
                }
            }
            String message = ids.size() == 1
                    ? "node '" + ids.getFirst() + "' feeds itself through edge" + (edgeIds.size() == 1 ? " " : "s ")
                    + quoted(edgeIds) + " with no delay; set a delay of at least 1 on it"
                    : "nodes " + quoted(ids) + " form a loop with no delay through edges " + quoted(edgeIds)
                    + "; set a delay of at least 1 on one edge of the loop";
            problems.add(Problem.of(ProblemCode.CYCLE_WITHOUT_DELAY, message, ids.getFirst(),
                    edgeIds.size() == 1 ? edgeIds.getFirst() : null, null, null));
        }

        /**
         * Kahn's algorithm over the resolved nodes and active edges without a delay, taking the earliest node in
         * the document whenever several are ready, so the order is stable.
         */
        List<String> topologicalOrder() {
            Map<String, Integer> inDegree = new HashMap<>();
            Map<String, List<String>> next = new HashMap<>();
            for (String id : resolved.keySet()) {
                inDegree.put(id, 0);
            }
            for (EdgeInstance e : active) {
                if (e.spec().delay() == 0) {
                    inDegree.merge(e.to().node(), 1, Integer::sum);
                    next.computeIfAbsent(e.from().node(), k -> new ArrayList<>()).add(e.to().node());
                }
            }
            PriorityQueue<String> ready = new PriorityQueue<>(Comparator.comparing(position::get));
            inDegree.forEach((id, d) -> {
                if (d == 0) {
                    ready.add(id);
                }
            });
            List<String> order = new ArrayList<>(resolved.size());
            while (!ready.isEmpty()) {
                String u = ready.poll();
                order.add(u);
                for (String w : next.getOrDefault(u, List.of())) {
                    if (inDegree.merge(w, -1, Integer::sum) == 0) {
                        ready.add(w);
                    }
                }
            }
            if (order.size() != resolved.size()) {
                throw new IllegalStateException("graph '" + doc.id() + "' has a loop without a delay that "
                        + "validation did not report; nodes ordered: " + order);
            }
            return order;
        }
    }
}

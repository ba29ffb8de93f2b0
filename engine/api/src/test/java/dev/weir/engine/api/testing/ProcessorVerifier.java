package dev.weir.engine.api.testing;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.WorkStatus;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one node type's {@link Processor} through the situations a graph puts it in and checks that it keeps
 * the {@link Processor} contract and produces the expected output in every one of them. Modelled on Hazelcast
 * Jet's {@code TestSupport.verifyProcessor}: a processor that passes here behaves the same whatever the
 * engine's scheduling, buffer sizes and back-pressure.
 *
 * <pre>{@code
 * ProcessorVerifier.of(GainNode.DESCRIPTOR)
 *     .params(Params.of("factor", 2.0))
 *     .inputFloats("in", new float[] {1, 2}, new float[] {3})
 *     .expectOutputFloats("out", new float[] {2, 4}, new float[] {6})
 *     .verify();
 * }</pre>
 *
 * <h2>Scenarios</h2>
 * Each scenario creates a fresh processor with {@code descriptor.factory().create()}, opens it with a
 * {@link TestContext}, drives it and closes it; {@code close} runs even when {@code open} or anything after
 * it failed.
 * <pre>
 *  scenario          input                                  output                            runs for
 *  ----------------  -------------------------------------  --------------------------------  -------------------
 *  all at once       every frame visible, stream ended      large capacity, drained per call  every node
 *  one at a time     one more frame revealed per call       large capacity, drained per call  nodes with inputs
 *  one-slot output   every frame visible, stream ended      capacity 1, drained every other   nodes with outputs
 *                                                           call, so full every other call
 *  allocation        the frames served again, a batch of    discarding, capacity 4, emptied   unless skipped
 *                    all of them per call                   before every call
 * </pre>
 *
 * <h2>What is checked</h2>
 * <ul>
 *   <li>Every call's status against what it did: {@code OK} must have consumed (released a frame or
 *       consumed elements) or published something; {@code NEED_INPUT} and {@code NEED_OUTPUT_SPACE} must have
 *       done neither; {@code NEED_OUTPUT_SPACE} needs an output that is actually full; {@code complete} never
 *       returns {@code NEED_INPUT}.</li>
 *   <li>Port discipline, through {@link TestInputPort} and {@link TestOutputPort}: no claim on a full output,
 *       no peek on an empty input, no writes into input frames or published frames, no use of a frame after
 *       release (released frames are poisoned), no reliance on the payload of a claimed frame (poisoned).</li>
 *   <li>End of stream: once every connected input is at end of stream, {@code complete} is called until
 *       {@code DONE}, respecting the one-slot output. A processor that returns {@code NEED_INPUT} while all
 *       input has been delivered and ended, but keeps frames unreleased, is stuck: the engine would never
 *       reach end of stream, so this fails. Sources (no connected input) run until {@code process} returns
 *       {@code DONE}, or until {@link #limitOutput(int)} frames were published on every output.</li>
 *   <li>Output: per port, frame by frame, compared by {@link Frames#difference}: type, length, header
 *       (index, sample rate, flags; time stamps on request) and payload, floats within {@link #tolerance}. An
 *       output without an expectation must publish nothing, unless {@linkplain #ignoreOutput ignored}.</li>
 *   <li>A param change mid-stream ({@link #paramChange}), delivered between two {@code process} calls.</li>
 *   <li>No {@code ERROR} logged through the context's logger (unless {@link #allowLoggedErrors()}).</li>
 *   <li>Zero bytes allocated by {@code process} in a warm loop, measured on the calling thread with
 *       {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}. Only allocations that survive
 *       escape analysis count, which are exactly the ones that cost in production. The measured loop runs up
 *       to three times and passes on the first round that counts zero bytes, because the
 *       JIT itself occasionally allocates once on the calling thread while it swaps compiled code.</li>
 *   <li>A loop guard ({@link #maxCalls}) turns a processor that never finishes into a failure.</li>
 * </ul>
 *
 * <p>Failures are {@link AssertionError}s whose message names the node type, the scenario, the call and
 * what differed, such as
 * {@code [dsp.gain] one-slot output: frame 3 of port 'out' differs at element 17: expected 2.0, was 0.0
 * (published by call 7, process)}. Frame numbers count from 0. Mistakes in the test itself (an unknown port,
 * a bad param) are {@link IllegalArgumentException}s or {@link IllegalStateException}s.
 *
 * <p>A verifier is a mutable builder used by one test thread; {@link #verify()} may be called repeatedly.
 */
public final class ProcessorVerifier {

    /** Default loop guard: the most calls of {@code process} plus {@code complete} in one scenario. */
    public static final int DEFAULT_MAX_CALLS = 100_000;
    /** Default capacity of the "large" outputs of the first two scenarios. */
    public static final int DEFAULT_LARGE_CAPACITY = 1024;
    /** Default number of unmeasured {@code process} calls before the allocation measurement. */
    public static final int DEFAULT_WARMUP_CALLS = 20_000;
    /** Default number of measured {@code process} calls of the allocation check. */
    public static final int DEFAULT_MEASURED_CALLS = 20_000;
    /** Output slots in the allocation loop; small so that big frames stay cheap, above 1 to allow bursts. */
    static final int ALLOCATION_OUTPUT_CAPACITY = 4;
    /**
     * Measured rounds at most. In a fresh JVM a round occasionally sees a few hundred bytes once, from the JIT
     * swapping compiled code (deoptimisation, first-time linking) rather than from the processor; a real
     * allocation in {@code process} shows in every round, so the check passes when any round counts zero.
     */
    static final int ALLOCATION_ROUNDS = 3;

    /** Builds frames once a port's resolved type is known, so conveniences can precede {@link #params}. */
    @FunctionalInterface
    private interface FrameSource {
        List<Frame> frames(DataType resolvedType);

        /** The type of frames given as they are, which sizes an input whose declared type leaves sizes open. */
        default DataType givenType() {
            return null;
        }
    }

    /** A failure raised by the verifier itself, told apart from exceptions the processor throws. */
    private static final class VerificationFailure extends AssertionError {
        private static final long serialVersionUID = 1L;

        VerificationFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private enum Mode {
        ALL_AT_ONCE("all at once"),
        ONE_AT_A_TIME("one at a time"),
        ONE_SLOT("one-slot output");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private final NodeDescriptor descriptor;
    private String nodeId = "node-under-test";
    private Params params = Params.empty();
    private final Map<String, FrameSource> inputs = new LinkedHashMap<>();
    private final Map<String, FrameSource> expected = new LinkedHashMap<>();
    private final Map<String, FrameSource> expectedAfter = new LinkedHashMap<>();
    private final Set<String> unconnectedInputs = new HashSet<>();
    private final Set<String> unconnectedOutputs = new HashSet<>();
    private final Set<String> ignoredOutputs = new HashSet<>();
    private Integer changeAfter;
    private Params changes;
    private double tolerance;
    private boolean compareTimestamps;
    private Integer limitOutput;
    private int maxCalls = DEFAULT_MAX_CALLS;
    private int largeCapacity = DEFAULT_LARGE_CAPACITY;
    private int warmupCalls = DEFAULT_WARMUP_CALLS;
    private int measuredCalls = DEFAULT_MEASURED_CALLS;
    private String skipAllocationReason;
    private boolean allowLoggedErrors;

    private ProcessorVerifier(NodeDescriptor descriptor) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
    }

    /** Starts verifying the node type {@code descriptor}; params default to the descriptor's defaults. */
    public static ProcessorVerifier of(NodeDescriptor descriptor) {
        return new ProcessorVerifier(descriptor);
    }

    // ------------------------------------------------------------------------------------------ configuration

    /** The node id the context reports (default {@code node-under-test}). */
    public ProcessorVerifier nodeId(String nodeId) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        return this;
    }

    /** The params at the start of every scenario; missing ones take their defaults, as in a graph. */
    public ProcessorVerifier params(Params params) {
        this.params = Objects.requireNonNull(params, "params");
        return this;
    }

    /**
     * The frames written to input {@code port} (copied; the list may be reused). A connected input without
     * frames is an empty stream that has ended.
     */
    public ProcessorVerifier input(String port, List<Frame> frames) {
        List<Frame> copy = List.copyOf(frames);
        inputs.put(port, new FrameSource() {
            @Override
            public List<Frame> frames(DataType resolvedType) {
                return copy;
            }

            @Override
            public DataType givenType() {
                return copy.isEmpty() ? null : copy.getFirst().type();
            }
        });
        return this;
    }

    /** One float frame of the port's resolved type per chunk; see {@link Frames#floats}. */
    public ProcessorVerifier inputFloats(String port, float[]... chunks) {
        inputs.put(port, type -> Frames.floatChunks(type, chunks));
        return this;
    }

    /** One double frame of the port's resolved type per chunk; see {@link Frames#doubles}. */
    public ProcessorVerifier inputDoubles(String port, double[]... chunks) {
        inputs.put(port, type -> Frames.doubleChunks(type, chunks));
        return this;
    }

    /** One long frame (INT64 elements or records) of the port's resolved type per chunk; see {@link Frames#longs}. */
    public ProcessorVerifier inputLongs(String port, long[]... chunks) {
        inputs.put(port, type -> Frames.longChunks(type, chunks));
        return this;
    }

    /** One single-record frame per value, for ports of type {@link Frames#VALUE_TYPE}. */
    public ProcessorVerifier inputValues(String port, long... values) {
        inputs.put(port, type -> Frames.values(values));
        return this;
    }

    /** Leaves the optional input {@code port} without an edge: never any frame, always at end of stream. */
    public ProcessorVerifier unconnectedInput(String port) {
        unconnectedInputs.add(port);
        return this;
    }

    /** Leaves the optional output {@code port} without an edge: it accepts and discards everything. */
    public ProcessorVerifier unconnectedOutput(String port) {
        unconnectedOutputs.add(port);
        return this;
    }

    /**
     * The frames output {@code port} must publish, in order; with {@link #paramChange}, the frames published
     * before the change.
     */
    public ProcessorVerifier expectOutput(String port, List<Frame> frames) {
        List<Frame> copy = List.copyOf(frames);
        expected.put(port, type -> copy);
        return this;
    }

    /** Expected float frames of the port's resolved type, one per chunk; see {@link #expectOutput}. */
    public ProcessorVerifier expectOutputFloats(String port, float[]... chunks) {
        expected.put(port, type -> Frames.floatChunks(type, chunks));
        return this;
    }

    /** Expected double frames of the port's resolved type, one per chunk; see {@link #expectOutput}. */
    public ProcessorVerifier expectOutputDoubles(String port, double[]... chunks) {
        expected.put(port, type -> Frames.doubleChunks(type, chunks));
        return this;
    }

    /** Expected long frames of the port's resolved type, one per chunk; see {@link #expectOutput}. */
    public ProcessorVerifier expectOutputLongs(String port, long[]... chunks) {
        expected.put(port, type -> Frames.longChunks(type, chunks));
        return this;
    }

    /** Expected single-record {@link Frames#VALUE_TYPE} frames, one per value; see {@link #expectOutput}. */
    public ProcessorVerifier expectOutputValues(String port, long... values) {
        expected.put(port, type -> Frames.values(values));
        return this;
    }

    /** Does not check what output {@code port} publishes (it still must keep the port contract). */
    public ProcessorVerifier ignoreOutput(String port) {
        ignoredOutputs.add(port);
        return this;
    }

    /**
     * Changes params mid-stream. In every scenario the verifier first lets the processor see only the first
     * {@code afterInputFrames} frames of each input; once it has released them all (or returns
     * {@code NEED_INPUT} with all of them visible), it calls {@code onParamsChanged(previous, next)} between
     * two {@code process} calls and then delivers the rest. For a source, the change comes once
     * {@code afterInputFrames} frames were published on every output (the outputs refuse more until then).
     *
     * <p>Output published before the change is compared with {@link #expectOutput}, output after it with
     * {@link #expectOutputAfterParamChange}.
     *
     * @param changes the params to change; the others keep their values. Every key must be a hot-updatable
     *                param, since the engine delivers no other change to a running processor.
     */
    public ProcessorVerifier paramChange(int afterInputFrames, Params changes) {
        if (afterInputFrames < 0) {
            throw new IllegalArgumentException("afterInputFrames must be >= 0, was " + afterInputFrames);
        }
        this.changeAfter = afterInputFrames;
        this.changes = Objects.requireNonNull(changes, "changes");
        return this;
    }

    /** The frames output {@code port} must publish after the {@link #paramChange}, complete's included. */
    public ProcessorVerifier expectOutputAfterParamChange(String port, List<Frame> frames) {
        List<Frame> copy = List.copyOf(frames);
        expectedAfter.put(port, type -> copy);
        return this;
    }

    /** Expected float frames after the param change, one per chunk. */
    public ProcessorVerifier expectOutputFloatsAfterParamChange(String port, float[]... chunks) {
        expectedAfter.put(port, type -> Frames.floatChunks(type, chunks));
        return this;
    }

    /** Expected single-record frames after the param change, one per value. */
    public ProcessorVerifier expectOutputValuesAfterParamChange(String port, long... values) {
        expectedAfter.put(port, type -> Frames.values(values));
        return this;
    }

    /**
     * Largest absolute difference accepted between expected and actual float or double values (default 0:
     * exact). Set it for nodes whose arithmetic the test cannot reproduce bit for bit.
     */
    public ProcessorVerifier tolerance(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance);
        }
        this.tolerance = tolerance;
        return this;
    }

    /** Also compares {@link Frame#timestampNanos()}, which is ignored by default (sources often stamp wall time). */
    public ProcessorVerifier compareTimestamps() {
        this.compareTimestamps = true;
        return this;
    }

    /**
     * For a source with an endless stream: stops once every connected output has published {@code frames}
     * frames (the outputs refuse more), without expecting {@code DONE} and without calling {@code complete}.
     */
    public ProcessorVerifier limitOutput(int frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("limitOutput must be >= 0, was " + frames);
        }
        this.limitOutput = frames;
        return this;
    }

    /** The loop guard: most calls per scenario before it fails as "never finishes" (default {@value #DEFAULT_MAX_CALLS}). */
    public ProcessorVerifier maxCalls(int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("maxCalls must be >= 1, was " + calls);
        }
        this.maxCalls = calls;
        return this;
    }

    /** Capacity of the outputs of "all at once" and "one at a time" (default {@value #DEFAULT_LARGE_CAPACITY}). */
    public ProcessorVerifier largeOutputCapacity(int frames) {
        if (frames < 2) {
            throw new IllegalArgumentException("largeOutputCapacity must be >= 2, was " + frames);
        }
        this.largeCapacity = frames;
        return this;
    }

    /**
     * Sizes the allocation check: {@code warmup} unmeasured calls (so that the JIT compiles and escape
     * analysis applies, as in a long run), then {@code measured} measured ones.
     */
    public ProcessorVerifier allocationLoop(int warmup, int measured) {
        if (warmup < 0 || measured < 1) {
            throw new IllegalArgumentException("allocation loop needs warmup >= 0 and measured >= 1, was "
                    + warmup + ", " + measured);
        }
        this.warmupCalls = warmup;
        this.measuredCalls = measured;
        return this;
    }

    /**
     * Skips the zero-allocation check, for a node that legitimately allocates in {@code process} (a codec
     * that hands out buffers, a blocking I/O node). The reason is required so that it shows in the test.
     */
    public ProcessorVerifier skipAllocationCheck(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("skipAllocationCheck needs a reason");
        }
        this.skipAllocationReason = reason;
        return this;
    }

    /** Accepts messages logged at {@code ERROR} level, for tests that provoke them on purpose. */
    public ProcessorVerifier allowLoggedErrors() {
        this.allowLoggedErrors = true;
        return this;
    }

    // ------------------------------------------------------------------------------------------ verification

    /**
     * Runs every applicable scenario and the allocation check, stopping at the first failure.
     *
     * @throws AssertionError           describing the first failure
     * @throws IllegalArgumentException when the test is inconsistent with the descriptor (unknown port, bad
     *                                  param, a change of a param that is not hot-updatable)
     */
    public void verify() {
        Plan plan = plan();
        Processor previous = null;
        for (Mode mode : plan.modes()) {
            previous = new ScenarioRun(plan, mode).run(previous);
        }
        if (skipAllocationReason == null) {
            new AllocationRun(plan).run();
        }
    }

    /** Everything derived from the configuration once, shared by the scenarios. */
    private record Plan(Params initial, Params next, List<ResolvedPort> ins, List<ResolvedPort> outs,
                        Map<String, List<Frame>> inputFrames, Map<String, List<Frame>> before,
                        Map<String, List<Frame>> after, boolean source, List<Mode> modes, Map<String, DataType> fedTypes) {
    }

    private Plan plan() {
        String who = "node type '" + descriptor.id() + "'";
        Params initial;
        try {
            initial = descriptor.canonicalParams(params);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who + ": the test's params are invalid: " + e.getMessage(), e);
        }
        List<ResolvedPort> declaredIns = descriptor.resolveInputs(initial);
        List<ResolvedPort> declaredOuts = descriptor.resolveOutputs(initial);
        List<ResolvedPort> ins = declaredIns;
        List<ResolvedPort> outs = declaredOuts;

        checkNames(who, "input", ins, inputs.keySet(), "input");
        checkNames(who, "input", ins, unconnectedInputs, "unconnectedInput");
        checkNames(who, "output", outs, expected.keySet(), "expectOutput");
        checkNames(who, "output", outs, expectedAfter.keySet(), "expectOutputAfterParamChange");
        checkNames(who, "output", outs, unconnectedOutputs, "unconnectedOutput");
        checkNames(who, "output", outs, ignoredOutputs, "ignoreOutput");
        for (ResolvedPort p : ins) {
            if (unconnectedInputs.contains(p.name()) && !p.optional()) {
                throw new IllegalArgumentException(who + ": input '" + p.name() + "' is required and cannot be unconnected");
            }
            if (unconnectedInputs.contains(p.name()) && inputs.containsKey(p.name())) {
                throw new IllegalArgumentException(who + ": input '" + p.name() + "' is unconnected but given frames");
            }
        }
        for (ResolvedPort p : outs) {
            String n = p.name();
            if (unconnectedOutputs.contains(n) && !p.optional()) {
                throw new IllegalArgumentException(who + ": output '" + n + "' is required and cannot be unconnected");
            }
            if ((unconnectedOutputs.contains(n) || ignoredOutputs.contains(n))
                    && (expected.containsKey(n) || expectedAfter.containsKey(n))) {
                throw new IllegalArgumentException(who + ": output '" + n + "' is unconnected or ignored but has expected frames");
            }
        }

        // Type the ports as the graph validator would: open inputs take the type of the frames fed to them, and
        // the node's inference derives its outputs from those.
        Map<String, DataType> fedTypes = new LinkedHashMap<>();
        for (Map.Entry<String, FrameSource> e : inputs.entrySet()) {
            if (e.getValue().givenType() != null) {
                fedTypes.put(e.getKey(), e.getValue().givenType());
            }
        }
        TestContext typed;
        try {
            typed = TestContext.inferred(nodeId, descriptor, initial, unconnectedInputs, fedTypes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who + ": output types cannot be derived: " + e.getMessage(), e);
        }
        ins = typed.inputs();
        outs = typed.outputs();
        Map<String, List<Frame>> inputFrames = new LinkedHashMap<>();
        boolean source = true;
        for (ResolvedPort p : ins) {
            if (!unconnectedInputs.contains(p.name())) {
                source = false;
                FrameSource fs = inputs.get(p.name());
                inputFrames.put(p.name(), fs == null ? List.of() : fs.frames(p.type()));
            }
        }
        if (limitOutput != null && !source) {
            throw new IllegalArgumentException(who + ": limitOutput is for sources; this node has connected inputs");
        }

        Params next = null;
        if (changes != null) {
            for (String key : changes.keys()) {
                ParamSpec spec = descriptor.param(key).orElseThrow(() -> new IllegalArgumentException(
                        who + ": paramChange names '" + key + "', which is not a param"));
                if (!spec.hotUpdatable()) {
                    throw new IllegalArgumentException(who + ": param '" + key + "' is not hot-updatable; the engine "
                            + "never changes it in a running processor");
                }
            }
            try {
                next = descriptor.canonicalParams(initial.withAll(changes));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(who + ": the param change is invalid: " + e.getMessage(), e);
            }
            if (!descriptor.resolveInputs(next).equals(declaredIns) || !descriptor.resolveOutputs(next).equals(declaredOuts)
                    || !TestContext.inferred(nodeId, descriptor, next, unconnectedInputs, fedTypes).outputs().equals(outs)) {
                throw new IllegalArgumentException(who + ": the param change alters the ports, which a running "
                        + "processor cannot follow; such a param must not be hot-updatable");
            }
            for (Map.Entry<String, List<Frame>> e : inputFrames.entrySet()) {
                if (changeAfter > e.getValue().size()) {
                    throw new IllegalArgumentException(who + ": paramChange after " + changeAfter + " frames, but input '"
                            + e.getKey() + "' gets only " + e.getValue().size());
                }
            }
            if (source && limitOutput != null && changeAfter > limitOutput) {
                throw new IllegalArgumentException(who + ": paramChange after " + changeAfter
                        + " frames comes after limitOutput(" + limitOutput + ")");
            }
        } else if (!expectedAfter.isEmpty()) {
            throw new IllegalStateException(who + ": expectOutputAfterParamChange without paramChange");
        }

        Map<String, List<Frame>> before = new LinkedHashMap<>();
        Map<String, List<Frame>> after = new LinkedHashMap<>();
        boolean anyConnectedOutput = false;
        for (ResolvedPort p : outs) {
            String n = p.name();
            if (unconnectedOutputs.contains(n)) {
                continue;
            }
            anyConnectedOutput = true;
            FrameSource b = expected.get(n);
            FrameSource a = expectedAfter.get(n);
            before.put(n, b == null ? List.of() : b.frames(p.type()));
            after.put(n, a == null ? List.of() : a.frames(p.type()));
        }
        List<Mode> modes = new ArrayList<>();
        modes.add(Mode.ALL_AT_ONCE);
        if (!source) {
            modes.add(Mode.ONE_AT_A_TIME);
        }
        if (anyConnectedOutput) {
            modes.add(Mode.ONE_SLOT);
        }
        return new Plan(initial, next, ins, outs, inputFrames, before, after, source, List.copyOf(modes), Map.copyOf(fedTypes));
    }

    private static void checkNames(String who, String dir, List<ResolvedPort> ports, Set<String> names, String method) {
        for (String n : names) {
            if (ports.stream().noneMatch(p -> p.name().equals(n))) {
                throw new IllegalArgumentException(who + " has no " + dir + " '" + n + "' (named in " + method
                        + "); its " + dir + "s are " + TestContext.names(ports));
            }
        }
    }

    private Processor create(String scenario) {
        Processor p;
        try {
            p = descriptor.factory().create();
        } catch (Throwable t) {
            throw new VerificationFailure(prefix(scenario) + "the factory threw " + t, t);
        }
        if (p == null) {
            throw new VerificationFailure(prefix(scenario) + "the factory returned null", null);
        }
        return p;
    }

    private String prefix(String scenario) {
        return "[" + descriptor.id() + "] " + scenario + ": ";
    }

    // ------------------------------------------------------------------------------------------ one scenario

    /** One run of a fresh processor under one {@link Mode}. */
    private final class ScenarioRun {
        private final Plan plan;
        private final Mode mode;
        private final TestContext ctx;
        private final TestInputPort[] inPorts;
        private final TestOutputPort[] outPorts;
        private final Inputs in;
        private final Outputs out;
        private final List<List<Frame>> collected = new ArrayList<>();
        private final List<List<Integer>> publishedBy = new ArrayList<>();
        private final long[] lastPublished;
        private final long[] inBefore;
        private final long[] releasedBefore;
        private final long[] outBefore;
        private final int[] splitAt;
        private int call;
        private int firstCompleteCall = Integer.MAX_VALUE;
        private WorkStatus last;
        private String lastPhase = "process";

        ScenarioRun(Plan plan, Mode mode) {
            this.plan = plan;
            this.mode = mode;
            this.ctx = TestContext.inferred(nodeId, descriptor, params, unconnectedInputs, plan.fedTypes());
            int capacity = mode == Mode.ONE_SLOT ? 1 : largeCapacity;
            inPorts = new TestInputPort[plan.ins().size()];
            for (int i = 0; i < inPorts.length; i++) {
                ResolvedPort rp = plan.ins().get(i);
                boolean connected = !unconnectedInputs.contains(rp.name());
                inPorts[i] = new TestInputPort(rp, connected);
                if (connected) {
                    inPorts[i].stage(plan.inputFrames().get(rp.name())).endStream();
                }
            }
            outPorts = new TestOutputPort[plan.outs().size()];
            for (int o = 0; o < outPorts.length; o++) {
                ResolvedPort rp = plan.outs().get(o);
                outPorts[o] = new TestOutputPort(rp, capacity, !unconnectedOutputs.contains(rp.name()));
                collected.add(new ArrayList<>());
                publishedBy.add(new ArrayList<>());
            }
            in = new Inputs(List.of(inPorts));
            out = new Outputs(List.of(outPorts));
            lastPublished = new long[outPorts.length];
            outBefore = new long[outPorts.length];
            inBefore = new long[inPorts.length];
            releasedBefore = new long[inPorts.length];
            splitAt = new int[outPorts.length];
        }

        private String scenario() {
            return mode.label;
        }

        private VerificationFailure fail(String what) {
            return new VerificationFailure(prefix(scenario()) + what, null);
        }

        private VerificationFailure fail(String what, Throwable cause) {
            return new VerificationFailure(prefix(scenario()) + what, cause);
        }

        private String at(String phase) {
            return "call " + call + " (" + phase + "): ";
        }

        /** Runs the scenario; returns the processor so the next scenario can check it gets a fresh one. */
        Processor run(Processor previous) {
            Processor p = create(scenario());
            if (p == previous) {
                throw fail("the factory returned the same Processor instance as for the previous scenario; "
                        + "create() must return a fresh, unopened processor for every run");
            }
            Throwable failure = null;
            try {
                try {
                    p.open(ctx);
                } catch (Throwable t) {
                    throw fail("open threw " + t, t);
                }
                if (plan.source()) {
                    driveSource(p);
                } else {
                    driveWithInputs(p);
                }
                drainAll("after call " + call);
            } catch (Throwable t) {
                failure = t;
            } finally {
                try {
                    p.close();
                } catch (Throwable t) {
                    VerificationFailure closeFailure = fail("close threw " + t, t);
                    if (failure == null) {
                        failure = closeFailure;
                    } else {
                        failure.addSuppressed(closeFailure);
                    }
                }
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw fail("unexpected " + failure, failure);
            }
            for (TestOutputPort o : outPorts) {
                try {
                    o.checkPublishedFramesUntouched();
                } catch (IllegalStateException e) {
                    throw fail("after the run: " + e.getMessage(), e);
                }
            }
            if (!allowLoggedErrors) {
                List<TestContext.LoggedMessage> errors = ctx.loggedAtLeast(System.Logger.Level.ERROR);
                if (!errors.isEmpty()) {
                    TestContext.LoggedMessage m = errors.getFirst();
                    throw fail("the processor logged " + errors.size() + " error(s), the first: '" + m.message()
                            + "' (allowLoggedErrors() accepts them)", m.thrown());
                }
            }
            compareOutputs();
            return p;
        }

        private void driveWithInputs(Processor p) {
            boolean changePending = plan.next() != null;
            int gate = changePending ? changeAfter : Integer.MAX_VALUE;
            if (mode != Mode.ONE_AT_A_TIME) {
                revealUpTo(gate);
            }
            while (true) {
                beginCall("process");
                if (mode == Mode.ONE_AT_A_TIME) {
                    revealOneEach(gate);
                }
                drainIfDue();
                snapshot();
                WorkStatus s = invokeProcess(p);
                afterCall(s, "process");
                if (s == WorkStatus.DONE) {
                    break;
                }
                if (changePending && gatedInputTaken(gate, s)) {
                    applyChange(p);
                    changePending = false;
                    gate = Integer.MAX_VALUE;
                    if (mode != Mode.ONE_AT_A_TIME) {
                        revealUpTo(gate);
                    }
                    continue; // the change sits between two process calls, even at the very end
                }
                if (in.allEndOfStream()) {
                    break;
                }
                if (s == WorkStatus.NEED_INPUT && !canReveal(gate)) {
                    throw stuck();
                }
            }
            if (changePending) {
                throw fail("process returned DONE at call " + call + " before the param change after input frame "
                        + changeAfter + " could be delivered");
            }
            completePhase(p);
        }

        private void driveSource(Processor p) {
            boolean changePending = plan.next() != null;
            limitOutputs(changePending ? changeAfter : limitOutput);
            while (true) {
                beginCall("process");
                drainIfDue();
                snapshot();
                WorkStatus s = invokeProcess(p);
                afterCall(s, "process");
                if (s == WorkStatus.DONE) {
                    break;
                }
                if (changePending) {
                    if (allPublishedAtLeast(changeAfter)) {
                        applyChange(p);
                        changePending = false;
                        limitOutputs(limitOutput);
                    }
                } else if (limitOutput != null && allPublishedAtLeast(limitOutput)) {
                    return; // an endless source: no DONE, no complete
                }
            }
            if (changePending) {
                throw fail("process returned DONE at call " + call + " after publishing " + publishedText()
                        + ", before the param change after output frame " + changeAfter + " could be delivered");
            }
            completePhase(p);
        }

        private void completePhase(Processor p) {
            firstCompleteCall = call + 1;
            while (true) {
                beginCall("complete");
                drainIfDue();
                snapshot();
                WorkStatus s;
                try {
                    s = p.complete(out);
                } catch (Throwable t) {
                    throw fail(at("complete") + "threw " + t, t);
                }
                if (s == WorkStatus.NEED_INPUT) {
                    throw fail(at("complete") + "returned NEED_INPUT; complete() has no input to wait for: return "
                            + "NEED_OUTPUT_SPACE when an output is full and DONE once the tail is flushed");
                }
                afterCall(s, "complete");
                if (s == WorkStatus.DONE) {
                    return;
                }
            }
        }

        private void beginCall(String phase) {
            if (call >= maxCalls) {
                throw fail("no end after " + maxCalls + " calls (loop guard, see maxCalls): the last call ("
                        + lastPhase + ") returned " + last + "; " + portSummary());
            }
            call++;
            lastPhase = phase;
        }

        private WorkStatus invokeProcess(Processor p) {
            try {
                return p.process(in, out);
            } catch (Throwable t) {
                throw fail(at("process") + "threw " + t, t);
            }
        }

        private void afterCall(WorkStatus s, String phase) {
            if (s == null) {
                throw fail(at(phase) + "returned null");
            }
            for (int o = 0; o < outPorts.length; o++) {
                long now = outPorts[o].published();
                if (outPorts[o].isConnected()) {
                    for (long k = lastPublished[o]; k < now; k++) {
                        publishedBy.get(o).add(call);
                    }
                }
                lastPublished[o] = now;
            }
            boolean progressed = progressed();
            if (s == WorkStatus.OK && !progressed) {
                throw fail(at(phase) + "returned OK but consumed no input and published no output; return "
                        + "NEED_INPUT or NEED_OUTPUT_SPACE when nothing can be done (" + portSummary() + ")");
            }
            if ((s == WorkStatus.NEED_INPUT || s == WorkStatus.NEED_OUTPUT_SPACE) && progressed) {
                throw fail(at(phase) + "returned " + s + " but made progress (" + progressText()
                        + "); a call that consumed or produced something must return OK");
            }
            if (s == WorkStatus.NEED_OUTPUT_SPACE && !anyOutputFull()) {
                throw fail(at(phase) + "returned NEED_OUTPUT_SPACE but no output was full ("
                        + (outPorts.length == 0 ? "the node has no outputs" : remainingText()) + ")");
            }
            last = s;
        }

        private void snapshot() {
            for (int i = 0; i < inPorts.length; i++) {
                inBefore[i] = inPorts[i].progress();
                releasedBefore[i] = inPorts[i].framesReleased();
            }
            for (int o = 0; o < outPorts.length; o++) {
                outBefore[o] = outPorts[o].published();
            }
        }

        private boolean progressed() {
            for (int i = 0; i < inPorts.length; i++) {
                if (inPorts[i].progress() != inBefore[i]) {
                    return true;
                }
            }
            for (int o = 0; o < outPorts.length; o++) {
                if (outPorts[o].published() != outBefore[o]) {
                    return true;
                }
            }
            return false;
        }

        private String progressText() {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < inPorts.length; i++) {
                long released = inPorts[i].framesReleased() - releasedBefore[i];
                long elements = inPorts[i].progress() - inBefore[i] - released;
                if (released != 0 || elements != 0) {
                    parts.add("'" + inPorts[i].name() + "': " + released + " frame(s) released, " + elements
                            + " element(s) consumed");
                }
            }
            for (int o = 0; o < outPorts.length; o++) {
                long n = outPorts[o].published() - outBefore[o];
                if (n != 0) {
                    parts.add("'" + outPorts[o].name() + "': " + n + " frame(s) published");
                }
            }
            return String.join("; ", parts);
        }

        private boolean anyOutputFull() {
            for (TestOutputPort o : outPorts) {
                if (o.remaining() == 0) {
                    return true;
                }
            }
            return false;
        }

        private String remainingText() {
            List<String> parts = new ArrayList<>();
            for (TestOutputPort o : outPorts) {
                parts.add("'" + o.name() + "' remaining " + o.remaining());
            }
            return String.join(", ", parts);
        }

        private String publishedText() {
            List<String> parts = new ArrayList<>();
            for (TestOutputPort o : outPorts) {
                parts.add(o.published() + " frame(s) on '" + o.name() + "'");
            }
            return parts.isEmpty() ? "nothing" : String.join(", ", parts);
        }

        private String portSummary() {
            List<String> parts = new ArrayList<>();
            for (TestInputPort i : inPorts) {
                if (i.isConnected()) {
                    parts.add("'" + i.name() + "': " + i.framesReleased() + " of " + i.fed() + " frame(s) released, "
                            + i.available() + " available" + (i.isEndOfStream() ? ", at end of stream" : ""));
                }
            }
            for (TestOutputPort o : outPorts) {
                parts.add("'" + o.name() + "': " + o.published() + " frame(s) published, remaining " + o.remaining());
            }
            return parts.isEmpty() ? "no ports" : String.join("; ", parts);
        }

        private VerificationFailure stuck() {
            List<String> held = new ArrayList<>();
            for (TestInputPort i : inPorts) {
                if (i.isConnected() && !i.isEndOfStream()) {
                    held.add("'" + i.name() + "' " + i.unreleased() + " frame(s), position " + i.position());
                }
            }
            return fail(at("process") + "returned NEED_INPUT, but all input has been delivered and every input "
                    + "stream has ended; still unreleased: " + String.join(", ", held) + ". End of stream is never "
                    + "reached, so complete() would never be called: take partial input into the processor's own "
                    + "state, release it, and flush it in complete()"
                    + (anyOutputFull() ? ". An output was full: NEED_OUTPUT_SPACE may have been meant" : ""));
        }

        private void revealUpTo(int gate) {
            for (TestInputPort i : inPorts) {
                if (i.isConnected()) {
                    int target = Math.min(gate, i.fed());
                    if (i.revealed() < target) {
                        i.reveal(target - i.revealed());
                    }
                }
            }
        }

        private void revealOneEach(int gate) {
            for (TestInputPort i : inPorts) {
                if (i.isConnected() && i.revealed() < Math.min(gate, i.fed())) {
                    i.reveal(1);
                }
            }
        }

        private boolean canReveal(int gate) {
            for (TestInputPort i : inPorts) {
                if (i.isConnected() && i.revealed() < Math.min(gate, i.fed())) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the frames before the param change have been taken, so the change may come now. */
        private boolean gatedInputTaken(int gate, WorkStatus s) {
            for (TestInputPort i : inPorts) {
                if (!i.isConnected()) {
                    continue;
                }
                int target = Math.min(gate, i.fed());
                if (i.revealed() < target || (i.framesReleased() < target && s != WorkStatus.NEED_INPUT)) {
                    return false;
                }
            }
            return true;
        }

        private void limitOutputs(Integer frames) {
            for (TestOutputPort o : outPorts) {
                if (frames == null) {
                    o.unlimitedPublishes();
                } else {
                    o.limitPublishes(Math.max(0, frames - o.published()));
                }
            }
        }

        private boolean allPublishedAtLeast(int frames) {
            for (TestOutputPort o : outPorts) {
                if (o.isConnected() && o.published() < frames) {
                    return false;
                }
            }
            return true;
        }

        private void applyChange(Processor p) {
            for (int o = 0; o < outPorts.length; o++) {
                splitAt[o] = (int) outPorts[o].published();
            }
            try {
                p.onParamsChanged(plan.initial(), plan.next());
            } catch (Throwable t) {
                throw fail("onParamsChanged after call " + call + " threw " + t, t);
            }
        }

        private void drainIfDue() {
            if (mode != Mode.ONE_SLOT || call % 2 == 1) {
                drainAll("before call " + call);
            }
        }

        private void drainAll(String when) {
            for (int o = 0; o < outPorts.length; o++) {
                try {
                    collected.get(o).addAll(outPorts[o].drain());
                } catch (IllegalStateException e) {
                    throw fail(when + ": " + e.getMessage(), e);
                }
            }
        }

        private void compareOutputs() {
            for (int o = 0; o < outPorts.length; o++) {
                String name = outPorts[o].name();
                if (!outPorts[o].isConnected() || ignoredOutputs.contains(name)) {
                    continue;
                }
                List<Frame> actual = collected.get(o);
                if (limitOutput != null && actual.size() > limitOutput) {
                    actual = actual.subList(0, limitOutput);
                }
                if (plan.next() == null) {
                    compare(o, actual, plan.before().get(name), 0, "", expected.containsKey(name));
                } else {
                    int split = Math.min(splitAt[o], actual.size());
                    compare(o, actual.subList(0, split), plan.before().get(name), 0, " (before the param change)",
                            expected.containsKey(name));
                    compare(o, actual.subList(split, actual.size()), plan.after().get(name), split,
                            " (after the param change)", expectedAfter.containsKey(name));
                }
            }
        }

        private void compare(int o, List<Frame> actual, List<Frame> want, int offset, String label, boolean declared) {
            String port = "port '" + outPorts[o].name() + "'";
            int common = Math.min(actual.size(), want.size());
            for (int k = 0; k < common; k++) {
                Optional<String> d = Frames.difference(want.get(k), actual.get(k), tolerance, compareTimestamps);
                if (d.isPresent()) {
                    throw fail("frame " + k + " of " + port + label + " " + d.get() + " (published by "
                            + origin(o, offset + k) + ")");
                }
            }
            if (actual.size() > want.size()) {
                throw fail(port + " published " + actual.size() + " frame(s)" + label + ", expected " + want.size()
                        + (declared ? "" : " (no expected output was declared for it: declare it or ignoreOutput)")
                        + "; first extra frame " + common + ": " + Frames.describe(actual.get(common))
                        + " (published by " + origin(o, offset + common) + ")");
            }
            if (actual.size() < want.size()) {
                throw fail(port + " published " + actual.size() + " frame(s)" + label + ", expected " + want.size()
                        + "; first missing frame " + common + ": " + Frames.describe(want.get(common)));
            }
        }

        private String origin(int o, int k) {
            int c = publishedBy.get(o).get(k);
            return "call " + c + ", " + (c >= firstCompleteCall ? "complete" : "process");
        }
    }

    // ------------------------------------------------------------------------------------------ allocation

    /**
     * The zero-allocation check: a fresh processor on cycling inputs and discarding outputs. The loop itself,
     * the ports and the measurement allocate nothing, so every byte counted comes from the processor.
     */
    private final class AllocationRun {
        private static final String SCENARIO = "allocation";
        private final Plan plan;
        private final TestContext ctx;
        private final TestInputPort[] inPorts;
        private final TestOutputPort[] outPorts;
        private final Inputs in;
        private final Outputs out;
        private com.sun.management.ThreadMXBean bean;
        private Processor processor;
        private long calibration;
        private long progressed;
        private int call;
        private int restarts;

        AllocationRun(Plan plan) {
            this.plan = plan;
            this.ctx = TestContext.inferred(nodeId, descriptor, params, unconnectedInputs, plan.fedTypes());
            List<TestInputPort> ins = new ArrayList<>();
            boolean anyFrames = false;
            for (ResolvedPort rp : plan.ins()) {
                boolean connected = !unconnectedInputs.contains(rp.name());
                TestInputPort port = new TestInputPort(rp, connected);
                if (connected && !plan.inputFrames().get(rp.name()).isEmpty()) {
                    port.feed(plan.inputFrames().get(rp.name())).cycle();
                    anyFrames = true;
                }
                ins.add(port);
            }
            if (!plan.source() && !anyFrames) {
                throw new IllegalArgumentException("node type '" + descriptor.id() + "': the allocation check "
                        + "cycles the input frames, but none were given; give input or skipAllocationCheck(reason)");
            }
            outPorts = new TestOutputPort[plan.outs().size()];
            for (int o = 0; o < outPorts.length; o++) {
                ResolvedPort rp = plan.outs().get(o);
                boolean connected = !unconnectedOutputs.contains(rp.name());
                outPorts[o] = new TestOutputPort(rp, ALLOCATION_OUTPUT_CAPACITY, connected);
                if (connected) {
                    outPorts[o].discardPublished();
                }
            }
            inPorts = ins.toArray(TestInputPort[]::new);
            in = new Inputs(ins);
            out = new Outputs(List.of(outPorts));
        }

        private VerificationFailure fail(String what, Throwable cause) {
            return new VerificationFailure(prefix(SCENARIO) + what, cause);
        }

        void run() {
            bean = threadBean();
            processor = create(SCENARIO);
            Throwable failure = null;
            long bytes = 0;
            long measuredProgress = 0;
            try {
                try {
                    processor.open(ctx);
                } catch (Throwable t) {
                    throw fail("open threw " + t, t);
                }
                guarded(warmupCalls, false);
                calibrate();
                bytes = Long.MAX_VALUE;
                for (int round = 0; round < ALLOCATION_ROUNDS && bytes > 0; round++) {
                    progressed = 0;
                    restarts = 0;
                    bytes = Math.min(bytes, guarded(measuredCalls, true));
                    measuredProgress = progressed;
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                try {
                    processor.close();
                } catch (Throwable t) {
                    VerificationFailure closeFailure = fail("close threw " + t, t);
                    if (failure == null) {
                        failure = closeFailure;
                    } else {
                        failure.addSuppressed(closeFailure);
                    }
                }
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw fail("unexpected " + failure, failure);
            }
            if (bytes > 0) {
                throw fail(String.format(Locale.ROOT, "process allocated %d bytes in %d measured calls (%.2f bytes "
                                + "per call, the best of " + ALLOCATION_ROUNDS + " rounds after %d warm-up calls%s); "
                                + "process must not allocate: allocate buffers "
                                + "in open() and reuse them, avoid boxing, varargs, capturing lambdas, iterators and "
                                + "string building. A node that cannot avoid it says why with "
                                + "skipAllocationCheck(reason)", bytes, measuredCalls, (double) bytes / measuredCalls,
                        warmupCalls, restarts > 0 ? ", " + restarts + " restarts of a finished processor excluded" : ""),
                        null);
            }
            if (measuredProgress == 0) {
                throw fail("no measured call made progress (every call returned NEED_INPUT or NEED_OUTPUT_SPACE), "
                        + "so the check proves nothing; the input frames are served again and again and outputs "
                        + "never stay full", null);
            }
        }

        /** Runs the loop, turning the processor's exceptions into failures naming the call. */
        private long guarded(int calls, boolean measure) {
            try {
                return loop(calls, measure);
            } catch (VerificationFailure f) {
                throw f;
            } catch (Throwable t) {
                throw fail("call " + call + " (process, " + (measure ? "measured" : "warm-up") + ") threw " + t, t);
            }
        }

        /**
         * The measured loop. It must not allocate: no boxing, no strings, no iterators, nothing but field and
         * array accesses around {@code process}. Restarting a finished processor allocates, so the counter is
         * read around it and that part left out.
         */
        private long loop(int calls, boolean measure) {
            final TestInputPort[] inputPorts = inPorts;
            final TestOutputPort[] outs = outPorts;
            final Inputs ins = in;
            final Outputs outputs = out;
            long bytes = 0;
            long start = measure ? bean.getCurrentThreadAllocatedBytes() : 0;
            for (int i = 0; i < calls; i++) {
                // A fresh batch on every input and free outputs: each call has work to do.
                for (int k = 0; k < inputPorts.length; k++) {
                    inputPorts[k].refill();
                }
                for (int o = 0; o < outs.length; o++) {
                    outs[o].discard();
                }
                call = i + 1;
                WorkStatus s = processor.process(ins, outputs);
                if (s == WorkStatus.OK) {
                    progressed++;
                } else if (s == WorkStatus.DONE) {
                    if (measure) {
                        bytes += bean.getCurrentThreadAllocatedBytes() - start - calibration;
                    }
                    restart();
                    if (measure) {
                        start = bean.getCurrentThreadAllocatedBytes();
                    }
                } else if (s == null) {
                    throw fail("call " + call + " (process) returned null", null);
                }
            }
            if (measure) {
                bytes += bean.getCurrentThreadAllocatedBytes() - start - calibration;
            }
            return bytes;
        }

        /** A finite source (or a head node) finished: complete it, close it and carry on with a fresh one. */
        private void restart() {
            int k = 0;
            while (true) {
                if (++k > maxCalls) {
                    throw fail("complete() did not return DONE within " + maxCalls + " calls (loop guard)", null);
                }
                for (TestOutputPort o : outPorts) {
                    o.discard();
                }
                WorkStatus s = processor.complete(out);
                if (s == WorkStatus.DONE) {
                    break;
                }
            }
            try {
                processor.close();
            } catch (Exception e) {
                throw fail("close threw " + e, e);
            }
            processor = create(SCENARIO);
            try {
                processor.open(ctx);
            } catch (Exception e) {
                throw fail("open threw " + e, e);
            }
            restarts++;
        }

        /** What reading the counter twice costs by itself; subtracted from every measured interval. */
        private void calibrate() {
            long min = Long.MAX_VALUE;
            for (int i = 0; i < 16; i++) {
                long a = bean.getCurrentThreadAllocatedBytes();
                long b = bean.getCurrentThreadAllocatedBytes();
                min = Math.min(min, b - a);
            }
            calibration = min;
        }

        private com.sun.management.ThreadMXBean threadBean() {
            if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean b)
                    || !b.isThreadAllocatedMemorySupported()) {
                throw fail("this JVM cannot measure per-thread allocation; run on HotSpot or skipAllocationCheck(reason)",
                        null);
            }
            if (!b.isThreadAllocatedMemoryEnabled()) {
                b.setThreadAllocatedMemoryEnabled(true);
            }
            if (b.getCurrentThreadAllocatedBytes() < 0) {
                throw fail("allocation cannot be measured on this thread (a virtual thread?); verify on a platform "
                        + "thread", null);
            }
            return b;
        }
    }
}

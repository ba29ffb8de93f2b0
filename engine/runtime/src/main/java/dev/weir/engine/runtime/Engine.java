package dev.weir.engine.runtime;

import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.GraphValidator;
import dev.weir.engine.model.InvalidGraphException;
import dev.weir.engine.model.ValidatedGraph;

import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The streaming engine: validates a graph document, plans it and runs it. A graph whose nodes all run in the main
 * process with in-process edges needs nothing more; one with worker process groups, IPC or recorded edges needs a
 * {@link ProcessTransport} ({@code engine/ipc}), found through {@link ServiceLoader} or passed in.
 *
 * <pre>
 *   GraphDocument ──validate──&gt; ValidatedGraph ──plan──&gt; ExecutionPlan ──start──&gt; Session (threads, processors)
 *     (immutable)                 (immutable)              (immutable)               (one run)
 * </pre>
 *
 * An engine holds no run state; one instance may start any number of sessions, concurrently.
 */
public final class Engine {

    private final NodeRegistry registry;
    private final GraphValidator validator;
    private final Planner planner = new Planner();
    private final Optional<ProcessTransport> transport;

    /**
     * An engine over the node types of {@code registry}, with the {@link ProcessTransport} that
     * {@link ServiceLoader} finds on the class path, if any.
     */
    public Engine(NodeRegistry registry) {
        this(registry, ServiceLoader.load(ProcessTransport.class, Engine.class.getClassLoader()).findFirst()
                .orElse(null));
    }

    /**
     * An engine over the node types of {@code registry} that runs multi-process graphs through {@code transport}.
     *
     * @param transport null for an engine that runs only single-process graphs with in-process edges
     */
    public Engine(NodeRegistry registry, ProcessTransport transport) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.validator = new GraphValidator(registry);
        this.transport = Optional.ofNullable(transport);
    }

    /** The transport multi-process graphs run through, when there is one. */
    public Optional<ProcessTransport> transport() {
        return transport;
    }

    /** The node types this engine knows. */
    public NodeRegistry registry() {
        return registry;
    }

    /**
     * Validates {@code document} for running.
     *
     * @throws InvalidGraphException listing every problem
     */
    public ValidatedGraph validate(GraphDocument document) {
        return validator.validateForRun(document);
    }

    /**
     * Validates and plans {@code document}.
     *
     * @throws InvalidGraphException    listing every problem
     * @throws IllegalArgumentException when the graph needs worker processes or queues and this engine has no
     *                                  transport
     */
    public ExecutionPlan plan(GraphDocument document, RunOptions options) {
        ExecutionPlan plan = planner.plan(validate(document), options);
        if (plan.needsTransport() && transport.isEmpty()) {
            // Running it in one process instead would silently drop the isolation or the recording asked for.
            throw new IllegalArgumentException("graph '" + document.id() + "' has nodes outside the main process or"
                    + " edges that travel by queue (ipc or record), but this engine has no process transport;"
                    + " put the engine/ipc module on the class path");
        }
        return plan;
    }

    /**
     * Validates, plans and starts {@code document}.
     *
     * @throws InvalidGraphException listing every problem; nothing is started then
     */
    public Session start(GraphDocument document, RunOptions options) {
        return start(plan(document, options));
    }

    /**
     * Starts a run of {@code plan}. A plan may be started many times; each start is a fresh run. A plan that
     * {@link ExecutionPlan#needsTransport() needs a transport} opens a {@link TransportRun} first, which the
     * session closes when it ends.
     *
     * @throws IllegalArgumentException when the plan needs a transport and this engine has none
     */
    public Session start(ExecutionPlan plan) {
        if (!plan.needsTransport()) {
            return start(plan, null);
        }
        ProcessTransport t = transport.orElseThrow(() -> new IllegalArgumentException("graph '"
                + plan.graph().document().id() + "' needs a process transport (engine/ipc); this engine has none"));
        TransportRun run = t.open(plan);
        try {
            return start(plan, run);
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /**
     * Starts the part of {@code plan} that runs in {@code run}'s process group: what a worker process does with
     * the plan its coordinator also made (the planner is deterministic, so both agree on channel and reader
     * indexes). The session closes {@code run} when it ends.
     *
     * @param run null for a plan that needs no transport
     */
    public Session start(ExecutionPlan plan, TransportRun run) {
        Session s = new Session(plan, run);
        s.start();
        return s;
    }
}

package dev.weir.engine.runtime;

import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.GraphValidator;
import dev.weir.engine.model.InvalidGraphException;
import dev.weir.engine.model.ValidatedGraph;

import java.util.Objects;

/**
 * The in-process streaming engine: validates a graph document, plans it and runs it.
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

    /** An engine over the node types of {@code registry}. */
    public Engine(NodeRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.validator = new GraphValidator(registry);
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
     * @throws InvalidGraphException listing every problem
     */
    public ExecutionPlan plan(GraphDocument document, RunOptions options) {
        return planner.plan(validate(document), options);
    }

    /**
     * Validates, plans and starts {@code document}.
     *
     * @throws InvalidGraphException listing every problem; nothing is started then
     */
    public Session start(GraphDocument document, RunOptions options) {
        return start(plan(document, options));
    }

    /** Starts a run of {@code plan}. A plan may be started many times; each start is a fresh run. */
    public Session start(ExecutionPlan plan) {
        Session s = new Session(plan);
        s.start();
        return s;
    }
}

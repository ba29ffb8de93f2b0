package dev.weir.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * Thrown by {@link GraphValidator#validateForRun} when a document has at least one
 * {@link Problem.Severity#ERROR error}. It is unchecked because a caller that starts a run has nothing better to
 * do than show the problems: {@code weir run} prints {@link #getMessage()}, the editor reads {@link #problems()}
 * to mark nodes and edges.
 */
public final class InvalidGraphException extends RuntimeException {

    private final String graphId;
    private final transient List<Problem> problems;

    /**
     * Creates the exception.
     *
     * @param graphId  the id of the refused document, for the message
     * @param problems every problem found, errors and warnings, in the validator's order; at least one error
     */
    public InvalidGraphException(String graphId, List<Problem> problems) {
        super(describe(graphId, problems));
        this.graphId = graphId;
        this.problems = List.copyOf(problems);
    }

    private static String describe(String graphId, List<Problem> problems) {
        Objects.requireNonNull(graphId, "graphId");
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("graph '" + graphId + "' is refused but has no error");
        }
        StringBuilder sb = new StringBuilder("graph '").append(graphId).append("' cannot run: ")
                .append(errors.size()).append(errors.size() == 1 ? " error" : " errors");
        for (Problem p : errors) {
            sb.append('\n').append(p);
        }
        return sb.toString();
    }

    /** The id of the refused document. */
    public String graphId() {
        return graphId;
    }

    /** Every problem found, errors and warnings, in the validator's order. */
    public List<Problem> problems() {
        return problems;
    }

    /** Only the errors, the problems that refused the run. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }
}

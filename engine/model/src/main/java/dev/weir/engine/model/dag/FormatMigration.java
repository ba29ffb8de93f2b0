package dev.weir.engine.model.dag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Brings the JSON tree of a {@code .dag} file written in format version {@code fromVersion} to version
 * {@code fromVersion + 1}. {@link DagCodec} applies the steps in order, from the file's {@code format_version} up
 * to the version it reads, before it looks at any field, so the rest of the codec only ever sees the current
 * layout.
 *
 * <p>A step works on the untyped Jackson tree because an old layout has no Java type any more. It may edit the
 * tree in place and return it, or return a new one. It need not touch {@code format_version}: the codec sets it
 * to {@code fromVersion + 1} after the step. A step must be a pure function of the tree: it runs on the thread
 * that reads the file, may be called concurrently for different files, and must not perform I/O. If it throws,
 * the file is refused with a {@link DagFormatException} naming the step. Values in the tree are as the parser
 * made them: integers are {@code LongNode}s, reals {@code DoubleNode}s, and a number too large for either is a
 * {@code POJONode} the reader later refuses; a step should move such values, not interpret them.
 *
 * <p>{@link #BUILT_IN} holds the step from format 1 to 2 (process placement and recording).
 *
 * @param fromVersion the format version the step reads, at least 1
 * @param description what changed, for error messages and the format documentation
 * @param migrate     the step
 * @param keepsLayout whether the step only adds optional fields and moves nothing, so every value of the file is
 *                    still at the JSON path it had and messages can keep the file's line and column
 */
public record FormatMigration(int fromVersion, String description, UnaryOperator<ObjectNode> migrate,
                              boolean keepsLayout) {

    /**
     * Format 2 added three optional fields: a node's {@code process}, an edge spec's {@code record} and
     * {@code record_folder}, and the top-level {@code processes}. Their defaults (the main process, no recording,
     * no specs) are what a format 1 graph meant, so a format 1 tree is already a valid format 2 tree.
     */
    static final FormatMigration V1_TO_V2 = new FormatMigration(1,
            "format 2 adds node process, edge spec record and record_folder, and processes; all optional",
            root -> root, true);

    /** The steps this build applies, from format 1 up. */
    public static final List<FormatMigration> BUILT_IN = List.of(V1_TO_V2);

    /** A step that may move or rename fields (messages about the migrated tree then carry no line and column). */
    public FormatMigration(int fromVersion, String description, UnaryOperator<ObjectNode> migrate) {
        this(fromVersion, description, migrate, false);
    }

    public FormatMigration {
        if (fromVersion < 1) {
            throw new IllegalArgumentException("a format migration starts at version 1 or later, was " + fromVersion);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(migrate, "migrate");
    }
}

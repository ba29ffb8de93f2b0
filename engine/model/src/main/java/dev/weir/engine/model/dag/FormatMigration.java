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
 * <p>Format 1 is the first format, so {@link #BUILT_IN} is empty. When format 2 comes, its step from 1 goes there
 * and format 1 files keep opening.
 *
 * @param fromVersion the format version the step reads, at least 1
 * @param description what changed, for error messages and the format documentation
 * @param migrate     the step
 */
public record FormatMigration(int fromVersion, String description, UnaryOperator<ObjectNode> migrate) {

    /** The steps this build applies: none yet, as format 1 is the only format. */
    public static final List<FormatMigration> BUILT_IN = List.of();

    public FormatMigration {
        if (fromVersion < 1) {
            throw new IllegalArgumentException("a format migration starts at version 1 or later, was " + fromVersion);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(migrate, "migrate");
    }
}

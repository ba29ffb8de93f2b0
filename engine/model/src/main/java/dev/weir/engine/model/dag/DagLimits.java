package dev.weir.engine.model.dag;

/**
 * How much a {@code .dag} file may hold before {@link DagCodec} refuses it. The limits protect the editor and
 * {@code weir run} from files that would exhaust memory or the stack (a shared or downloaded graph is input from
 * a stranger); real graphs stay far below every one of them.
 *
 * <p>A file over a limit is refused with a {@link DagFormatException} whose message names the limit and the
 * value found, such as {@code graph.dag: $.nodes: 20000 nodes exceed the limit of 10000 (DagLimits.maxNodes)}.
 *
 * @param maxFileBytes    largest file, in bytes; checked before the file is read. Default 16 MiB
 * @param maxNodes        most nodes in one document. Default 10 000
 * @param maxEdges        most edges in one document. Default 100 000
 * @param maxNestingDepth deepest nesting of JSON objects and arrays; a valid document needs 6. Checked while
 *                        parsing, so a hostile {@code [[[[...} cannot overflow the stack. Default 64, at most 10 000
 * @param maxStringLength longest JSON string (value or key), in characters. Default 1 Mi
 */
public record DagLimits(long maxFileBytes, int maxNodes, int maxEdges, int maxNestingDepth, int maxStringLength) {

    /** The limits {@code weir} and the editor use. */
    public static final DagLimits DEFAULT = new DagLimits(16L << 20, 10_000, 100_000, 64, 1 << 20);

    /** The deepest nesting a limit may allow; the parser does not recurse, but deeper files are never real. */
    public static final int NESTING_DEPTH_CEILING = 10_000;

    public DagLimits {
        positive("maxFileBytes", maxFileBytes);
        positive("maxNodes", maxNodes);
        positive("maxEdges", maxEdges);
        positive("maxNestingDepth", maxNestingDepth);
        positive("maxStringLength", maxStringLength);
        if (maxNestingDepth > NESTING_DEPTH_CEILING) {
            throw new IllegalArgumentException("maxNestingDepth must be at most " + NESTING_DEPTH_CEILING
                    + ", was " + maxNestingDepth);
        }
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    public DagLimits withMaxFileBytes(long value) {
        return new DagLimits(value, maxNodes, maxEdges, maxNestingDepth, maxStringLength);
    }

    public DagLimits withMaxNodes(int value) {
        return new DagLimits(maxFileBytes, value, maxEdges, maxNestingDepth, maxStringLength);
    }

    public DagLimits withMaxEdges(int value) {
        return new DagLimits(maxFileBytes, maxNodes, value, maxNestingDepth, maxStringLength);
    }

    public DagLimits withMaxNestingDepth(int value) {
        return new DagLimits(maxFileBytes, maxNodes, maxEdges, value, maxStringLength);
    }

    public DagLimits withMaxStringLength(int value) {
        return new DagLimits(maxFileBytes, maxNodes, maxEdges, maxNestingDepth, value);
    }
}

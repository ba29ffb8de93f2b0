package dev.weir.engine.api;

import java.util.Objects;

/**
 * One dimension of a {@link DataType}: a fixed size, a size taken from a node parameter, or any size.
 *
 * <p>Descriptors declare ports with dimensions that may refer to parameters (an FFT node's output vector is
 * {@code Dim.param("fft_size")} long). {@link DataType#resolve(Params)} turns them into fixed sizes for one
 * node instance, so port types are derived from params and never stored.
 */
public sealed interface Dim {

    /** A size known when the descriptor is written. */
    record Fixed(int size) implements Dim {
        public Fixed {
            if (size <= 0) {
                throw new IllegalArgumentException("dimension must be positive, was " + size);
            }
        }

        @Override
        public String toString() {
            return Integer.toString(size);
        }
    }

    /** A size read from an integer parameter of the node instance. */
    record FromParam(String key) implements Dim {
        public FromParam {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String toString() {
            return "${" + key + "}";
        }
    }

    /** Any size: matches every size when checking connections. */
    record Any() implements Dim {
        @Override
        public String toString() {
            return "*";
        }
    }

    /** A fixed dimension. */
    static Dim of(int size) {
        return new Fixed(size);
    }

    /** A dimension taken from the integer param {@code key}. */
    static Dim param(String key) {
        return new FromParam(key);
    }

    /** A dimension that matches any size. */
    static Dim any() {
        return new Any();
    }

    /**
     * Resolves this dimension against a node's params.
     *
     * @throws IllegalArgumentException naming the param when it is missing, not an integer or not positive
     */
    default Dim resolve(Params params) {
        if (this instanceof FromParam(String key)) {
            long v = params.getLong(key);
            if (v <= 0 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("param '" + key + "' sizes a port and must be in 1.."
                        + Integer.MAX_VALUE + ", was " + v);
            }
            return new Fixed((int) v);
        }
        return this;
    }

    /** Whether this dimension is a fixed size. */
    default boolean isFixed() {
        return this instanceof Fixed;
    }

    /**
     * The fixed size.
     *
     * @throws IllegalStateException when the dimension is not fixed
     */
    default int size() {
        if (this instanceof Fixed(int size)) {
            return size;
        }
        throw new IllegalStateException("dimension " + this + " is not resolved to a fixed size");
    }

    /** Whether two dimensions can meet on an edge: equal fixed sizes, or either side is {@link Any}. */
    default boolean compatibleWith(Dim other) {
        if (this instanceof Any || other instanceof Any) {
            return true;
        }
        return this.equals(other);
    }
}

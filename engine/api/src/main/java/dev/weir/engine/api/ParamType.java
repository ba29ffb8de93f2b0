package dev.weir.engine.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The kind of a param and its limits. Each kind checks a normalised value (see {@link Params}) and says
 * what is wrong with it, so the validator, the inspector and live updates give the same message.
 */
public sealed interface ParamType {

    /**
     * Brings a normalised value to this kind's canonical form (integers widen to reals), or explains why it
     * cannot. The message does not name the param; callers prefix it.
     */
    Result check(Object value);

    /** Short name of the kind for docs and {@code weir nodes}, such as {@code int[1..65536]}. */
    String describe();

    /** The outcome of {@link #check}: a canonical value, or a problem. */
    record Result(Object value, String problem) {
        static Result ok(Object v) {
            return new Result(v, null);
        }

        static Result bad(String problem) {
            return new Result(null, problem);
        }

        /** Whether the value is acceptable. */
        public boolean ok() {
            return problem == null;
        }

        /** The problem, when not ok. */
        public Optional<String> problemText() {
            return Optional.ofNullable(problem);
        }
    }

    /** An integer within [min, max]. */
    record IntType(long min, long max) implements ParamType {
        public IntType {
            if (min > max) {
                throw new IllegalArgumentException("min " + min + " > max " + max);
            }
        }

        @Override
        public Result check(Object value) {
            if (!(value instanceof Long l)) {
                return Result.bad("must be an integer, was " + Params.kindOf(value) + " " + value);
            }
            if (l < min || l > max) {
                return Result.bad("must be in " + min + ".." + max + ", was " + l);
            }
            return Result.ok(l);
        }

        @Override
        public String describe() {
            return "int[" + min + ".." + max + "]";
        }
    }

    /** A finite real within [min, max]. */
    record RealType(double min, double max) implements ParamType {
        public RealType {
            if (!(min <= max)) {
                throw new IllegalArgumentException("min " + min + " > max " + max);
            }
        }

        @Override
        public Result check(Object value) {
            double d;
            if (value instanceof Double x) {
                d = x;
            } else if (value instanceof Long l) {
                d = l;
            } else {
                return Result.bad("must be a number, was " + Params.kindOf(value) + " " + value);
            }
            if (!Double.isFinite(d)) {
                return Result.bad("must be a finite number, was " + d);
            }
            if (d < min || d > max) {
                return Result.bad("must be in " + min + ".." + max + ", was " + d);
            }
            return Result.ok(d);
        }

        @Override
        public String describe() {
            return "real[" + min + ".." + max + "]";
        }
    }

    /** true or false. */
    record BoolType() implements ParamType {
        @Override
        public Result check(Object value) {
            return value instanceof Boolean b ? Result.ok(b)
                    : Result.bad("must be true or false, was " + Params.kindOf(value) + " " + value);
        }

        @Override
        public String describe() {
            return "bool";
        }
    }

    /** Free text of bounded length. */
    record TextType(int maxLength) implements ParamType {
        public TextType {
            if (maxLength < 0) {
                throw new IllegalArgumentException("max length must be >= 0, was " + maxLength);
            }
        }

        @Override
        public Result check(Object value) {
            if (!(value instanceof String s)) {
                return Result.bad("must be text, was " + Params.kindOf(value) + " " + value);
            }
            return s.length() > maxLength ? Result.bad("is longer than " + maxLength + " characters") : Result.ok(s);
        }

        @Override
        public String describe() {
            return "text";
        }
    }

    /** One of a fixed set of choices. */
    record ChoiceType(List<String> choices) implements ParamType {
        public ChoiceType {
            choices = List.copyOf(choices);
            if (choices.isEmpty()) {
                throw new IllegalArgumentException("a choice param needs choices");
            }
        }

        @Override
        public Result check(Object value) {
            if (value instanceof String s && choices.contains(s)) {
                return Result.ok(s);
            }
            return Result.bad("must be one of " + choices + ", was " + value);
        }

        @Override
        public String describe() {
            return "choice" + choices;
        }
    }

    /**
     * A file-system path. The engine only ever opens it as data, never executes it.
     *
     * @param mode what the node does with the path
     */
    record PathType(PathMode mode) implements ParamType {
        public PathType {
            Objects.requireNonNull(mode, "mode");
        }

        @Override
        public Result check(Object value) {
            if (!(value instanceof String s)) {
                return Result.bad("must be a path, was " + Params.kindOf(value) + " " + value);
            }
            if (s.indexOf('\0') >= 0) {
                return Result.bad("contains a NUL character");
            }
            return Result.ok(s);
        }

        @Override
        public String describe() {
            return "path(" + mode.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
    }

    /** What a node does with a {@link PathType} param. */
    enum PathMode {
        /** Reads an existing file. */
        READ_FILE,
        /** Creates or replaces a file. */
        WRITE_FILE,
        /** Uses a directory. */
        DIRECTORY
    }

    /** A list of finite reals, each within [min, max], with a bounded length. */
    record RealListType(double min, double max, int minSize, int maxSize) implements ParamType {
        public RealListType {
            if (!(min <= max)) {
                throw new IllegalArgumentException("min " + min + " > max " + max);
            }
            if (minSize < 0 || maxSize < minSize) {
                throw new IllegalArgumentException("list sizes must satisfy 0 <= min <= max, were " + minSize + ".." + maxSize);
            }
        }

        @Override
        public Result check(Object value) {
            if (!(value instanceof List<?> l)) {
                return Result.bad("must be a list of numbers, was " + Params.kindOf(value) + " " + value);
            }
            if (l.size() < minSize || l.size() > maxSize) {
                return Result.bad("must have " + minSize + ".." + maxSize + " elements, had " + l.size());
            }
            RealType element = new RealType(min, max);
            for (int i = 0; i < l.size(); i++) {
                Result r = element.check(l.get(i));
                if (!r.ok()) {
                    return Result.bad("element " + i + " " + r.problem());
                }
            }
            return Result.ok(l.stream().map(o -> ((Number) o).doubleValue()).map(Object.class::cast).toList());
        }

        @Override
        public String describe() {
            return "real[" + min + ".." + max + "] list";
        }
    }
}

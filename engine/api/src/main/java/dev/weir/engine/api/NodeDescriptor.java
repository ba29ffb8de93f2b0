package dev.weir.engine.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The declarative, immutable description of a node type: what GRC keeps in a {@code *.block.yml}, as a typed
 * record. The {@link #factory()} creates the running instance.
 *
 * <p>Port types may depend on params ({@link Dim.FromParam}); {@link #resolveInputs(Params)} and
 * {@link #resolveOutputs(Params)} derive the concrete ports of one node instance.
 *
 * @param id          dotted type id, stable across versions ({@code dsp.fft})
 * @param version     type version; documents record it so params can be migrated
 * @param label       palette label
 * @param category    palette category, {@code /}-separated for nesting ({@code Signal/Spectral})
 * @param description one paragraph for the palette and {@code weir nodes}
 * @param inputs      input port specs in order
 * @param outputs     output port specs in order
 * @param params      param specs in display order
 * @param rate        per-step consumption and production
 * @param scheduling  whether {@code process} may block
 * @param acceleratorCapable whether a data-parallel accelerator backend exists for it
 * @param factory     creates one processor per run
 * @param migrations  how params written for older type versions become this version's, one per older version
 * @param inference   derives output types the params leave open from the types that feed the node
 *                    ({@link TypeInference#DECLARED} when the params size every port)
 * @param preview     whether the node is a preview sink: it shows its inputs to a viewer (through
 *                    {@link ProcessorContext#openPreview}) and writes nothing downstream, so its inputs should be
 *                    fed through keep-latest edges that never hold the pipeline back. The validator warns about a
 *                    back-pressured edge into such a node, and the editor connects its inputs keep-latest
 */
public record NodeDescriptor(String id, int version, String label, String category, String description,
                             List<PortSpec> inputs, List<PortSpec> outputs, List<ParamSpec> params,
                             RateSpec rate, Scheduling scheduling, boolean acceleratorCapable,
                             ProcessorFactory factory, List<ParamMigration> migrations, TypeInference inference,
                             boolean preview) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    public NodeDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("node type id '" + id + "' must be dotted snake_case, like dsp.fft");
        }
        if (version < 1) {
            throw new IllegalArgumentException("node type '" + id + "' version must be >= 1");
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(description, "description");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        params = List.copyOf(params);
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(scheduling, "scheduling");
        Objects.requireNonNull(factory, "factory");
        migrations = List.copyOf(migrations);
        Objects.requireNonNull(inference, "inference");
        Set<Integer> from = new HashSet<>();
        for (ParamMigration m : migrations) {
            if (m.fromVersion() >= version || !from.add(m.fromVersion())) {
                throw new IllegalArgumentException("node type '" + id + "' (version " + version
                        + ") has a misplaced or repeated migration from version " + m.fromVersion());
            }
        }
        Set<String> keys = new HashSet<>();
        for (ParamSpec p : params) {
            if (!keys.add(p.key())) {
                throw new IllegalArgumentException("node type '" + id + "' declares param '" + p.key() + "' twice");
            }
        }
        checkPortNames(id, "input", inputs, keys);
        checkPortNames(id, "output", outputs, keys);
        for (PortSpec port : inputs) {
            checkTypeParams(id, port, port.type(), params);
        }
        for (PortSpec port : outputs) {
            checkTypeParams(id, port, port.type(), params);
        }
        if (preview && (inputs.isEmpty() || !outputs.isEmpty())) {
            // A keep-latest input drops frames by design; a node that passed them on would silently lose data.
            throw new IllegalArgumentException("node type '" + id + "' is marked as a preview, so it must have inputs"
                    + " and no outputs; it has " + inputs.size() + " inputs and " + outputs.size() + " outputs");
        }
    }

    /** A descriptor that is not a preview sink: the shape descriptors had before previews existed. */
    public NodeDescriptor(String id, int version, String label, String category, String description,
                          List<PortSpec> inputs, List<PortSpec> outputs, List<ParamSpec> params, RateSpec rate,
                          Scheduling scheduling, boolean acceleratorCapable, ProcessorFactory factory,
                          List<ParamMigration> migrations, TypeInference inference) {
        this(id, version, label, category, description, inputs, outputs, params, rate, scheduling,
                acceleratorCapable, factory, migrations, inference, false);
    }

    /**
     * Refuses a port type that refers to a param which is not declared, or whose values could never resolve it:
     * a size must come from an integer param with a minimum of at least 1, and a type chosen by param must come
     * from a choice param whose every choice names an option. Caught here, such a mistake fails once, when the
     * node library loads, instead of on every node instance.
     */
    private static void checkTypeParams(String id, PortSpec port, DataType type, List<ParamSpec> params) {
        switch (type) {
            case DataType.SampleStream t -> checkDim(id, port, t.chunk(), params);
            case DataType.VectorOf t -> checkDim(id, port, t.length(), params);
            case DataType.MatrixOf t -> {
                checkDim(id, port, t.rows(), params);
                checkDim(id, port, t.cols(), params);
            }
            case DataType.ImageOf t -> {
                checkDim(id, port, t.width(), params);
                checkDim(id, port, t.height(), params);
            }
            case DataType.RecordsOf t -> checkDim(id, port, t.maxCount(), params);
            case DataType.ByParam t -> {
                ParamSpec choice = declared(id, port, t.key(), params);
                if (!(choice.type() instanceof ParamType.ChoiceType(List<String> choices))) {
                    throw new IllegalArgumentException("node type '" + id + "' port '" + port.name()
                            + "' picks its type by param '" + t.key() + "', which is not a choice param");
                }
                for (String c : choices) {
                    if (!t.options().containsKey(c)) {
                        throw new IllegalArgumentException("node type '" + id + "' port '" + port.name()
                                + "' has no type for choice '" + c + "' of param '" + t.key() + "'");
                    }
                }
                for (DataType option : t.options().values()) {
                    checkTypeParams(id, port, option, params);
                }
            }
        }
    }

    private static void checkDim(String id, PortSpec port, Dim dim, List<ParamSpec> params) {
        if (dim instanceof Dim.FromParam(String key)) {
            ParamSpec p = declared(id, port, key, params);
            if (!(p.type() instanceof ParamType.IntType(long min, long max)) || min < 1) {
                throw new IllegalArgumentException("node type '" + id + "' port '" + port.name()
                        + "' is sized by param '" + key + "', which must be an integer param with a minimum of at least 1");
            }
        }
    }

    private static ParamSpec declared(String id, PortSpec port, String key, List<ParamSpec> params) {
        for (ParamSpec p : params) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("node type '" + id + "' port '" + port.name()
                + "' refers to undeclared param '" + key + "'");
    }

    private static void checkPortNames(String id, String dir, List<PortSpec> ports, Set<String> paramKeys) {
        Set<String> names = new HashSet<>();
        for (PortSpec p : ports) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("node type '" + id + "' declares " + dir + " '" + p.name() + "' twice");
            }
            if (p.count() instanceof Dim.FromParam(String key) && !paramKeys.contains(key)) {
                throw new IllegalArgumentException("node type '" + id + "' " + dir + " '" + p.name()
                        + "' count refers to unknown param '" + key + "'");
            }
        }
    }

    /** Whether some output type is derived from the inputs rather than from the params alone. */
    public boolean infersOutputs() {
        return inference != TypeInference.DECLARED;
    }

    /** Starts a builder for a node type. */
    public static Builder builder(String id, int version) {
        return new Builder(id, version);
    }

    /**
     * Params written for type version {@code fromVersion} brought to this version by the declared migrations.
     *
     * @throws IllegalArgumentException when a step is missing or {@code fromVersion} is newer than this type
     */
    public Params migrateParams(int fromVersion, Params params) {
        if (fromVersion > version) {
            throw new IllegalArgumentException("node type '" + id + "' is version " + version
                    + " here; params written for version " + fromVersion + " cannot be read");
        }
        Params p = params;
        for (int v = fromVersion; v < version; v++) {
            ParamMigration step = null;
            for (ParamMigration m : migrations) {
                if (m.fromVersion() == v) {
                    step = m;
                }
            }
            if (step == null) {
                throw new IllegalArgumentException("node type '" + id + "' cannot migrate params from version " + v
                        + " to " + (v + 1) + ": no migration declared");
            }
            p = step.migrate().apply(p);
        }
        return p;
    }

    /** The param spec for {@code key}, if declared. */
    public Optional<ParamSpec> param(String key) {
        for (ParamSpec p : params) {
            if (p.key().equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Every declared param at its default value. */
    public Params defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (ParamSpec p : params) {
            m.put(p.key(), p.defaultValue());
        }
        return Params.of(m);
    }

    /** {@code given} filled up with defaults for every param it does not set. */
    public Params withDefaults(Params given) {
        return defaults().withAll(given);
    }

    /**
     * Every problem with {@code given}: unknown keys, values of the wrong kind, values out of range. Missing
     * keys are not problems; they take their defaults.
     */
    public List<ParamProblem> checkParams(Params given) {
        List<ParamProblem> problems = new ArrayList<>();
        for (String key : given.keys()) {
            Optional<ParamSpec> spec = param(key);
            if (spec.isEmpty()) {
                problems.add(new ParamProblem(key, "is not a param of " + id));
                continue;
            }
            ParamType.Result r = spec.get().type().check(given.get(key));
            r.problemText().ifPresent(p -> problems.add(new ParamProblem(key, p)));
        }
        return problems;
    }

    /**
     * {@code given} checked and in canonical form (integers widened where reals are declared), with defaults.
     *
     * @throws IllegalArgumentException naming every bad param
     */
    public Params canonicalParams(Params given) {
        List<ParamProblem> problems = checkParams(given);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(ParamProblem.join(id, problems));
        }
        Params out = defaults();
        for (String key : given.keys()) {
            out = out.with(key, param(key).orElseThrow().type().check(given.get(key)).value());
        }
        return out;
    }

    /**
     * The concrete input ports for these params.
     *
     * @param params complete params (see {@link #withDefaults})
     * @throws IllegalArgumentException when a param that sizes a port is missing or invalid
     */
    public List<ResolvedPort> resolveInputs(Params params) {
        return resolve(inputs, params);
    }

    /** The concrete output ports for these params; see {@link #resolveInputs}. */
    public List<ResolvedPort> resolveOutputs(Params params) {
        return resolve(outputs, params);
    }

    private static List<ResolvedPort> resolve(List<PortSpec> specs, Params params) {
        List<ResolvedPort> out = new ArrayList<>();
        for (PortSpec spec : specs) {
            DataType type = spec.type().resolve(params);
            if (!spec.isMulti()) {
                out.add(new ResolvedPort(spec.name(), out.size(), type, spec.optional(), spec));
                continue;
            }
            int n = spec.count().resolve(params).size();
            for (int i = 0; i < n; i++) {
                out.add(new ResolvedPort(spec.name() + i, out.size(), type, spec.optional(), spec));
            }
        }
        return List.copyOf(out);
    }

    /** One problem with one param. */
    public record ParamProblem(String key, String message) {
        static String join(String type, List<ParamProblem> problems) {
            StringBuilder sb = new StringBuilder();
            for (ParamProblem p : problems) {
                if (!sb.isEmpty()) {
                    sb.append("; ");
                }
                sb.append("param '").append(p.key()).append("' ").append(p.message());
            }
            return sb.toString();
        }
    }

    /** Fluent construction of a descriptor; {@link #build()} runs the record's checks. */
    public static final class Builder {
        private final String id;
        private final int version;
        private String label;
        private String category = "Other";
        private String description = "";
        private final List<PortSpec> inputs = new ArrayList<>();
        private final List<PortSpec> outputs = new ArrayList<>();
        private final List<ParamSpec> params = new ArrayList<>();
        private RateSpec rate = RateSpec.ONE_TO_ONE;
        private Scheduling scheduling = Scheduling.COOPERATIVE;
        private boolean acceleratorCapable;
        private ProcessorFactory factory;
        private final List<ParamMigration> migrations = new ArrayList<>();
        private TypeInference inference = TypeInference.DECLARED;
        private boolean preview;

        private Builder(String id, int version) {
            this.id = id;
            this.version = version;
            this.label = id;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder input(PortSpec port) {
            inputs.add(port);
            return this;
        }

        public Builder output(PortSpec port) {
            outputs.add(port);
            return this;
        }

        public Builder param(ParamSpec param) {
            params.add(param);
            return this;
        }

        public Builder rate(RateSpec rate) {
            this.rate = rate;
            return this;
        }

        public Builder scheduling(Scheduling scheduling) {
            this.scheduling = scheduling;
            return this;
        }

        public Builder acceleratorCapable(boolean capable) {
            this.acceleratorCapable = capable;
            return this;
        }

        public Builder factory(ProcessorFactory factory) {
            this.factory = factory;
            return this;
        }

        public Builder migration(ParamMigration migration) {
            migrations.add(migration);
            return this;
        }

        /** How output types the params leave open follow from the inputs; see {@link TypeInference}. */
        public Builder infer(TypeInference inference) {
            this.inference = inference;
            return this;
        }

        /**
         * Marks the node as a preview sink (see {@link NodeDescriptor#preview()}): its inputs are meant to be fed
         * through keep-latest edges. Such a node must have inputs and no outputs.
         */
        public Builder preview() {
            this.preview = true;
            return this;
        }

        public NodeDescriptor build() {
            return new NodeDescriptor(id, version, label, category, description, inputs, outputs, params, rate,
                    scheduling, acceleratorCapable, factory, migrations, inference, preview);
        }
    }
}

package dev.weir.engine.model.dag;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.ParamMigration;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.ProcessorFactory;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.EdgeUi;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeState;
import dev.weir.engine.model.NodeUi;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.model.Point;
import dev.weir.engine.model.PortRef;
import dev.weir.engine.model.Transport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.statistics.Statistics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties over generated input: any document survives write-read-write unchanged, and no mangled file makes
 * the reader throw anything but {@link DagFormatException}.
 */
class DagPropertiesTest {

    private static final DagCodec CODEC = DagCodec.withoutRegistry();

    // ---- round trip -----------------------------------------------------------------------------------------

    @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
    void writeReadWriteGivesTheSameTextAndDocument(@ForAll("documents") GraphDocument doc) throws Exception {
        String text = CODEC.write(doc);
        GraphDocument back = CODEC.parse(text.getBytes(StandardCharsets.UTF_8), "generated.dag");
        assertThat(back).isEqualTo(doc);
        assertThat(back.nodes().keySet()).containsExactlyElementsOf(doc.nodes().keySet());
        assertThat(back.edges().keySet()).containsExactlyElementsOf(doc.edges().keySet());
        assertThat(CODEC.write(back)).isEqualTo(text);
        assertThat(text).endsWith("}\n").doesNotContain("\r");
    }

    @Provide
    Arbitrary<GraphDocument> documents() {
        // Lists with possibly repeated ids, of which the first of each id is kept: cheaper than flatMap.
        Arbitrary<List<NodeInstance>> nodes = node().list().ofMaxSize(8);
        Arbitrary<List<EdgeInstance>> edges = edge().list().ofMaxSize(8);
        return Combinators.combine(texts(), texts(), nodes, edges, values()).as((id, name, ns, es, meta) -> {
            Map<String, NodeInstance> nm = new LinkedHashMap<>();
            ns.forEach(n -> nm.putIfAbsent(n.id(), n));
            Map<String, EdgeInstance> em = new LinkedHashMap<>();
            es.forEach(e -> em.putIfAbsent(e.id(), e));
            return new GraphDocument(GraphDocument.CURRENT_FORMAT_VERSION, id, name, nm, em, meta);
        });
    }

    private Arbitrary<NodeInstance> node() {
        return Combinators.combine(nodeIds(), texts(), Arbitraries.integers().between(1, Integer.MAX_VALUE), texts(),
                        Arbitraries.of(NodeState.class), values(), points())
                .as((id, type, version, name, state, params, ui) ->
                        new NodeInstance(id, type, version, name, params, state, new NodeUi(ui)));
    }

    private Arbitrary<EdgeInstance> edge() {
        Arbitrary<PortRef> ref = Combinators.combine(Arbitraries.oneOf(nodeIds(), texts()), texts()).as(PortRef::new);
        Arbitrary<EdgeSpec> spec = Combinators.combine(Arbitraries.integers().between(1, EdgeSpec.MAX_CAPACITY),
                Arbitraries.of(OverflowPolicy.class), Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.of(Transport.class)).as(EdgeSpec::new);
        return Combinators.combine(edgeIds(), ref, ref, spec, points().list().ofMaxSize(4))
                .as((id, from, to, s, pts) -> new EdgeInstance(id, from, to, s, new EdgeUi(pts)));
    }

    private static Arbitrary<String> nodeIds() {
        Arbitrary<Character> head = Arbitraries.chars().range('a', 'z').range('A', 'Z').with('_');
        Arbitrary<String> tail = Arbitraries.strings().alpha().numeric().withChars('_', '-').ofMaxLength(12);
        return Combinators.combine(head, tail).as((h, t) -> h + t);
    }

    private static Arbitrary<String> edgeIds() {
        return Arbitraries.oneOf(nodeIds(), texts().filter(s -> !s.isEmpty() && s.length() <= 128));
    }

    /** Strings of every kind: ASCII, accents, CJK, emoji, control characters, quotes, lone surrogates. */
    private static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars(" _-.".toCharArray()).ofMaxLength(16)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u00a0', '\u024f').withCharRange('\u3040', '\u30ff')
                        .withCharRange('\u4e00', '\u4e40').withChars("\"\\/\n\t\u0000\u001f\u007f\u2028\u2029\ufeff"
                                .toCharArray()).ofMaxLength(12)),
                Tuple.of(1, Arbitraries.of("", "\uD83C\uDF9B", "caf\u00e9 \uD83D\uDE00", "\uD800", "\uDC00x\uD800",
                        "a\uDBFF\uDFFFb", "\"quoted\"", "back\\slash")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8)));
    }

    private static Arbitrary<Point> points() {
        return Combinators.combine(doubles(), doubles()).as(Point::new);
    }

    private static Arbitrary<Double> doubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles()),
                Tuple.of(2, Arbitraries.of(-0.0, 0.0, 2.0, -1.0, 0.1, 1e-300, -1e-300, Double.MIN_VALUE,
                        -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1e21, 1e-7,
                        123456789.0, 9007199254740993.0, 4.35, 1.0E7, 0.001)),
                Tuple.of(1, Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite)));
    }

    private static Arbitrary<Object> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().map(Object.class::cast)),
                Tuple.of(1, Arbitraries.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE).map(Object.class::cast)),
                Tuple.of(4, doubles().map(Object.class::cast)),
                Tuple.of(1, Arbitraries.of(true, false).map(Object.class::cast)),
                Tuple.of(3, texts().map(Object.class::cast)));
    }

    private static Arbitrary<Params> values() {
        Arbitrary<Object> value = Arbitraries.frequencyOf(
                Tuple.of(4, scalars()),
                Tuple.of(1, scalars().list().ofMaxSize(5).map(Object.class::cast)));
        return Arbitraries.maps(texts(), value).ofMaxSize(6).map(Params::of);
    }

    // ---- fuzz -----------------------------------------------------------------------------------------------

    private static final ProcessorFactory NEVER = () -> {
        throw new UnsupportedOperationException("never run");
    };

    /** A registry whose types the golden files use at older versions, so that mutated files also migrate. */
    private static final DagCodec MIGRATING = new DagCodec(NodeRegistry.of(() -> List.of(
            NodeDescriptor.builder("dsp.fir", 3).factory(NEVER)
                    .migration(new ParamMigration(1, "none", p -> p))
                    .migration(new ParamMigration(2, "taps renamed to coefficients", p -> p.has("taps")
                            ? p.without("taps").with("coefficients", p.get("taps")) : p)).build(),
            NodeDescriptor.builder("math.add", 2).factory(NEVER)
                    .migration(new ParamMigration(1, "inputs must be an integer", p -> p.has("inputs")
                            ? p.with("count", p.getInt("inputs")) : p)).build())));

    private static final List<byte[]> GOLDEN = Golden.files().stream().map(p -> {
        try {
            return java.nio.file.Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }).toList();

    private static final String[] SNIPPETS = {
        "null", "{}", "[]", "\"\"", "1e999", "-0", "-0.0", "true", "\"\\ud800\"", "99999999999999999999", "NaN",
        "[[[[[[[[", "]}", "{\"a\":", ",", ":", "\"", "\\", "\u00ff", "\"format_version\": 2,", "\"id\": \"x\",",
        "\"nodes\": [],", "1.5", "-1", "65537", "\"\\u0000\"", "/*", "\uFEFF", "\"type_version\": \"1\","
    };

    /** One edit of a file's bytes. */
    record Mutation(int kind, double at, double length, int value) {
        byte[] apply(byte[] in) {
            int n = in.length;
            int pos = n == 0 ? 0 : (int) (at * n);
            int len = Math.max(1, (int) (length * 16));
            List<Byte> out = new ArrayList<>(n + 32);
            for (byte b : in) {
                out.add(b);
            }
            switch (kind) {
                case 0 -> { // flip a bit
                    if (pos < n) {
                        out.set(pos, (byte) (out.get(pos) ^ (1 << (value & 7))));
                    }
                }
                case 1 -> { // set a byte
                    if (pos < n) {
                        out.set(pos, (byte) value);
                    }
                }
                case 2 -> { // delete a range
                    for (int i = 0; i < len && pos < out.size(); i++) {
                        out.remove(pos);
                    }
                }
                case 3 -> { // truncate
                    while (out.size() > pos) {
                        out.removeLast();
                    }
                }
                case 4 -> { // insert a JSON-ish snippet
                    byte[] s = SNIPPETS[Math.floorMod(value, SNIPPETS.length)].getBytes(StandardCharsets.UTF_8);
                    for (int i = s.length - 1; i >= 0; i--) {
                        out.add(Math.min(pos, out.size()), s[i]);
                    }
                }
                default -> { // duplicate a slice
                    int end = Math.min(out.size(), pos + len * 4);
                    List<Byte> slice = new ArrayList<>(out.subList(Math.min(pos, end), end));
                    out.addAll(Math.min(end, out.size()), slice);
                }
            }
            byte[] r = new byte[out.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = out.get(i);
            }
            return r;
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 255)).as(Mutation::new);
    }

    @Property(tries = 1500, edgeCases = EdgeCasesMode.MIXIN)
    void mangledFilesFailOnlyWithDagFormatException(@ForAll("goldenIndex") int file,
                                                      @ForAll("mutationLists") List<Mutation> mutations) {
        byte[] bytes = GOLDEN.get(file);
        for (Mutation m : mutations) {
            bytes = m.apply(bytes);
        }
        String outcome = "loaded";
        try {
            MIGRATING.parse(bytes, "fuzz.dag");
            CODEC.parse(bytes, "fuzz.dag");
        } catch (DagFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz.dag").doesNotContain("\n");
            assertThat(e.detail()).isNotBlank();
            outcome = e.jsonPath() != null ? "refused by the reader" : "refused by the parser";
        }
        Statistics.collect(outcome);
    }

    @Provide
    Arbitrary<Integer> goldenIndex() {
        return Arbitraries.integers().between(0, GOLDEN.size() - 1);
    }

    @Provide
    Arbitrary<List<Mutation>> mutationLists() {
        return mutations().list().ofMinSize(1).ofMaxSize(6);
    }

    /** Random bytes, and random text made of JSON's own characters, are refused cleanly too. */
    @Property(tries = 500)
    void randomInputFailsOnlyWithDagFormatException(@ForAll("junk") byte[] bytes) {
        try {
            CODEC.parse(bytes, "junk.dag");
        } catch (DagFormatException e) {
            assertThat(e.getMessage()).startsWith("junk.dag").doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<byte[]> junk() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ tfnrulas\\\n")
                .ofMaxLength(200).map(s -> ("{\"format_version\": 1, " + s).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(raw, jsonish);
    }
}

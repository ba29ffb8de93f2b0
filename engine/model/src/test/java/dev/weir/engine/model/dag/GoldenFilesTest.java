package dev.weir.engine.model.dag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.GraphValidator;
import dev.weir.engine.model.NodeState;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.model.Problem;
import dev.weir.engine.model.ProblemCode;
import dev.weir.engine.model.Transport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GoldenFilesTest {

    private static final DagCodec CODEC = DagCodec.withoutRegistry();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = Files.newInputStream(Golden.schema())) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    static List<Path> goldenFiles() {
        return Golden.files();
    }

    @Test
    void thereAreGoldenFiles() {
        assertThat(Golden.files()).hasSizeGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest
    @MethodSource("goldenFiles")
    void readThenWriteGivesTheSameBytes(Path file) throws Exception {
        byte[] original = Files.readAllBytes(file);
        GraphDocument doc = CODEC.read(file);
        byte[] written = CODEC.write(doc).getBytes(StandardCharsets.UTF_8);
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(original, StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(original);
        assertThat(CODEC.parse(written, file.toString())).isEqualTo(doc);
    }

    @ParameterizedTest
    @MethodSource("goldenFiles")
    void goldenFilesAreCanonicalText(Path file) throws IOException {
        String text = Files.readString(file);
        assertThat(text).doesNotContain("\r").doesNotContain("\t").endsWith("}\n").doesNotEndWith("\n\n");
        assertThat(Files.readAllBytes(file)[0]).isEqualTo((byte) '{');
    }

    @ParameterizedTest
    @MethodSource("goldenFiles")
    void goldenFilesPassTheSchema(Path file) throws IOException {
        Set<ValidationMessage> errors = schema.validate(new ObjectMapper().readTree(file.toFile()));
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"format_version\": 3, \"graph\": {\"id\": \"g\"}, \"nodes\": [], \"edges\": []}",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [], \"edges\": [], \"extra\": 1}",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [{\"id\": \"1x\", \"type\": \"a.b\", \"type_version\": 1}], \"edges\": []}",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [{\"id\": \"n\", \"type\": \"a.b\", \"type_version\": \"1\"}], \"edges\": []}",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [{\"id\": \"n\", \"type\": \"a.b\", \"type_version\": 1, \"state\": \"bypassed\"}], \"edges\": []}",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [{\"id\": \"n\", \"type\": \"a.b\", \"type_version\": 1, \"params\": {\"w\": {\"nested\": 1}}}], \"edges\": []}",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [], \"edges\": [{\"id\": \"e\", \"from\": {\"node\": \"a\", \"port\": \"o\"}, \"to\": {\"node\": \"b\", \"port\": \"i\"}, \"spec\": {\"capacity\": -1}}]}",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [], \"edges\": [{\"id\": \"e\", \"from\": {\"node\": \"a\", \"port\": 0}, \"to\": {\"node\": \"b\", \"port\": \"i\"}}]}"
    })
    void badFilesFailTheSchemaAndTheCodec(String json) throws IOException {
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(schema.validate(tree)).as("schema errors for %s", json).isNotEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CODEC.parse(json, "bad.dag"))
                .isInstanceOf(DagFormatException.class);
    }

    /** The example in docs/dag-format.md is canonical, loads, and passes the schema. */
    @Test
    void theDocumentedExampleIsACanonicalFile() throws Exception {
        String md = Files.readString(Golden.schema().resolveSibling("dag-format.md"));
        int start = md.indexOf("```json\n") + "```json\n".length();
        String example = md.substring(start, md.indexOf("```", start));
        GraphDocument doc = CODEC.parse(example, "dag-format.md");
        assertThat(CODEC.write(doc)).isEqualTo(example);
        assertThat(schema.validate(new ObjectMapper().readTree(example))).isEmpty();
    }

    @Test
    void theFeedbackLoopLoadsWithItsDelayAndBendPoints() throws Exception {
        GraphDocument doc = CODEC.read(Golden.file("feedback_loop.dag"));
        assertThat(doc.id()).isEqualTo("echo");
        assertThat(doc.edge("loop_back").orElseThrow().spec().delay()).isEqualTo(22050);
        assertThat(doc.edge("loop_back").orElseThrow().ui().points()).hasSize(3);
        assertThat(doc.edge("preview").orElseThrow().spec().overflow()).isEqualTo(OverflowPolicy.KEEP_LATEST);
        assertThat(doc.edge("loop_out").orElseThrow().spec().transport()).isEqualTo(Transport.IN_PROCESS);
        assertThat(doc.node("scope").orElseThrow().state()).isEqualTo(NodeState.DISABLED);
        assertThat(doc.node("mix").orElseThrow().ui().position().x()).isEqualTo(200.5);
    }

    @Test
    void valuesKeepTheirJsonTypes() throws Exception {
        GraphDocument doc = CODEC.read(Golden.file("unknown_type.dag"));
        var p = doc.node("mystery").orElseThrow().params();
        assertThat(p.get("max_long")).isEqualTo(Long.MAX_VALUE);
        assertThat(p.get("min_long")).isEqualTo(Long.MIN_VALUE);
        assertThat(p.get("neg_zero")).isEqualTo(-0.0);
        assertThat(p.get("tiny")).isEqualTo(Double.MIN_VALUE);
        assertThat(p.get("huge")).isEqualTo(Double.MAX_VALUE);
        assertThat(p.get("mixed")).isEqualTo(List.of(1L, 2.5, "three", false));
        assertThat(p.get("escapes")).isEqualTo("tab\tnewline\nquote\"backslash\\nul\u0000bell\u0007");
        assertThat(p.get("")).isEqualTo("empty key");
        assertThat(p.get("\uD83C\uDF9B")).isEqualTo(List.of("knob", "\uD83C\uDF9A"));
        var meta = CODEC.read(Golden.file("metadata_lists.dag")).metadata();
        assertThat(meta.get("channel_gains_db")).isEqualTo(List.of(0.0, -1.5, -3.25));
        assertThat(meta.get("revision")).isEqualTo(12L);
        assertThat(meta.get("empty")).isEqualTo(List.of());
    }

    /** What is wrong as a graph but right as a file loads, and the validator says what is wrong. */
    @Test
    void graphProblemsAreTheValidatorsNotTheCodecs() throws Exception {
        GraphDocument doc = CODEC.read(Golden.file("unknown_type.dag"));
        List<Problem> problems = new GraphValidator(NodeRegistry.of(List.of())).validate(doc);
        assertThat(problems).extracting(Problem::code).contains(ProblemCode.UNKNOWN_TYPE, ProblemCode.DANGLING_EDGE);
        assertThat(problems).filteredOn(p -> p.code() == ProblemCode.UNKNOWN_TYPE)
                .extracting(Problem::nodeId).contains("mystery");
    }
}

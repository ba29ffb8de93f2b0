package dev.weir.engine.model.dag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.ParamMigration;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.ProcessorFactory;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MigrationTest {

    // ---- format migrations ----------------------------------------------------------------------------------
    //
    // Format 1 is the first real format, so these tests make up a history: in "format 1" a graph was a title
    // and a list of "blocks" joined by "wires"; format 2 renamed the lists; format 3 put the title into a graph
    // object; format 4 renamed the node fields and is today's layout.

    private final List<Integer> applied = Collections.synchronizedList(new ArrayList<>());

    private FormatMigration step1to2() {
        return new FormatMigration(1, "blocks and wires renamed to nodes and edges", root -> {
            applied.add(1);
            root.set("nodes", root.remove("blocks"));
            root.set("edges", root.remove("wires"));
            return root;
        });
    }

    private FormatMigration step2to3() {
        return new FormatMigration(2, "title moved into a graph object", root -> {
            applied.add(2);
            ObjectNode graph = root.objectNode();
            graph.put("id", "migrated");
            graph.set("name", root.remove("title"));
            // A new tree is fine too: rebuild with graph first.
            ObjectNode out = root.objectNode();
            out.set("format_version", root.get("format_version"));
            out.set("graph", graph);
            out.setAll((ObjectNode) root.without("format_version"));
            return out;
        });
    }

    private FormatMigration step3to4() {
        return new FormatMigration(3, "node fields renamed: name to id, kind to type, kind_version to type_version",
                root -> {
                    applied.add(3);
                    for (JsonNode n : (ArrayNode) root.get("nodes")) {
                        ObjectNode o = (ObjectNode) n;
                        o.set("id", o.remove("name"));
                        o.set("type", o.remove("kind"));
                        o.set("type_version", o.remove("kind_version"));
                    }
                    return root;
                });
    }

    private DagCodec codec(FormatMigration... steps) {
        return new DagCodec(NodeRegistry.of(List.of()), DagLimits.DEFAULT, List.of(steps), 4);
    }

    private static final String V1 = """
            {"format_version": 1, "title": "Old graph",
             "blocks": [{"name": "src", "kind": "dsp.source", "kind_version": 1},
                        {"name": "snk", "kind": "io.sink", "kind_version": 2}],
             "wires": [{"id": "w", "from": {"node": "src", "port": "out"}, "to": {"node": "snk", "port": "in"}}]}
            """;

    @Test
    void formatStepsRunInOrderFromTheFilesVersion() throws Exception {
        DagCodec codec = codec(step3to4(), step1to2(), step2to3()); // any order in, version order out
        GraphDocument doc = codec.parse(V1, "old.dag");
        assertThat(applied).containsExactly(1, 2, 3);
        assertThat(doc.formatVersion()).isEqualTo(4);
        assertThat(doc.id()).isEqualTo("migrated");
        assertThat(doc.name()).isEqualTo("Old graph");
        assertThat(doc.nodes().keySet()).containsExactly("src", "snk");
        assertThat(doc.node("snk").orElseThrow().type()).isEqualTo("io.sink");
        assertThat(doc.node("snk").orElseThrow().typeVersion()).isEqualTo(2);
        assertThat(doc.edge("w").orElseThrow().to().node()).isEqualTo("snk");
        // Written in the codec's (current) format, it reads back without migrating.
        String written = codec.write(doc);
        assertThat(written).startsWith("{\n  \"format_version\": 4,\n");
        applied.clear();
        assertThat(codec.parse(written, "new.dag")).isEqualTo(doc);
        assertThat(applied).isEmpty();
    }

    @Test
    void aFileInTheMiddleOfTheChainRunsOnlyTheRest() throws Exception {
        String v3 = """
                {"format_version": 3, "graph": {"id": "g", "name": "n"},
                 "nodes": [{"name": "a", "kind": "x.y", "kind_version": 1}], "edges": []}
                """;
        GraphDocument doc = codec(step1to2(), step2to3(), step3to4()).parse(v3, "mid.dag");
        assertThat(applied).containsExactly(3);
        assertThat(doc.nodes()).containsKey("a");
    }

    @Test
    void aMissingStepIsRefused() {
        DagCodec gappy = codec(step1to2(), step3to4());
        DagFormatException e = catchThrowableOfType(DagFormatException.class, () -> gappy.parse(V1, "old.dag"));
        assertThat(e.getMessage()).isEqualTo("old.dag:1:20: $.format_version: format_version 1 is too old for this "
                + "Weir: it has no migration from format 2 to 3");
        assertThat(applied).containsExactly(1);
    }

    @Test
    void aFileNewerThanTheChainIsRefused() {
        assertThatThrownBy(() -> codec(step1to2(), step2to3(), step3to4()).parse("{\"format_version\": 5}", "new.dag"))
                .isInstanceOf(DagFormatException.class)
                .hasMessage("new.dag:1:20: $.format_version: format_version 5 is newer than this Weir reads (4); open it "
                        + "with a newer Weir");
    }

    @Test
    void aFailingStepIsRefusedWithItsDescription() {
        FormatMigration broken = new FormatMigration(2, "title moved into a graph object", root -> {
            throw new IllegalStateException("no title");
        });
        DagFormatException e = catchThrowableOfType(DagFormatException.class,
                () -> codec(step1to2(), broken, step3to4()).parse(V1, "old.dag"));
        assertThat(e.getMessage()).isEqualTo("old.dag: $: cannot migrate from format 2 to 3 (title moved into a graph "
                + "object): no title");
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        FormatMigration nothing = new FormatMigration(1, "returns nothing", root -> null);
        assertThatThrownBy(() -> codec(nothing, step2to3(), step3to4()).parse(V1, "old.dag"))
                .hasMessage("old.dag:1:1: $: cannot migrate from format 1 to 2 (returns nothing): the step returned no tree");
    }

    /** After a step, paths no longer match the text, so messages have the path but no line and column. */
    @Test
    void errorsAfterMigrationNameThePathWithoutALine() {
        String bad = V1.replace("\"kind_version\": 2", "\"kind_version\": \"2\"");
        DagFormatException e = catchThrowableOfType(DagFormatException.class,
                () -> codec(step1to2(), step2to3(), step3to4()).parse(bad, "old.dag"));
        assertThat(e.getMessage()).isEqualTo("old.dag: $.nodes[1].type_version (node 'snk'): type_version must be an "
                + "integer, was string \"2\"");
        assertThat(e.line()).isEqualTo(-1);
    }

    @Test
    void stepsAreCheckedWhenTheCodecIsMade() {
        assertThatThrownBy(() -> codec(step1to2(), step1to2())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two format migrations start at version 1");
        assertThatThrownBy(() -> new DagCodec(NodeRegistry.of(List.of()), DagLimits.DEFAULT, List.of(step1to2()), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts at or after");
        assertThatThrownBy(() -> new FormatMigration(0, "x", r -> r)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thisBuildMigratesFormat1ToFormat2() {
        assertThat(FormatMigration.BUILT_IN).extracting(FormatMigration::fromVersion).containsExactly(1);
        assertThat(DagCodec.withoutRegistry().formatVersion()).isEqualTo(GraphDocument.CURRENT_FORMAT_VERSION)
                .isEqualTo(2);
    }

    /**
     * A file saved before process placement and recording existed loads with the main process, no recording and no
     * process specs, and is written back as format 2 with exactly those defaults added: the committed format 1 copy
     * of the diamond golden file becomes the format 2 golden file.
     */
    @Test
    void aFormat1FileLoadsAndIsWrittenAsFormat2() throws Exception {
        DagCodec codec = DagCodec.withoutRegistry();
        GraphDocument old = codec.read(Golden.dir("v1").resolve("diamond-format1.dag"));
        assertThat(old.formatVersion()).isEqualTo(2);
        assertThat(old.nodeList()).allMatch(n -> n.process().equals(NodeInstance.MAIN_PROCESS));
        assertThat(old.edgeList()).noneMatch(e -> e.spec().record());
        assertThat(old.processes()).isEmpty();
        assertThat(codec.write(old)).isEqualTo(java.nio.file.Files.readString(Golden.file("diamond.dag")));
    }

    /** The step from format 1 only adds fields, so a mistake in a format 1 file still gets its line and column. */
    @Test
    void messagesAboutFormat1FilesKeepTheirLineAndColumn() {
        DagFormatException e = catchThrowableOfType(DagFormatException.class, () -> DagCodec.withoutRegistry().parse(
                "{\"format_version\": 1, \"graph\": {\"id\": \"g\"},\n \"nodes\": [{\"id\": \"n\", \"type\": \"x\","
                        + " \"type_version\": \"1\"}], \"edges\": []}", "old.dag"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).startsWith("old.dag:2:");
    }

    // ---- node type migrations -------------------------------------------------------------------------------

    private static final ProcessorFactory NEVER = () -> {
        throw new UnsupportedOperationException("never run");
    };

    /** Version 1 had gain_db; version 2 renamed it to gain_decibels; version 3 stores a linear gain. */
    private static final NodeDescriptor GAIN = NodeDescriptor.builder("test.gain", 3).factory(NEVER)
            .migration(new ParamMigration(1, "gain_db renamed to gain_decibels", p -> p.has("gain_db")
                    ? p.without("gain_db").with("gain_decibels", p.get("gain_db")) : p))
            .migration(new ParamMigration(2, "gain_decibels became a linear gain", p -> p.has("gain_decibels")
                    ? p.without("gain_decibels").with("gain", Math.pow(10, p.getDouble("gain_decibels") / 20)) : p))
            .build();

    /** Version 3, but nobody wrote the step from 1. */
    private static final NodeDescriptor GAPPY = NodeDescriptor.builder("test.gappy", 3).factory(NEVER)
            .migration(new ParamMigration(2, "x renamed to y", p -> p))
            .build();

    /** A step that throws for some params. */
    private static final NodeDescriptor FUSSY = NodeDescriptor.builder("test.fussy", 2).factory(NEVER)
            .migration(new ParamMigration(1, "mode must be set", p -> p.with("mode2", p.getString("mode"))))
            .build();

    private static final DagCodec NODES = new DagCodec(NodeRegistry.of(() -> List.of(GAIN, GAPPY, FUSSY)));

    private static String nodes(String... nodes) {
        return "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [\n" + String.join(",\n", nodes)
                + "\n], \"edges\": []}";
    }

    @Test
    void nodeParamsAreMigratedStepByStep() throws Exception {
        GraphDocument doc = NODES.parse(nodes(
                "{\"id\": \"v1\", \"type\": \"test.gain\", \"type_version\": 1, \"params\": {\"gain_db\": 20.0}}",
                "{\"id\": \"v2\", \"type\": \"test.gain\", \"type_version\": 2, \"params\": {\"gain_decibels\": 40}}",
                "{\"id\": \"v3\", \"type\": \"test.gain\", \"type_version\": 3, \"params\": {\"gain\": 0.5}}"), "g.dag");
        NodeInstance v1 = doc.node("v1").orElseThrow();
        assertThat(v1.typeVersion()).isEqualTo(3);
        assertThat(v1.params()).isEqualTo(Params.of("gain", 10.0));
        NodeInstance v2 = doc.node("v2").orElseThrow();
        assertThat(v2.typeVersion()).isEqualTo(3);
        assertThat(v2.params()).isEqualTo(Params.of("gain", 100.0));
        assertThat(doc.node("v3").orElseThrow().params()).isEqualTo(Params.of("gain", 0.5));
        // Saved, the file holds the migrated node, which then reads back unchanged.
        assertThat(NODES.parse(NODES.write(doc), "g.dag")).isEqualTo(doc);
    }

    @Test
    void newerAndUnknownTypesAreKeptExactlyAsRead() throws Exception {
        String json = nodes(
                "{\"id\": \"future\", \"type\": \"test.gain\", \"type_version\": 9, \"params\": {\"gain_db\": 1}}",
                "{\"id\": \"alien\", \"type\": \"acme.thing\", \"type_version\": 1, \"params\": {\"gain_db\": 1}}");
        GraphDocument doc = NODES.parse(json, "g.dag");
        assertThat(doc.node("future").orElseThrow().typeVersion()).isEqualTo(9);
        assertThat(doc.node("future").orElseThrow().params()).isEqualTo(Params.of("gain_db", 1L));
        assertThat(doc.node("alien").orElseThrow().params()).isEqualTo(Params.of("gain_db", 1L));
        String canonical = NODES.write(doc);
        assertThat(NODES.write(NODES.parse(canonical, "g.dag"))).isEqualTo(canonical);
    }

    @Test
    void aMissingNodeStepNamesTheNode() {
        DagFormatException e = catchThrowableOfType(DagFormatException.class, () -> NODES.parse(nodes(
                "{\"id\": \"ok\", \"type\": \"test.gain\", \"type_version\": 3}",
                "{\"id\": \"g1\", \"type\": \"test.gappy\", \"type_version\": 1}"), "g.dag"));
        assertThat(e.getMessage()).isEqualTo("g.dag:3:1: $.nodes[1] (node 'g1'): cannot bring the params of "
                + "'test.gappy' from type version 1 to 3: node type 'test.gappy' cannot migrate params from version 1 "
                + "to 2: no migration declared");
        assertThat(e.nodeId()).isEqualTo("g1");
        assertThat(e.jsonPath()).isEqualTo("$.nodes[1]");
    }

    @Test
    void aFailingNodeStepNamesTheNode() {
        DagFormatException e = catchThrowableOfType(DagFormatException.class, () -> NODES.parse(nodes(
                "{\"id\": \"f\", \"type\": \"test.fussy\", \"type_version\": 1, \"params\": {}}"), "g.dag"));
        assertThat(e.getMessage()).isEqualTo("g.dag:2:1: $.nodes[0] (node 'f'): cannot bring the params of "
                + "'test.fussy' from type version 1 to 2: param 'mode' is not set");
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutARegistryNothingIsMigrated() throws Exception {
        GraphDocument doc = DagCodec.withoutRegistry().parse(nodes(
                "{\"id\": \"v1\", \"type\": \"test.gain\", \"type_version\": 1, \"params\": {\"gain_db\": 20.0}}"), "g");
        assertThat(doc.node("v1").orElseThrow().typeVersion()).isEqualTo(1);
        assertThat(doc.node("v1").orElseThrow().params()).isEqualTo(Params.of("gain_db", 20.0));
    }
}

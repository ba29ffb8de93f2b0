package dev.weir.engine.model.dag;

import dev.weir.engine.model.GraphDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every kind of bad file is refused with a {@link DagFormatException} whose one-line message says where (file,
 * line:column, JSON path, node or edge) and what.
 */
class BadInputTest {

    private static final DagCodec CODEC = DagCodec.withoutRegistry();
    private static final String FILE = "graphs/x.dag";

    /** A small document; line 5 holds the nodes, line 6 the edges. */
    static String doc(String nodes, String edges) {
        return "{\n  \"format_version\": 1,\n  \"graph\": {\"id\": \"g\", \"name\": \"G\"},\n  \"nodes\": [" + nodes
                + "],\n  \"edges\": [" + edges + "]\n}\n";
    }

    /** A node {@code fft} on line 5, with {@code extra} members appended. */
    static String node(String extra) {
        return "\n    {\"id\": \"fft\", \"type\": \"dsp.fft\", \"type_version\": 1" + extra + "}";
    }

    /** An edge {@code e1} on line 6 (when there are no nodes), with {@code extra} members appended. */
    static String edge(String extra) {
        return "\n    {\"id\": \"e1\", \"from\": {\"node\": \"a\", \"port\": \"out\"}, \"to\": {\"node\": \"b\", "
                + "\"port\": \"in\"}" + extra + "}";
    }

    static DagFormatException refused(String json) {
        return refused(CODEC, json);
    }

    static DagFormatException refused(DagCodec codec, String json) {
        DagFormatException e = catchThrowableOfType(DagFormatException.class, () -> codec.parse(json, FILE));
        assertThat(e).as("refused: %s", json.length() > 200 ? json.substring(0, 200) : json).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").startsWith(FILE);
        return e;
    }

    static String message(String json) {
        return refused(json).getMessage();
    }

    @Test
    void theBaseDocumentIsFine() throws Exception {
        GraphDocument d = CODEC.parse(doc(node(""), ""), FILE);
        assertThat(d.nodes()).containsKey("fft");
        assertThat(CODEC.parse(doc("", edge("")), FILE).edges()).containsKey("e1");
    }

    // ---- empty, encoding, syntax ----------------------------------------------------------------------------

    @Test
    void emptyAndBlankFiles() {
        assertThat(message("")).isEqualTo("graphs/x.dag: file is empty");
        assertThat(message(" \n\t\r\n ")).isEqualTo("graphs/x.dag: file is empty (it holds only whitespace)");
        DagFormatException e = catchThrowableOfType(DagFormatException.class, () -> CODEC.parse(new byte[0], FILE));
        assertThat(e.getMessage()).isEqualTo("graphs/x.dag: file is empty");
        assertThat(e.line()).isEqualTo(-1);
        assertThat(e.jsonPath()).isNull();
    }

    @Test
    void emptyFileOnDisk(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("empty.dag"), "");
        assertThatThrownBy(() -> CODEC.read(f)).isInstanceOf(DagFormatException.class)
                .hasMessage(f + ": file is empty");
    }

    @Test
    void truncatedFilesSayWhereTheyEnd() throws IOException {
        String golden = Files.readString(Golden.file("diamond.dag"));
        assertThat(message(golden.substring(0, 1)))
                .isEqualTo("graphs/x.dag:1:2: unexpected end of file: the object opened at 1:1 is not closed (is the"
                        + " file cut short?)");
        assertThat(message(golden.substring(0, 100)))
                .isEqualTo("graphs/x.dag:5:42: unexpected end of file: was expecting closing quote for a string value"
                        + " (is the file cut short?)");
        assertThat(message(golden.substring(0, golden.length() - 2)))
                .isEqualTo("graphs/x.dag:213:1: unexpected end of file: the object opened at 1:1 is not closed (is "
                        + "the file cut short?)");
        for (int cut = 1; cut < golden.length() - 2; cut += 37) {
            DagFormatException e = refused(golden.substring(0, cut));
            assertThat(e.line()).as("cut at %d", cut).isPositive();
            assertThat(e.column()).isPositive();
            // A cut right after a number's decimal point ("x": 0.) is reported by the JSON parser as a bad number.
            assertThat(e.detail()).containsAnyOf("end of file", "missing required field",
                    "Decimal point not followed by a digit");
        }
    }

    @Test
    void nonUtf8BytesAreRefusedWithTheirOffset() {
        byte[] bytes = doc(node(", \"name\": \"caf\u00e9\""), "").getBytes(StandardCharsets.UTF_8);
        int at = -1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == (byte) 0xC3) {
                bytes[i] = (byte) 0xFF;
                at = i;
            }
        }
        int offset = at;
        DagFormatException e = catchThrowableOfType(DagFormatException.class, () -> CODEC.parse(bytes, FILE));
        assertThat(e.getMessage()).isEqualTo("graphs/x.dag:5:69: not valid UTF-8 at byte " + offset
                + " (0xff); a .dag file must be UTF-8 text");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "c0af",     // overlong '/'
        "eda080",   // a UTF-16 surrogate encoded in UTF-8
        "f4908080", // beyond U+10FFFF
        "e282",     // truncated sequence at the end of a string
        "80",       // lone continuation byte
        "fe"
    })
    void malformedUtf8SequencesAreRefused(String hex) {
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        byte[] head = "{\"format_version\": 1, \"graph\": {\"id\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}, \"nodes\": [], \"edges\": []}".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        DagFormatException e = catchThrowableOfType(DagFormatException.class, () -> CODEC.parse(all, FILE));
        assertThat(e.getMessage()).startsWith("graphs/x.dag:1:" + (head.length + 1) + ": not valid UTF-8 at byte "
                + head.length + " (0x" + hex.substring(0, 2) + ")");
    }

    /** A UTF-8 byte order mark is accepted (some Windows editors add one) and never written back. */
    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        byte[] golden = Golden.bytes("diamond.dag");
        byte[] withBom = new byte[golden.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(golden, 0, withBom, 3, golden.length);
        GraphDocument doc = CODEC.parse(withBom, FILE);
        assertThat(doc).isEqualTo(CODEC.parse(golden, FILE));
        assertThat(CODEC.write(doc).getBytes(StandardCharsets.UTF_8)).isEqualTo(golden);
        assertThat(CODEC.parse("\uFEFF" + new String(golden, StandardCharsets.UTF_8), FILE)).isEqualTo(doc);
        // Only at the start; anywhere else it is a stray character.
        assertThat(message("{\uFEFF\"format_version\": 1}")).startsWith("graphs/x.dag:1:2: invalid JSON");
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        assertThat(message("{\"format_version\": 1, // note\n \"graph\": {\"id\": \"g\"}, \"nodes\": [], \"edges\": []}"))
                .isEqualTo("graphs/x.dag:1:23: comments are not allowed: a .dag file is plain JSON");
        assertThat(message("{\"format_version\": 1, \"graph\": {\"id\": \"g\",}, \"nodes\": [], \"edges\": []}"))
                .isEqualTo("graphs/x.dag:1:43: invalid JSON: unexpected character '}': was expecting double-quote to"
                        + " start field name");
        assertThat(message("{'format_version': 1}")).startsWith("graphs/x.dag:1:2: invalid JSON: unexpected character");
        assertThat(message("{\"format_version\": 01}")).startsWith("graphs/x.dag:1:21: invalid JSON");
        assertThat(message("{\"a\": \"x\ny\"}")).startsWith("graphs/x.dag:1:9: invalid JSON: illegal unquoted character");
        assertThat(message("{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [], \"edges\": []} {}"))
                .isEqualTo("graphs/x.dag:1:71: unexpected content (an object) after the end of the top-level object");
        assertThat(message("{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [], \"edges\": []} x"))
                .startsWith("graphs/x.dag:1:71: unrecognized token 'x'");
        assertThat(message("[]")).isEqualTo("graphs/x.dag:1:1: $: the top level must be a JSON object, was an array");
        assertThat(message("42")).isEqualTo("graphs/x.dag:1:1: $: the top level must be a JSON object, was a number");
        assertThat(message("  \"x\"")).isEqualTo("graphs/x.dag:1:3: $: the top level must be a JSON object, was a string");
    }

    @Test
    void duplicateJsonKeysAreRefused() {
        DagFormatException e = refused("{\"format_version\": 1,\n \"format_version\": 1}");
        assertThat(e.getMessage())
                .isEqualTo("graphs/x.dag:2:18: duplicate key \"format_version\"; each key may appear once per object");
        assertThat(message(doc(node(", \"params\": {\"gain\": 1, \"gain\": 2}"), "")))
                .startsWith("graphs/x.dag:5:").endsWith("duplicate key \"gain\"; each key may appear once per object");
        assertThat(message(doc(node(", \"type\": \"x.y\""), ""))).contains("duplicate key \"type\"");
    }

    // ---- numbers --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NaN|graphs/x.dag:5:76: 'NaN' is not valid JSON; a .dag file holds only finite numbers",
        "Infinity|graphs/x.dag:5:81: 'Infinity' is not valid JSON; a .dag file holds only finite numbers",
        "-Infinity|graphs/x.dag:5:82: '-Infinity' is not valid JSON; a .dag file holds only finite numbers",
        "1e999|graphs/x.dag:5:73: $.nodes[0].params.g (node 'fft'): param 'g': real 1e999 is out of range of a 64-bit"
                + " real (about 4.9e-324 to 1.8e308 in magnitude)",
        "-1e999|graphs/x.dag:5:73: $.nodes[0].params.g (node 'fft'): param 'g': real -1e999 is out of range of a"
                + " 64-bit real (about 4.9e-324 to 1.8e308 in magnitude)",
        "1e-999|graphs/x.dag:5:73: $.nodes[0].params.g (node 'fft'): param 'g': real 1e-999 is out of range of a"
                + " 64-bit real (about 4.9e-324 to 1.8e308 in magnitude)",
        "99999999999999999999999|graphs/x.dag:5:73: $.nodes[0].params.g (node 'fft'): param 'g': integer"
                + " 99999999999999999999999 is out of range: integers must fit in 64 bits"
                + " (-9223372036854775808..9223372036854775807)",
        "-9223372036854775809|graphs/x.dag:5:73: $.nodes[0].params.g (node 'fft'): param 'g': integer"
                + " -9223372036854775809 is out of range: integers must fit in 64 bits"
                + " (-9223372036854775808..9223372036854775807)",
    })
    void numbersThatAreNotJsonOrDoNotFitAreRefused(String value, String expected) {
        assertThat(message(doc(node(", \"params\": {\"g\": " + value + "}"), ""))).isEqualTo(expected);
    }

    @Test
    void extremeNumbersThatFitAreKept() throws Exception {
        GraphDocument d = CODEC.parse(doc(node(", \"params\": {\"a\": 9223372036854775807, "
                + "\"b\": -9223372036854775808, \"c\": 4.9e-324, \"d\": 1.7976931348623157e308, \"e\": -0.0, "
                + "\"f\": 0e-999, \"g\": 2.0}"), ""), FILE);
        var p = d.node("fft").orElseThrow().params();
        assertThat(p.get("a")).isEqualTo(Long.MAX_VALUE);
        assertThat(p.get("b")).isEqualTo(Long.MIN_VALUE);
        assertThat(p.get("c")).isEqualTo(Double.MIN_VALUE);
        assertThat(p.get("d")).isEqualTo(Double.MAX_VALUE);
        assertThat(p.get("e")).isEqualTo(-0.0);
        assertThat(p.get("f")).isEqualTo(0.0);
        assertThat(p.get("g")).isEqualTo(2.0);
    }

    @Test
    void aNumberTooLongForTheParserIsRefused() {
        assertThat(message(doc(node(", \"params\": {\"g\": " + "9".repeat(5000) + "}"), "")))
                .startsWith("graphs/x.dag:5:").contains("a number longer than 1000 characters");
    }

    // ---- format_version -------------------------------------------------------------------------------------

    @Test
    void formatVersionProblems() {
        assertThat(message("{\"format_version\": 7, \"graph\": {}}")).isEqualTo("graphs/x.dag:1:20: $.format_version:"
                + " format_version 7 is newer than this Weir reads (2); open it with a newer Weir");
        assertThat(message("{\"format_version\": 99999999999999999999}")).endsWith(
                "format_version 99999999999999999999 is newer than this Weir reads (2); open it with a newer Weir");
        assertThat(message("{\"graph\": {\"id\": \"g\"}, \"nodes\": [], \"edges\": []}")).isEqualTo(
                "graphs/x.dag:1:1: $: missing required field \"format_version\" (is this a Weir .dag file?)");
        assertThat(message("{\"format_version\": \"1\"}"))
                .isEqualTo("graphs/x.dag:1:20: $.format_version: format_version must be an integer, was string \"1\"");
        assertThat(message("{\"format_version\": 1.0}"))
                .isEqualTo("graphs/x.dag:1:20: $.format_version: format_version must be an integer, was real 1.0");
        assertThat(message("{\"format_version\": null}"))
                .isEqualTo("graphs/x.dag:1:20: $.format_version: format_version must be an integer, was null");
        assertThat(message("{\"format_version\": 0}"))
                .isEqualTo("graphs/x.dag:1:20: $.format_version: format_version 0 is not a format version (the first is 1)");
        assertThat(message("{\"format_version\": -3}")).endsWith("format_version -3 is not a format version (the first is 1)");
    }

    /** The version is checked before anything else, so a newer file with new fields says "newer", not "unknown field". */
    @Test
    void aNewerFileIsReportedAsNewerEvenWithFieldsWeDoNotKnow() {
        assertThat(message("{\"format_version\": 3, \"graph\": {\"id\": \"g\"}, \"nodes\": [], \"edges\": [], "
                + "\"groups\": []}")).endsWith("format_version 3 is newer than this Weir reads (2); open it with a newer Weir");
    }

    // ---- fields ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // top level and graph
        "{\"format_version\": 1, \"graph\": \"g\", \"nodes\": [], \"edges\": []}|graphs/x.dag:1:32: $.graph: must be an object, was string \"g\"",
        "{\"format_version\": 1, \"graph\": {\"name\": \"n\"}, \"nodes\": [], \"edges\": []}|graphs/x.dag:1:32: $.graph: missing required field \"id\"",
        "{\"format_version\": 1, \"graph\": {\"id\": 3}, \"nodes\": [], \"edges\": []}|graphs/x.dag:1:39: $.graph.id: must be a string, was integer 3",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\", \"name\": false}, \"nodes\": [], \"edges\": []}|graphs/x.dag:1:52: $.graph.name: must be a string, was boolean false",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\", \"title\": \"t\"}, \"nodes\": [], \"edges\": []}|graphs/x.dag:1:53: $.graph.title: unknown field \"title\"; graph has only id, name",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": {}, \"edges\": []}|graphs/x.dag:1:54: $.nodes: must be an array, was object",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": []}|graphs/x.dag:1:1: $: missing required field \"edges\"",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [], \"edges\": [], \"Nodes\": []}|graphs/x.dag:1:80: $.Nodes: unknown field \"Nodes\" (did you mean \"nodes\"?); the top level has only format_version, graph, nodes, edges, processes, metadata",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [], \"edges\": [], \"metadata\": []}|graphs/x.dag:1:83: $.metadata: metadata must be an object, was array",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [], \"edges\": [], \"metadata\": {\"by\": {\"name\": \"x\"}}}|graphs/x.dag:1:90: $.metadata.by: metadata 'by' must be an integer, real, boolean, string or a list of those, was object",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [], \"edges\": \"none\"}|graphs/x.dag:1:67: $.edges: must be an array, was string \"none\"",
        "{\"format_version\": 1, \"nodes\": [], \"edges\": []}|graphs/x.dag:1:1: $: missing required field \"graph\"",
        "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [7], \"edges\": []}|graphs/x.dag:1:55: $.nodes[0]: must be an object, was integer 7",
    })
    void wrongDocumentFields(String json, String expected) {
        assertThat(message(json)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "|graphs/x.dag:5:5: $.nodes[0] (node 'fft'): missing required field \"type\"",
        ", \"type\": 5|graphs/x.dag:5:27: $.nodes[0].type (node 'fft'): must be a string, was integer 5",
        ", \"type\": \"a.b\", \"type_version\": \"2\"|graphs/x.dag:5:50: $.nodes[0].type_version (node 'fft'): type_version must be an integer, was string \"2\"",
        ", \"type\": \"a.b\", \"type_version\": 2.0|graphs/x.dag:5:50: $.nodes[0].type_version (node 'fft'): type_version must be an integer, was real 2.0",
        ", \"type\": \"a.b\", \"type_version\": 0|graphs/x.dag:5:50: $.nodes[0].type_version (node 'fft'): type_version must be an integer between 1 and 2147483647, was 0",
        ", \"type\": \"a.b\", \"type_version\": 4294967296|graphs/x.dag:5:50: $.nodes[0].type_version (node 'fft'): type_version must be an integer between 1 and 2147483647, was 4294967296",
        ", \"type\": \"a.b\"|graphs/x.dag:5:5: $.nodes[0] (node 'fft'): missing required field \"type_version\"",
        ", \"type\": \"a.b\", \"type_version\": 1, \"name\": null|graphs/x.dag:5:61: $.nodes[0].name (node 'fft'): must be a string, was null",
        ", \"type\": \"a.b\", \"type_version\": 1, \"state\": \"bypassed\"|graphs/x.dag:5:62: $.nodes[0].state (node 'fft'): unknown state \"bypassed\"; expected one of enabled, disabled",
        ", \"type\": \"a.b\", \"type_version\": 1, \"state\": \"ENABLED\"|graphs/x.dag:5:62: $.nodes[0].state (node 'fft'): unknown state \"ENABLED\"; expected one of enabled, disabled",
        ", \"type\": \"a.b\", \"type_version\": 1, \"state\": true|graphs/x.dag:5:62: $.nodes[0].state (node 'fft'): state must be a string, one of enabled, disabled; was boolean true",
        ", \"type\": \"a.b\", \"type_version\": 1, \"params\": \"gain=2\"|graphs/x.dag:5:63: $.nodes[0].params (node 'fft'): params must be an object, was string \"gain=2\"",
        ", \"type\": \"a.b\", \"type_version\": 1, \"params\": {\"size\": {\"v\": 1}}|graphs/x.dag:5:72: $.nodes[0].params.size (node 'fft'): param 'size' must be an integer, real, boolean, string or a list of those, was object",
        ", \"type\": \"a.b\", \"type_version\": 1, \"params\": {\"size\": null}|graphs/x.dag:5:72: $.nodes[0].params.size (node 'fft'): param 'size' must be an integer, real, boolean, string or a list of those, was null (leave it out instead)",
        ", \"type\": \"a.b\", \"type_version\": 1, \"params\": {\"taps\": [1, [2]]}|graphs/x.dag:5:76: $.nodes[0].params.taps[1] (node 'fft'): param 'taps' element 1 must be an integer, real, boolean or string, was array (lists do not nest)",
        ", \"type\": \"a.b\", \"type_version\": 1, \"params\": {\"taps\": [{}]}|graphs/x.dag:5:73: $.nodes[0].params.taps[0] (node 'fft'): param 'taps' element 0 must be an integer, real, boolean or string, was object",
        ", \"type\": \"a.b\", \"type_version\": 1, \"params\": {\"my key\": [null]}|graphs/x.dag:5:75: $.nodes[0].params[\"my key\"][0] (node 'fft'): param 'my key' element 0 must be an integer, real, boolean or string, was null",
        ", \"type\": \"a.b\", \"type_version\": 1, \"prams\": {}|graphs/x.dag:5:62: $.nodes[0].prams (node 'fft'): unknown field \"prams\" (did you mean \"params\"?); a node has only id, type, type_version, name, state, process, params, ui",
        ", \"type\": \"a.b\", \"type_version\": 1, \"typeVersion\": 1|graphs/x.dag:5:68: $.nodes[0].typeVersion (node 'fft'): unknown field \"typeVersion\" (did you mean \"type_version\"?); a node has only id, type, type_version, name, state, process, params, ui",
        ", \"type\": \"a.b\", \"type_version\": 1, \"ui\": [0, 0]|graphs/x.dag:5:59: $.nodes[0].ui (node 'fft'): must be an object, was array",
        ", \"type\": \"a.b\", \"type_version\": 1, \"ui\": {\"x\": \"1\", \"y\": 2}|graphs/x.dag:5:65: $.nodes[0].ui.x (node 'fft'): x must be a number, was string \"1\"",
        ", \"type\": \"a.b\", \"type_version\": 1, \"ui\": {\"x\": 1}|graphs/x.dag:5:59: $.nodes[0].ui (node 'fft'): missing required field \"y\"",
        ", \"type\": \"a.b\", \"type_version\": 1, \"ui\": {\"x\": 1, \"y\": 1e309}|graphs/x.dag:5:73: $.nodes[0].ui.y (node 'fft'): y: real 1e309 is out of range of a 64-bit real (about 4.9e-324 to 1.8e308 in magnitude)",
        ", \"type\": \"a.b\", \"type_version\": 1, \"ui\": {\"x\": 1, \"y\": 2, \"w\": 3}|graphs/x.dag:5:81: $.nodes[0].ui.w (node 'fft'): unknown field \"w\" (did you mean \"x\"?); node ui has only x, y",
    })
    void wrongNodeFields(String extra, String expected) {
        String node = "\n    {\"id\": \"fft\"" + (extra == null ? "" : extra) + "}";
        assertThat(message(doc(node, ""))).isEqualTo(expected);
    }

    @Test
    void badNodeIds() {
        assertThat(message(doc("\n    {\"id\": \"1x\", \"type\": \"a.b\", \"type_version\": 1}", ""))).isEqualTo(
                "graphs/x.dag:5:12: $.nodes[0].id: node id \"1x\" must start with a letter or _ and use only letters,"
                        + " digits, _ or - (at most 128)");
        assertThat(message(doc("\n    {\"id\": \"a b\", \"type\": \"a.b\", \"type_version\": 1}", "")))
                .contains("node id \"a b\" must start");
        assertThat(message(doc("\n    {\"id\": \"" + "n".repeat(129) + "\", \"type\": \"a.b\", \"type_version\": 1}", "")))
                .contains("(129 characters) must start");
        assertThat(message(doc("\n    {\"type\": \"a.b\", \"type_version\": 1}", "")))
                .isEqualTo("graphs/x.dag:5:5: $.nodes[0]: missing required field \"id\"");
        assertThat(message(doc("\n    {\"id\": [\"x\"], \"type\": \"a.b\", \"type_version\": 1}", "")))
                .isEqualTo("graphs/x.dag:5:12: $.nodes[0].id: must be a string, was array");
    }

    @Test
    void duplicateNodeIds() {
        DagFormatException e = refused(doc(node("") + "," + node(""), ""));
        assertThat(e.getMessage()).isEqualTo(
                "graphs/x.dag:6:12: $.nodes[1].id (node 'fft'): duplicate node id 'fft'; $.nodes[0] has it already");
        assertThat(e.nodeId()).isEqualTo("fft");
        assertThat(e.jsonPath()).isEqualTo("$.nodes[1].id");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.column()).isEqualTo(12);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ", \"spec\": {\"capacity\": -4}|graphs/x.dag:6:112: $.edges[0].spec.capacity (edge 'e1'): capacity must be an integer between 1 and 65536, was -4",
        ", \"spec\": {\"capacity\": 0}|graphs/x.dag:6:112: $.edges[0].spec.capacity (edge 'e1'): capacity must be an integer between 1 and 65536, was 0",
        ", \"spec\": {\"capacity\": 65537}|graphs/x.dag:6:112: $.edges[0].spec.capacity (edge 'e1'): capacity must be an integer between 1 and 65536, was 65537",
        ", \"spec\": {\"capacity\": 16.0}|graphs/x.dag:6:112: $.edges[0].spec.capacity (edge 'e1'): capacity must be an integer, was real 16.0",
        ", \"spec\": {\"capacity\": \"16\"}|graphs/x.dag:6:112: $.edges[0].spec.capacity (edge 'e1'): capacity must be an integer, was string \"16\"",
        ", \"spec\": {\"delay\": -1}|graphs/x.dag:6:109: $.edges[0].spec.delay (edge 'e1'): delay must be an integer between 0 and 2147483647, was -1",
        ", \"spec\": {\"overflow\": \"drop_newest\"}|graphs/x.dag:6:112: $.edges[0].spec.overflow (edge 'e1'): unknown overflow \"drop_newest\"; expected one of backpressure, drop_oldest, keep_latest",
        ", \"spec\": {\"transport\": \"tcp\"}|graphs/x.dag:6:113: $.edges[0].spec.transport (edge 'e1'): unknown transport \"tcp\"; expected one of auto, in_process, ipc",
        ", \"spec\": {\"buffer\": 4}|graphs/x.dag:6:110: $.edges[0].spec.buffer (edge 'e1'): unknown field \"buffer\"; an edge spec has only capacity, overflow, delay, transport, record, record_folder",
        ", \"spec\": 16|graphs/x.dag:6:99: $.edges[0].spec (edge 'e1'): must be an object, was integer 16",
        ", \"ui\": {\"points\": [{\"x\": 1}]}|graphs/x.dag:6:109: $.edges[0].ui.points[0] (edge 'e1'): missing required field \"y\"",
        ", \"ui\": {\"points\": [[1, 2]]}|graphs/x.dag:6:109: $.edges[0].ui.points[0] (edge 'e1'): must be an object, was array",
        ", \"ui\": {\"points\": {}}|graphs/x.dag:6:108: $.edges[0].ui.points (edge 'e1'): must be an array, was object",
        ", \"ui\": {\"bends\": []}|graphs/x.dag:6:107: $.edges[0].ui.bends (edge 'e1'): unknown field \"bends\"; edge ui has only points",
        ", \"spec\": {\"delay\": \"0\"}|graphs/x.dag:6:109: $.edges[0].spec.delay (edge 'e1'): delay must be an integer, was string \"0\"",
        ", \"spec\": {\"overflow\": 1}|graphs/x.dag:6:112: $.edges[0].spec.overflow (edge 'e1'): overflow must be a string, one of backpressure, drop_oldest, keep_latest; was integer 1",
        ", \"ui\": {\"points\": [{\"x\": true, \"y\": 1}]}|graphs/x.dag:6:115: $.edges[0].ui.points[0].x (edge 'e1'): x must be a number, was boolean true",
        ", \"ui\": []|graphs/x.dag:6:97: $.edges[0].ui (edge 'e1'): must be an object, was array",
        ", \"label\": \"x\"|graphs/x.dag:6:100: $.edges[0].label (edge 'e1'): unknown field \"label\"; an edge has only id, from, to, spec, ui",
    })
    void wrongEdgeFields(String extra, String expected) {
        assertThat(message(doc("", edge(extra)))).isEqualTo(expected);
    }

    @Test
    void badEdgeEndsAndIds() {
        assertThat(message(doc("", "\n    {\"id\": \"e\", \"from\": {\"node\": \"a\"}, \"to\": {\"node\": \"b\", \"port\": \"in\"}}")))
                .isEqualTo("graphs/x.dag:6:25: $.edges[0].from (edge 'e'): missing required field \"port\"");
        assertThat(message(doc("", "\n    {\"id\": \"e\", \"from\": {\"node\": \"a\", \"port\": 0}, \"to\": {\"node\": \"b\", \"port\": \"in\"}}")))
                .isEqualTo("graphs/x.dag:6:47: $.edges[0].from.port (edge 'e'): must be a string, was integer 0");
        assertThat(message(doc("", "\n    {\"id\": \"e\", \"from\": \"a.out\", \"to\": {\"node\": \"b\", \"port\": \"in\"}}")))
                .isEqualTo("graphs/x.dag:6:25: $.edges[0].from (edge 'e'): must be an object, was string \"a.out\"");
        assertThat(message(doc("", "\n    {\"id\": \"e\", \"from\": {\"node\": \"a\", \"port\": \"o\"}}")))
                .isEqualTo("graphs/x.dag:6:5: $.edges[0] (edge 'e'): missing required field \"to\"");
        assertThat(message(doc("", "\n    {\"id\": \"\", \"from\": {\"node\": \"a\", \"port\": \"o\"}, \"to\": {\"node\": \"b\", \"port\": \"i\"}}")))
                .isEqualTo("graphs/x.dag:6:12: $.edges[0].id: edge id \"\" must have 1 to 128 characters");
    }

    @Test
    void duplicateEdgeIds() {
        DagFormatException e = refused(doc("", edge("") + "," + edge("")));
        assertThat(e.getMessage()).isEqualTo(
                "graphs/x.dag:7:12: $.edges[1].id (edge 'e1'): duplicate edge id 'e1'; $.edges[0] has it already");
        assertThat(e.edgeId()).isEqualTo("e1");
        assertThat(e.nodeId()).isNull();
    }

    /** Edges to missing nodes or ports, and cycles, load: they are the validator's to report. */
    @Test
    void graphLevelProblemsLoad() throws Exception {
        String cycle = doc("\n    {\"id\": \"a\", \"type\": \"x.y\", \"type_version\": 1},"
                        + "\n    {\"id\": \"b\", \"type\": \"x.y\", \"type_version\": 1}",
                "\n    {\"id\": \"ab\", \"from\": {\"node\": \"a\", \"port\": \"out\"}, \"to\": {\"node\": \"b\", \"port\": \"in\"}},"
                        + "\n    {\"id\": \"ba\", \"from\": {\"node\": \"b\", \"port\": \"out\"}, \"to\": {\"node\": \"a\", \"port\": \"in\"}},"
                        + "\n    {\"id\": \"gone\", \"from\": {\"node\": \"b\", \"port\": \"nope\"}, \"to\": {\"node\": \"zz\", \"port\": \"\"}}");
        GraphDocument d = CODEC.parse(cycle, FILE);
        assertThat(d.edges()).hasSize(3);
        assertThat(CODEC.parse(CODEC.write(d), FILE)).isEqualTo(d);
    }

    // ---- limits ---------------------------------------------------------------------------------------------

    @Test
    @Timeout(20)
    void deepNestingNeverOverflowsTheStack() {
        assertThat(message("[".repeat(10_000)))
                .isEqualTo("graphs/x.dag:1:1: $: the top level must be a JSON object, was an array");
        assertThat(message("{\"metadata\": " + "[".repeat(10_000)))
                .isEqualTo("graphs/x.dag:1:78: nesting deeper than 64 levels exceeds the limit of 64"
                        + " (DagLimits.maxNestingDepth)");
        assertThat(message("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)))
                .startsWith("graphs/x.dag:1:").endsWith("nesting deeper than 64 levels exceeds the limit of 64"
                        + " (DagLimits.maxNestingDepth)");
        // Even a codec allowing the ceiling builds its tree without recursion.
        DagCodec deep = CODEC.withLimits(DagLimits.DEFAULT.withMaxNestingDepth(DagLimits.NESTING_DEPTH_CEILING));
        assertThat(refused(deep, "{\"metadata\": {\"m\": " + "[".repeat(9_000) + "]".repeat(9_000) + "}}")
                .getMessage()).contains("missing required field \"format_version\"");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        DagCodec small = CODEC.withLimits(DagLimits.DEFAULT.withMaxFileBytes(1000));
        Path big = dir.resolve("big.dag");
        Files.write(big, Golden.bytes("diamond.dag"));
        long size = Files.size(big);
        assertThatThrownBy(() -> small.read(big)).isInstanceOf(DagFormatException.class)
                .hasMessage(big + ": file is " + size + " bytes, over the limit of 1000 bytes (DagLimits.maxFileBytes)");
        assertThatThrownBy(() -> small.parse(Golden.bytes("diamond.dag"), "d.dag"))
                .hasMessage("d.dag: file is " + size + " bytes, over the limit of 1000 bytes (DagLimits.maxFileBytes)");
        assertThatThrownBy(() -> small.parse(Files.readString(big), "d.dag"))
                .hasMessage("d.dag: file is " + size + " bytes, over the limit of 1000 bytes (DagLimits.maxFileBytes)");
    }

    @Test
    void tooManyNodesOrEdges() {
        StringBuilder nodes = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            nodes.append(i == 0 ? "" : ",").append("\n{\"id\": \"n").append(i).append("\", \"type\": \"a.b\", \"type_version\": 1}");
        }
        DagCodec small = CODEC.withLimits(DagLimits.DEFAULT.withMaxNodes(100));
        assertThat(refused(small, doc(nodes.toString(), "")).getMessage())
                .isEqualTo("graphs/x.dag:105:1: $.nodes: more than 100 nodes exceed the limit of 100 (DagLimits.maxNodes)");
        StringBuilder edges = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            edges.append(i == 0 ? "" : ",").append(edge("").replace("\"e1\"", "\"e" + i + "\""));
        }
        assertThat(refused(CODEC.withLimits(DagLimits.DEFAULT.withMaxEdges(10)), doc("", edges.toString())).getMessage())
                .isEqualTo("graphs/x.dag:16:5: $.edges: more than 10 edges exceed the limit of 10 (DagLimits.maxEdges)");
    }

    @Test
    void aHugeStringIsRefused() {
        String json = "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [], \"edges\": [], "
                + "\"metadata\": {\"s\": \"" + "x".repeat(5_000_000) + "\"}}";
        assertThat(message(json)).startsWith("graphs/x.dag:1:")
                .endsWith(": a string longer than 1048576 characters exceeds the limit of 1048576 (DagLimits.maxStringLength)");
        String key = "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [], \"edges\": [], "
                + "\"metadata\": {\"" + "k".repeat(2_000) + "\": 1}}";
        assertThat(refused(CODEC.withLimits(DagLimits.DEFAULT.withMaxStringLength(1000)), key).getMessage())
                .endsWith("a key longer than 1000 characters exceeds the limit of 1000 (DagLimits.maxStringLength)");
    }

    @Test
    void unreadableFiles(@TempDir Path dir) {
        Path missing = dir.resolve("nope.dag");
        assertThatThrownBy(() -> CODEC.read(missing)).isInstanceOf(DagFormatException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> CODEC.read(dir)).isInstanceOf(DagFormatException.class)
                .hasMessage(dir + ": is a directory, not a .dag file");
    }

    @Test
    void messagesStayOnOneLineWhateverTheFileHolds() {
        DagFormatException e = refused(doc("", "\n    {\"id\": \"a\\nb\", \"frm\": {}}"));
        assertThat(e.getMessage()).isEqualTo("graphs/x.dag:6:27: $.edges[0].frm (edge 'a\\nb'): unknown field \"frm\" "
                + "(did you mean \"from\"?); an edge has only id, from, to, spec, ui");
        assertThat(new DagFormatException("a\nb.dag", "x").getMessage()).isEqualTo("a\\nb.dag: x");
    }

    @Test
    void messagePartsAreLeftOutWhenUnknown() {
        assertThat(new DagFormatException(null, -1, -1, null, null, null, "file is empty", null).getMessage())
                .isEqualTo("file is empty");
        assertThat(new DagFormatException("f.dag", 3, -1, "$.a", null, null, "bad", null).getMessage())
                .isEqualTo("f.dag:3: $.a: bad");
        assertThat(new DagFormatException("f.dag", -1, 7, null, "n", null, "bad", null).getMessage())
                .isEqualTo("f.dag: (node 'n'): bad");
    }
}

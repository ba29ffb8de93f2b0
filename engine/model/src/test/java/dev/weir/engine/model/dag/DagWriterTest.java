package dev.weir.engine.model.dag;

import dev.weir.engine.api.Params;
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
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DagWriterTest {

    private static final DagCodec CODEC = DagCodec.withoutRegistry();

    /** The example of the format documentation, built in code. */
    private static GraphDocument radar() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("element", "f32"); // inserted out of order: the file sorts keys
        params.put("count", 100);
        NodeInstance src = new NodeInstance("src", "basic.counter", 1, "", Params.of(params), NodeState.ENABLED,
                NodeUi.at(0, 40));
        NodeInstance k = new NodeInstance("k", "basic.sink", 1, "Sink", Params.of("gain", 2.0), NodeState.DISABLED,
                NodeUi.at(200, 40));
        EdgeInstance e1 = new EdgeInstance("e1", new PortRef("src", "out"), new PortRef("k", "in"),
                new EdgeSpec(16, OverflowPolicy.KEEP_LATEST, 0, Transport.IN_PROCESS),
                new EdgeUi(List.of(new Point(1, 2))));
        return GraphDocument.empty("radar", "Radar chain").withNode(src).withNode(k).withEdge(e1)
                .withMetadata(Params.of("author", "ada", "tags", List.of("demo", "radar")));
    }

    @Test
    void theLayoutIsFixed() {
        assertThat(CODEC.write(radar())).isEqualTo("""
                {
                  "format_version": 2,
                  "graph": {
                    "id": "radar",
                    "name": "Radar chain"
                  },
                  "nodes": [
                    {
                      "id": "src",
                      "type": "basic.counter",
                      "type_version": 1,
                      "name": "",
                      "state": "enabled",
                      "process": "main",
                      "params": {
                        "count": 100,
                        "element": "f32"
                      },
                      "ui": {
                        "x": 0.0,
                        "y": 40.0
                      }
                    },
                    {
                      "id": "k",
                      "type": "basic.sink",
                      "type_version": 1,
                      "name": "Sink",
                      "state": "disabled",
                      "process": "main",
                      "params": {
                        "gain": 2.0
                      },
                      "ui": {
                        "x": 200.0,
                        "y": 40.0
                      }
                    }
                  ],
                  "edges": [
                    {
                      "id": "e1",
                      "from": {
                        "node": "src",
                        "port": "out"
                      },
                      "to": {
                        "node": "k",
                        "port": "in"
                      },
                      "spec": {
                        "capacity": 16,
                        "overflow": "keep_latest",
                        "delay": 0,
                        "transport": "in_process",
                        "record": false,
                        "record_folder": ""
                      },
                      "ui": {
                        "points": [
                          {
                            "x": 1.0,
                            "y": 2.0
                          }
                        ]
                      }
                    }
                  ],
                  "processes": {},
                  "metadata": {
                    "author": "ada",
                    "tags": [
                      "demo",
                      "radar"
                    ]
                  }
                }
                """);
    }

    @Test
    void anEmptyDocument() {
        assertThat(CODEC.write(GraphDocument.empty("g", ""))).isEqualTo("""
                {
                  "format_version": 2,
                  "graph": {
                    "id": "g",
                    "name": ""
                  },
                  "nodes": [],
                  "edges": [],
                  "processes": {},
                  "metadata": {}
                }
                """);
    }

    @Test
    void realsStayRealsAndIntegersStayIntegers() throws Exception {
        GraphDocument doc = GraphDocument.empty("g", "").withMetadata(Params.of("two", 2.0, "int", 2L,
                "neg_zero", -0.0, "tiny", 1e-300, "big", 1e300, "third", 1.0 / 3, "list", List.of(1L, 1.0)));
        String text = CODEC.write(doc);
        assertThat(text).contains("\"two\": 2.0\n", "\"int\": 2,", "\"neg_zero\": -0.0,", "\"tiny\": 1.0E-300,",
                "\"big\": 1.0E300,", "\"third\": 0.3333333333333333,");
        GraphDocument back = CODEC.parse(text, "t.dag");
        assertThat(back.metadata().get("two")).isEqualTo(2.0);
        assertThat(back.metadata().get("int")).isEqualTo(2L);
        assertThat(back.metadata().get("neg_zero")).isEqualTo(-0.0);
        assertThat(back.metadata().get("list")).isEqualTo(List.of(1L, 1.0));
        assertThat(back).isEqualTo(doc);
    }

    @Test
    void stringsAreEscapedMinimally() throws Exception {
        String odd = "quote\" back\\ nl\n tab\t nul\u0000 del\u007f é 日本 \uD83D\uDE00 lone\uD800 low\uDC00 \u2028";
        GraphDocument doc = GraphDocument.empty("g", odd);
        String text = CODEC.write(doc);
        assertThat(text).contains("\"name\": \"quote\\\" back\\\\ nl\\n tab\\t nul\\u0000 del\u007f é 日本 \uD83D\uDE00 "
                + "lone\\ud800 low\\udc00 \u2028\"");
        assertThat(CODEC.parse(text, "t.dag").name()).isEqualTo(odd);
    }

    @Test
    void theSameDocumentAlwaysGivesTheSameText() {
        assertThat(CODEC.write(radar())).isEqualTo(CODEC.write(radar()));
        Params a = Params.of("b", 1L, "a", 2L);
        Params b = Params.of("a", 2L, "b", 1L);
        assertThat(CODEC.write(GraphDocument.empty("g", "").withMetadata(a)))
                .isEqualTo(CODEC.write(GraphDocument.empty("g", "").withMetadata(b)));
    }

    @Test
    void whatAFileCannotHoldIsRefused() {
        GraphDocument inf = GraphDocument.empty("g", "").withMetadata(Params.of("x", Double.POSITIVE_INFINITY));
        assertThatThrownBy(() -> CODEC.write(inf)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metadata 'x' is Infinity; a .dag file holds only finite numbers");
        GraphDocument nanList = GraphDocument.empty("g", "")
                .withNode(NodeInstance.of("n", "x.y", 1, Params.of("taps", List.of(1.0, Double.NaN))));
        assertThatThrownBy(() -> CODEC.write(nanList)).hasMessage(
                "node 'n' param 'taps' is NaN; a .dag file holds only finite numbers");
        GraphDocument v0 = GraphDocument.empty("g", "").withNode(NodeInstance.of("n", "x.y", 0, Params.empty()));
        assertThatThrownBy(() -> CODEC.write(v0)).hasMessage("node 'n' has type version 0; a .dag file needs 1 or more");
    }

    @Test
    void theDocumentsFormatVersionIsNotCopied() throws Exception {
        GraphDocument old = new GraphDocument(0, "g", "", Map.of(), Map.of(), Params.empty());
        assertThat(CODEC.write(old)).startsWith("{\n  \"format_version\": 2,");
    }

    @Test
    void defaultsAreFilledInOnRead() throws Exception {
        GraphDocument doc = CODEC.parse("""
                {"format_version": 1, "graph": {"id": "g"},
                 "nodes": [{"id": "n", "type": "x.y", "type_version": 1}],
                 "edges": [{"id": "e", "from": {"node": "n", "port": "o"}, "to": {"node": "n", "port": "i"},
                            "spec": {"delay": 2}}]}
                """, "min.dag");
        assertThat(doc.name()).isEmpty();
        assertThat(doc.metadata()).isEqualTo(Params.empty());
        NodeInstance n = doc.node("n").orElseThrow();
        assertThat(n.name()).isEmpty();
        assertThat(n.state()).isEqualTo(NodeState.ENABLED);
        assertThat(n.params()).isEqualTo(Params.empty());
        assertThat(n.ui()).isEqualTo(NodeUi.ORIGIN);
        EdgeInstance e = doc.edge("e").orElseThrow();
        assertThat(e.spec()).isEqualTo(EdgeSpec.DEFAULT.withDelay(2));
        assertThat(e.ui()).isEqualTo(EdgeUi.NONE);
        // Written back, every default is spelled out.
        assertThat(CODEC.write(doc)).contains("\"state\": \"enabled\"", "\"capacity\": 16", "\"points\": []",
                "\"metadata\": {}");
    }

    @Test
    void integersAreAcceptedForCoordinates() throws Exception {
        GraphDocument doc = CODEC.parse("""
                {"format_version": 1, "graph": {"id": "g"},
                 "nodes": [{"id": "n", "type": "x.y", "type_version": 1, "ui": {"x": 3, "y": -4}}], "edges": []}
                """, "int.dag");
        assertThat(doc.node("n").orElseThrow().ui()).isEqualTo(NodeUi.at(3.0, -4.0));
    }
}

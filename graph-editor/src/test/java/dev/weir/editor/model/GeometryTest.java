package dev.weir.editor.model;

import dev.weir.editor.testing.TestGraphs;
import dev.weir.engine.api.Params;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeUi;
import dev.weir.engine.model.PortRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GeometryTest {

    private final GraphDocument doc = TestGraphs.fft();

    private NodeShape shape(String id) {
        NodeInstance n = doc.node(id).orElseThrow();
        return NodeShape.of(n, TestGraphs.REGISTRY.find(n.type()), doc);
    }

    @Test
    void portsAreResolvedFromParamsAndPlacedOnTheSides() {
        NodeShape fft = shape("fft");
        assertThat(fft.title()).isEqualTo("FFT 1024, hann, 50% overlap");
        assertThat(fft.inputs()).singleElement().satisfies(p -> {
            assertThat(p.x()).isEqualTo(fft.x());
            assertThat(p.describe()).isEqualTo("in: stream<float32>");
        });
        assertThat(fft.outputs()).singleElement().satisfies(p -> {
            assertThat(p.x()).isEqualTo(fft.maxX());
            assertThat(p.describe()).isEqualTo("out: vector<complex64>[1024]");
        });
        assertThat(fft.portAt(fft.maxX() + 3, fft.outputs().getFirst().y() - 2, 8)).map(PortShape::name)
                .contains("out");
        assertThat(fft.portAt(fft.x() + 90, fft.y() + 10, 8)).isEmpty();
    }

    @Test
    void summaryShowsChangedParamsFirst() {
        NodeShape tones = shape("tones");
        assertThat(tones.summary()).extracting(ParamSummary.Line::toString)
                .containsExactly("Frequencies  1000, 5250 Hz", "Amplitudes  1, 0.3", "Noise std  0.01");
        assertThat(tones.height()).isEqualTo(NodeShape.HEADER + 2 * NodeShape.PAD + NodeShape.PORT_ROW
                + 3 * NodeShape.LINE);
    }

    @Test
    void aNodeOfAnUnknownTypeTakesItsPortsFromItsEdges() {
        GraphDocument d = doc.withNode(new NodeInstance("x", "vendor.thing", 1, "", Params.of("k", 1),
                dev.weir.engine.model.NodeState.ENABLED, NodeUi.at(0, 400)))
                .withEdge(EdgeInstance.of("e9", new PortRef("x", "signal"), new PortRef("fft", "in")));
        NodeShape s = NodeShape.of(d.node("x").orElseThrow(), Optional.empty(), d);
        assertThat(s.known()).isFalse();
        assertThat(s.outputs()).extracting(PortShape::name).containsExactly("signal");
        assertThat(s.title()).isEqualTo("vendor.thing");
        assertThat(s.summary()).extracting(ParamSummary.Line::toString).containsExactly("k  1");
    }

    @Test
    void badParamsFallBackToTheDeclaredPorts() {
        NodeInstance bad = doc.node("fft").orElseThrow().withParam("fft_size", 0L);
        NodeShape s = NodeShape.of(bad, TestGraphs.REGISTRY.find("dsp.fft"), doc);
        assertThat(s.inputs()).extracting(PortShape::name).containsExactly("in");
        assertThat(s.outputs()).extracting(PortShape::name).containsExactly("out");
    }

    @Test
    void edgeCurvesHitTestAndBound() {
        EdgeCurve c = new EdgeCurve(0, 0, 200, 100);
        assertThat(c.distanceTo(0, 0)).isLessThan(0.001);
        assertThat(c.distanceTo(100, 50)).isLessThan(1.0);
        assertThat(c.distanceTo(100, -50)).isGreaterThan(40);
        assertThat(c.mayIntersect(50, 20, 10, 10)).isTrue();
        assertThat(c.mayIntersect(500, 20, 10, 10)).isFalse();
        EdgeCurve back = new EdgeCurve(200, 0, 0, 0);
        assertThat(back.c1x()).isGreaterThan(200);
        assertThat(back.maxX()).isGreaterThan(200);
        assertThat(back.at(0.5)[1]).isCloseTo(0, within(1e-9));
    }

    @Test
    void alignAndDistribute() {
        List<NodeShape> s = List.of(
                new NodeShape("a", 0, 0, 100, 50, "a", "t", List.of(), List.of(), List.of(), true),
                new NodeShape("b", 300, 40, 100, 80, "b", "t", List.of(), List.of(), List.of(), true),
                new NodeShape("c", 120, 200, 100, 50, "c", "t", List.of(), List.of(), List.of(), true));
        assertThat(Arrange.align(s, Arrange.Alignment.LEFT)).containsOnlyKeys("b", "c")
                .allSatisfy((k, p) -> assertThat(p.x()).isZero());
        assertThat(Arrange.align(s, Arrange.Alignment.BOTTOM).get("a").y()).isEqualTo(200);
        assertThat(Arrange.align(s, Arrange.Alignment.CENTER_VERTICALLY).get("b").y()).isEqualTo(85);
        // Span 0..400 holds 300 of boxes: gaps of 50; a stays, c moves to 150, b stays.
        assertThat(Arrange.align(s, Arrange.Alignment.DISTRIBUTE_HORIZONTALLY)).containsOnlyKeys("c")
                .satisfies(m -> assertThat(m.get("c").x()).isEqualTo(150));
        assertThat(Arrange.align(s.subList(0, 1), Arrange.Alignment.LEFT)).isEmpty();
        assertThat(Arrange.snap(29, 20)).isEqualTo(20);
        assertThat(Arrange.snap(31, 20)).isEqualTo(40);
    }
}

package dev.weir.editor.model;

import dev.weir.editor.testing.TestGraphs;
import dev.weir.engine.api.NodeDescriptor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodeSearchTest {

    private static List<String> find(String q) {
        return NodeSearch.find(TestGraphs.REGISTRY.all(), q).stream().map(NodeDescriptor::id).toList();
    }

    @Test
    void labelAndIdSegmentMatchesComeFirst() {
        assertThat(find("fft")).startsWith("dsp.fft").contains("dsp.ifft");
        assertThat(find("FFT").getFirst()).isEqualTo("dsp.fft");
        assertThat(find("sink")).contains("basic.null_sink", "io.csv_sink");
    }

    @Test
    void everyWordMustMatchSomewhere() {
        assertThat(find("radar cfar")).containsExactly("radar.cfar");
        assertThat(find("nothing like this")).isEmpty();
        assertThat(find("  ")).hasSize(TestGraphs.REGISTRY.all().size());
    }
}

package dev.weir.nodes.dsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Windows against scipy.signal.get_window (tools/oracles/windows.py), to 1e-12. */
class WindowsTest {

    @Test
    void matchScipy() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/oracles/windows.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int checked = 0;
        for (JsonNode c : root.get("cases")) {
            int n = c.get("n").asInt();
            double[] w = Windows.of(n, Windows.Shape.of(c.get("shape").asText()), c.get("periodic").asBoolean(),
                    c.get("beta").asDouble());
            for (int i = 0; i < n; i++) {
                assertThat(w[i]).as("%s n=%d periodic=%s [%d]", c.get("shape").asText(), n,
                        c.get("periodic").asBoolean(), i).isCloseTo(c.get("values").get(i).asDouble(), within(1e-12));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(40);
    }
}

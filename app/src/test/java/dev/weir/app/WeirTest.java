package dev.weir.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WeirTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Weir weir = new Weir(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void demoRunsPrintsStatsAndExitsZero() {
        int code = weir.run(new String[]{"demo", "--seconds", "0.6", "--stats-ms", "200", "--threads", "2"});
        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("final:", "counter", "sum", "acc", "busy");
        // Samples flowed through the diamond and the feedback loop.
        assertThat(out()).containsPattern("sink\\s+basic.null_sink\\s+\\w+\\s+[1-9]\\d*");
        assertThat(out()).containsPattern("acc_sink\\s+basic.null_sink\\s+\\w+\\s+[1-9]\\d*");
    }

    @Test
    void nodesListsTheLibraryFoundThroughServiceLoader() {
        assertThat(weir.run(new String[]{"nodes"})).isZero();
        assertThat(out()).contains("basic.counter", "basic.multiply", "basic.sum", "basic.null_sink",
                "param factor", "(live)", "in  in0");
    }

    @Test
    void badOptionsExitOneWithAMessageNamingTheOption() {
        assertThat(weir.run(new String[]{"demo", "--seconds", "soon"})).isEqualTo(1);
        assertThat(err()).contains("option '--seconds' must be a number, was 'soon'");
        assertThat(weir.run(new String[]{"demo", "--threads", "0"})).isEqualTo(1);
        assertThat(err()).contains("'--threads' must be in");
        assertThat(weir.run(new String[]{"launch"})).isEqualTo(1);
        assertThat(err()).contains("unknown command 'launch'");
    }
}

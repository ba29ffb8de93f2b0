package dev.weir.editor.ui;

import dev.weir.editor.run.RunMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the canvas draws for one metrics sample (no toolkit needed: the overlay is plain values). */
class RunOverlayTest {

    @Test
    void ratesKeepThreeFiguresAtMost() {
        assertThat(RunOverlay.rate(0)).isEqualTo("0");
        assertThat(RunOverlay.rate(0.46)).isEqualTo("0.5");
        assertThat(RunOverlay.rate(9.96)).isEqualTo("10.0");
        assertThat(RunOverlay.rate(12.4)).isEqualTo("12");
        assertThat(RunOverlay.rate(999.4)).isEqualTo("999");
        assertThat(RunOverlay.rate(999.6)).isEqualTo("1.0k");
        assertThat(RunOverlay.rate(1234)).isEqualTo("1.2k");
        assertThat(RunOverlay.rate(45_600)).isEqualTo("46k");
        assertThat(RunOverlay.rate(3_400_000)).isEqualTo("3.4M");
        assertThat(RunOverlay.rate(-1)).as("never negative").isEqualTo("0");
    }

    @Test
    void nodesGetTheirLineOrTheirFailureAndGroupsTheirState() {
        RunMetrics m = new RunMetrics(7, 1.5,
                List.of(new RunMetrics.NodeStat("src", "RUNNING", 1234, 0.374, 900),
                        new RunMetrics.NodeStat("sink", "FINISHED", 12, 0.01, 40),
                        new RunMetrics.NodeStat("x2", "FAILED", 0, 0, 10)),
                List.of(new RunMetrics.EdgeStat("e1", 0.95, 16, 0), new RunMetrics.EdgeStat("e2", 1.7, 16, 0)),
                List.of(new RunMetrics.GroupStat("w", "RESTARTING", 4242, 2, "killed by signal 9", List.of("x2")),
                        new RunMetrics.GroupStat("v", "RUNNING", 4343, 0, "", List.of("y"))),
                List.of(new RunMetrics.NodeFault("x2", "process group", "process 'w' restarting: killed by signal 9"),
                        new RunMetrics.NodeFault("z", "open", "no such file")));
        RunOverlay o = RunOverlay.of(m, true);
        assertThat(o.node("src").line()).isEqualTo("1.2k it/s · 37%");
        assertThat(o.node("src").fault()).isNull();
        assertThat(o.node("sink").line()).isEqualTo("12 it/s · 1% · done");
        assertThat(o.node("x2").fault()).isEqualTo("process 'w' restarting: killed by signal 9");
        assertThat(o.node("z").line()).as("a fault without stats still shows").isNull();
        assertThat(o.failedNodes()).containsExactly("x2", "z");
        assertThat(o.edges()).containsEntry("e1", 0.95).containsEntry("e2", 1.0);
        RunOverlay.GroupView w = o.groups().get("w");
        assertThat(w.badge()).isEqualTo("w · restarting ↻2");
        assertThat(w.level()).isEqualTo(RunOverlay.Level.WARNING);
        assertThat(w.detail()).isEqualTo("process 'w': RESTARTING, pid 4242, 2 restarts; last failure: killed by signal 9");
        assertThat(o.groups().get("v").level()).isEqualTo(RunOverlay.Level.OK);
        assertThat(o.live()).isTrue();
        assertThat(o.ended().live()).isFalse();
        assertThat(RunOverlay.of(RunMetrics.EMPTY, true).isEmpty()).isTrue();
    }
}

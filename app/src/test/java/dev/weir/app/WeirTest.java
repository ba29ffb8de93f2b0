package dev.weir.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.runtime.testnodes.Collector;
import dev.weir.engine.runtime.testnodes.GraphBuilder;
import dev.weir.engine.runtime.testnodes.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The weir command line, in-process: options, exit codes and messages. */
class WeirTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Collector collector = new Collector();
    private final NodeRegistry registry = NodeRegistry.load(getClass().getClassLoader()).with(new TestNodes(collector));
    private final Interrupts interrupts = Interrupts.manual();
    private final Weir weir = new Weir(new Weir.Context(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), () -> registry, interrupts));

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private int weir(String... args) {
        return weir.run(args);
    }

    private Path save(String name, GraphDocument doc) throws IOException {
        Path p = dir.resolve(name);
        new DagCodec(registry).save(doc, p);
        return p;
    }

    private static GraphDocument finite() {
        return new GraphBuilder("finite")
                .node("src", "basic.counter", "count", 500)
                .node("x", "basic.multiply", "factor", 2)
                .node("k", "test.collect")
                .edge("src.out", "x.in").edge("x.out", "k.in")
                .build();
    }

    private static GraphDocument infinite() {
        return new GraphBuilder("infinite")
                .node("src", "basic.counter", "count", 0, "element", "f32", "chunk", 1024)
                .node("k", "basic.null_sink", "element", "f32", "chunk", 1024)
                .edge("src.out", "k.in")
                .build();
    }

    @Test
    void runCompletesPrintsStatsAndSummaryAndExitsZero() throws IOException {
        Path f = save("finite.dag", finite());
        assertThat(weir("run", f.toString(), "--stats", "50ms")).as(err()).isZero();
        assertThat(out()).contains("summary: graph 'finite' completed", "src", "basic.multiply", "busy");
        assertThat(collector.values("k")).hasSize(500).startsWith(0L, 2L, 4L);
    }

    @Test
    void setOverridesAParamBeforeRunning() throws IOException {
        Path f = save("finite.dag", finite());
        assertThat(weir("run", f.toString(), "--set", "x.factor=5", "--set", "src.count=3", "--stats", "0"))
                .as(err()).isZero();
        assertThat(collector.values("k")).containsExactly(0L, 5L, 10L);
    }

    @Test
    void durationStopsAnInfiniteGraphOnTime() throws IOException {
        Path f = save("infinite.dag", infinite());
        long t0 = System.nanoTime();
        assertThat(weir("run", f.toString(), "--duration", "400ms", "--stats", "100ms", "--threads", "2"))
                .as(err()).isZero();
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(seconds).isBetween(0.35, 3.0);
        assertThat(out()).contains("stopped at --duration").containsPattern("t=0\\.\\ds");
    }

    @Test
    void interruptStopsGracefullyWithFinalStatsAndExit130() throws IOException {
        Path f = save("infinite.dag", infinite());
        Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                // the test ends anyway
            }
            interrupts.request();
        });
        assertThat(weir("run", f.toString(), "--stats", "0")).isEqualTo(130);
        assertThat(out()).contains("interrupted after", "src");
    }

    @Test
    void failingNodeExitsTwoNamingTheNode() throws IOException {
        GraphDocument doc = new GraphBuilder("failing")
                .node("src", "basic.counter", "count", 0)
                .node("bad", "test.fail", "fail_in", "process", "after", 5)
                .node("k", "test.collect")
                .edge("src.out", "bad.in").edge("bad.out", "k.in")
                .build();
        Path f = save("failing.dag", doc);
        assertThat(weir("run", f.toString(), "--stats", "0")).isEqualTo(2);
        assertThat(err()).contains("node 'bad' failed in process").doesNotContain("\tat ");
        assertThat(out()).contains("summary: graph 'failing' failed");
    }

    @Test
    void validateListsEveryProblemAndOkFiles() throws IOException {
        Path good = save("good.dag", finite());
        GraphDocument broken = new GraphBuilder("broken")
                .node("src", "basic.counter", "count", -1)
                .node("y", "no.such_node")
                .node("k", "test.collect")
                .node("k2", "test.collect")
                .edge("src.out", "k.in")
                .build();
        Path bad = save("bad.dag", broken);
        assertThat(weir("validate", good.toString(), bad.toString())).isEqualTo(1);
        assertThat(out()).contains(good + ": ok (3 nodes, 2 edges)");
        List<String> lines = err().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(bad + ": error:").contains("'src'", "'count'"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(bad + ": error:").contains("'y'", "no.such_node"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(bad + ": error:").contains("'k2'", "'in'"));
        assertThat(weir("validate", good.toString())).isZero();
    }

    @Test
    void badInputGivesExitOneAndOneClearMessage() throws IOException {
        Path good = save("good.dag", finite());
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[]{"run", dir.resolve("missing.dag").toString()});
        cases.add(new String[]{"run", write("empty.dag", "")});
        cases.add(new String[]{"run", write("truncated.dag", "{\"format_version\": 1, \"graph\": {\"id\": ")});
        cases.add(new String[]{"run", write("array.dag", "[1, 2, 3]")});
        cases.add(new String[]{"run", good.toString(), "--set", "x.factor=big"});
        cases.add(new String[]{"run", good.toString(), "--set", "nope.factor=1"});
        cases.add(new String[]{"run", good.toString(), "--set", "factor"});
        cases.add(new String[]{"run", good.toString(), "--threads", "0"});
        cases.add(new String[]{"run", good.toString(), "--duration", "soon"});
        cases.add(new String[]{"run", good.toString(), "--frobnicate"});
        cases.add(new String[]{"launch"});
        for (String[] args : cases) {
            out.reset();
            err.reset();
            int code = weir(args);
            String what = String.join(" ", args);
            assertThat(code).as(what + "\n" + err()).isEqualTo(1);
            assertThat(err()).as(what).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception:");
        }
        out.reset();
        err.reset();
        assertThat(weir("run", good.toString(), "--set", "x.factor=big")).isEqualTo(1);
        assertThat(err()).contains("'x'", "'factor'");
    }

    @Test
    void nodesListsTheLibraryAsTextAndJson() throws IOException {
        assertThat(weir("nodes")).isZero();
        assertThat(out()).contains("basic.counter", "basic.multiply", "param factor", "(live)", "in  in0");
        out.reset();
        assertThat(weir("nodes", "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out());
        List<String> ids = new ArrayList<>();
        json.get("nodes").forEach(n -> ids.add(n.get("id").asText()));
        assertThat(ids).contains("basic.counter", "basic.sum", "test.collect");
        JsonNode factor = null;
        for (JsonNode n : json.get("nodes")) {
            if (n.get("id").asText().equals("basic.multiply")) {
                for (JsonNode p : n.get("params")) {
                    if (p.get("key").asText().equals("factor")) {
                        factor = p;
                    }
                }
            }
        }
        assertThat(factor).isNotNull();
        assertThat(factor.get("hot_updatable").asBoolean()).isTrue();
        assertThat(factor.get("default").asDouble()).isEqualTo(2.0);
    }

    @Test
    void demoRunsForItsDuration() {
        assertThat(weir("demo", "--duration", "600ms", "--stats", "200ms", "--threads", "2")).as(err()).isZero();
        assertThat(out()).contains("summary: graph 'demo'", "counter", "acc");
        assertThat(out()).containsPattern("acc_sink\\s+basic.null_sink\\s+\\w+\\s+[1-9]\\d*");
    }

    @Test
    void runRecordsAnEdgeAndReplayPlaysItIntoTheGraph() throws IOException {
        Path graph = save("finite.dag", finite());
        Path rec = dir.resolve("rec");
        assertThat(weir("run", graph.toString(), "--record", "e2=" + rec, "--stats", "0")).as(err()).isZero();
        java.util.List<Long> live = collector.values("k");
        assertThat(live).hasSize(500);
        assertThat(rec.resolve("e2/recording.properties")).exists();

        assertThat(weir("replay", rec.resolve("e2").toString(), "--into", graph.toString(), "--stats", "0"))
                .as(err()).isZero();
        assertThat(out()).contains("summary: graph 'finite' completed", "replay_e2");
        assertThat(collector.values("k")).hasSize(1000).endsWith(live.toArray(Long[]::new));

        assertThat(weir("replay", rec.resolve("e2").toString(), "--into", graph.toString(), "--from-frame", "400",
                "--speed", "original", "--stats", "0")).as(err()).isZero();
        assertThat(collector.values("k")).hasSize(1100).endsWith(live.subList(400, 500).toArray(Long[]::new));
    }

    @Test
    void recordAndReplayMistakesAreOneLineAndExitOne() throws IOException {
        Path graph = save("finite.dag", finite());
        assertThat(weir("run", graph.toString(), "--record", "nope")).isEqualTo(1);
        assertThat(err()).contains("has no edge 'nope'");
        assertThat(weir("replay", dir.toString(), "--into", graph.toString())).isEqualTo(1);
        assertThat(err()).contains("is not a Weir recording");
        assertThat(weir("replay", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("--into");
    }

    @Test
    void helpExitsZero() {
        assertThat(weir("--help")).isZero();
        assertThat(out()).contains("run", "replay", "validate", "nodes");
    }

    private String write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }
}

package dev.weir.engine.ipc;

import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.Session;
import dev.weir.engine.runtime.testnodes.Collector;
import dev.weir.engine.runtime.testnodes.GraphBuilder;
import dev.weir.engine.runtime.testnodes.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chronicle's usage analytics stay off in every process: this test JVM, and every worker, as Chronicle itself
 * decides it; no client-id file appears in the workers' home (Chronicle writes one before it reports anything); and
 * the flags are written in one place, the places that cannot call Java matching {@link JvmFlags#CHRONICLE}.
 */
class AnalyticsOffTest {

    @TempDir
    Path tmp;

    @Test
    void analyticsAreOffInThisProcessAfterQueuesWereUsed() {
        try (QueueChannel c = QueueChannel.create(tmp.resolve("ch"), "a", "out",
                dev.weir.engine.runtime.testnodes.TestNodes.VALUE, 4,
                List.of(new QueueChannel.ReaderSpec("b", "in", dev.weir.engine.model.OverflowPolicy.BACKPRESSURE)),
                false)) {
            c.writer().claim().setLength(1);
            c.writer().publish();
            assertThat(c.reader(0).peek().length()).isOne();
        }
        assertThat(System.getProperty(JvmFlags.ANALYTICS_PROPERTY)).isEqualTo("true");
        assertThat(JvmFlags.analyticsDisabled()).isTrue();
    }

    @Test
    void analyticsAreOffInEveryWorkerAndNothingIsWrittenToItsHome() throws Exception {
        GraphDocument doc = new GraphBuilder("analytics")
                .node("src", "basic.counter", "count", 0)
                .node("k", "test.collect")
                .edge("src.out", "k.in").build();
        doc = doc.withNode(doc.node("src").orElseThrow().withProcess("w"));
        Collector collector = new Collector();
        IpcTransport transport = IpcTesting.transport(tmp);
        Session s = new Engine(TestNodes.registry(collector), transport).start(doc, RunOptions.defaults().withWorkerThreads(1));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (collector.values("k").size() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(collector.values("k")).hasSizeGreaterThanOrEqualTo(10);
            Supervisor sup = supervisorOf(s);
            assertThat(sup.analyticsReports()).isEqualTo(Map.of("w", "off"));
        } finally {
            s.stop();
        }
        Path home = tmp.resolve("worker-home");
        if (Files.exists(home)) {
            try (Stream<Path> files = Files.walk(home)) {
                assertThat(files.map(Path::toString)).noneMatch(f -> f.contains("chronicle.analytics"));
            }
        }
    }

    /** The session's remote groups are this module's supervisor; the runtime has no reason to expose it. */
    private static Supervisor supervisorOf(Session s) {
        try {
            var f = Session.class.getDeclaredField("remote");
            f.setAccessible(true);
            return (Supervisor) f.get(s);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRuntimeWithoutAModuleGetsNoFlagsForIt() {
        List<String> trimmed = JvmFlags.chronicleFor(m -> !m.equals("jdk.compiler"));
        assertThat(trimmed).hasSize(JvmFlags.CHRONICLE.size() - 2)
                .noneMatch(f -> f.contains("jdk.compiler/"))
                .startsWith("-D" + JvmFlags.ANALYTICS_PROPERTY + "=true")
                .contains("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                        "--sun-misc-unsafe-memory-access=allow");
        assertThat(JvmFlags.CHRONICLE).containsSubsequence(trimmed);
        // This test runs on the full JDK, which has every module the list names.
        assertThat(JvmFlags.chronicleForThisRuntime()).isEqualTo(JvmFlags.CHRONICLE);
        assertThat(JvmFlags.launcherForThisRuntime())
                .containsExactlyElementsOf(java.util.stream.Stream.concat(JvmFlags.CHRONICLE.stream(),
                        Stream.of("--add-modules=" + JvmFlags.VECTOR_MODULE)).toList());
    }

    @Test
    void theFlagsAreWrittenInOnePlaceAndCopiedExactly() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("weir"))) {
            root = root.getParent();
        }
        String pom = Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<weir.chronicle.args>(.*)</weir.chronicle.args>").matcher(pom);
        assertThat(m.find()).isTrue();
        assertThat(List.of(m.group(1).trim().split("\\s+"))).as("weir.chronicle.args in the root pom.xml")
                .isEqualTo(JvmFlags.CHRONICLE);
        for (String module : List.of("engine/ipc/pom.xml", "app/pom.xml")) {
            assertThat(Files.readString(root.resolve(module), StandardCharsets.UTF_8)).as(module)
                    .contains("<weir.test.extraArgs>${weir.chronicle.args}"); // a module may append its own flags
        }
        String script = Files.readString(root.resolve("weir"), StandardCharsets.UTF_8);
        for (String flag : JvmFlags.CHRONICLE) {
            assertThat(script).as("./weir passes %s", flag).contains(flag);
        }
        // The test JVM itself was started with them (surefire), analytics flag first.
        assertThat(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
                .contains("-D" + JvmFlags.ANALYTICS_PROPERTY + "=true");
    }
}

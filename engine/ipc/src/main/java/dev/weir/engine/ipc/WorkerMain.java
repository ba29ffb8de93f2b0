package dev.weir.engine.ipc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.engine.api.NodeProvider;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.ExecutionPlan;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.Session;
import dev.weir.engine.runtime.SessionState;
import dev.weir.engine.runtime.metrics.MetricsSnapshot;
import dev.weir.engine.runtime.metrics.NodeMetrics;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The entry point of a worker process: plans the run's whole graph exactly as the coordinator did, and runs the
 * nodes of one process group as an ordinary {@link Session} whose cross-process edges are the run's queue
 * channels. Started by the {@link Supervisor} with {@link JvmFlags#CHRONICLE}; speaks its line protocol on stdin and
 * stdout (everything else it prints goes to stderr).
 *
 * <pre>
 *   java FLAGS -cp CLASSPATH dev.weir.engine.ipc.WorkerMain --run-dir DIR --process NAME --threads N
 *        --metrics-ms MS [--providers CLASS,...]
 *
 *   read DIR/graph.dag ──plan──&gt; start the group's session ──&gt; "ready PID analytics=off"
 *     loop: stdin "pause" / "resume" / "stop" / "params NODE JSON";   every MS: "n ..." per node
 *     stdin closed (the coordinator died) = stop
 *   session ends ──&gt; "end STATE [NODE PHASE MESSAGE]" ──&gt; exit 0, or 3 when FAILED
 * </pre>
 *
 * The whole graph is planned rather than only the group's subgraph because the types of cross-process edges come
 * from the writing node's resolved ports, which may be inferred from nodes upstream in other groups; the planner is
 * deterministic, so channel and reader numbers agree with the coordinator's without another protocol.
 */
public final class WorkerMain {

    static {
        JvmFlags.disableAnalytics();
    }

    private WorkerMain() {
    }

    /** Runs the worker; exits the JVM. */
    public static void main(String[] args) throws Exception {
        PrintStream control = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // stdout is the control channel; nothing else may write to it
        int code;
        try {
            code = run(args, control);
        } catch (Throwable t) {
            t.printStackTrace(System.err);
            control.println("end FAILED (process) start " + oneLine(t.toString()));
            code = 3;
        }
        control.flush();
        System.exit(code);
    }

    private static int run(String[] args, PrintStream control) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        Path runDir = Path.of(required(a, "--run-dir"));
        String process = required(a, "--process");
        NodeRegistry registry = NodeRegistry.load(WorkerMain.class.getClassLoader());
        String providers = a.get("--providers");
        if (providers != null && !providers.isBlank()) {
            for (String cls : providers.split(",")) {
                registry = registry.with((NodeProvider) Class.forName(cls.strip()).getConstructor().newInstance());
            }
        }
        GraphDocument doc = new DagCodec(registry).read(runDir.resolve(IpcRun.GRAPH_FILE));
        RunOptions options = RunOptions.defaults().withWorkerThreads(Integer.parseInt(required(a, "--threads")))
                .withMetricsInterval(Duration.ofMillis(Long.parseLong(required(a, "--metrics-ms"))));
        Engine engine = new Engine(registry, null);
        ExecutionPlan plan = new dev.weir.engine.runtime.Planner().plan(engine.validate(doc), options);
        Session session = engine.start(plan, IpcRun.worker(plan, process, runDir));
        session.onMetrics(s -> report(s, control));
        control.println("ready " + ProcessHandle.current().pid() + " analytics="
                + (JvmFlags.analyticsDisabled() ? "off" : "ON"));
        Thread commands = Thread.ofPlatform().name("weir-worker-control").daemon(true)
                .start(() -> readCommands(session, control));
        RunResult r = session.await(Duration.ofDays(3650)).orElseThrow();
        commands.interrupt();
        report(r.finalMetrics(), control);
        if (r.state() == SessionState.FAILED) {
            var f = r.failure().orElseThrow();
            control.println("end FAILED " + f.nodeId() + " " + f.phase() + " " + oneLine(f.message()));
            return 3;
        }
        control.println("end " + r.state());
        return 0;
    }

    private static void readCommands(Session session, PrintStream control) {
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.split(" ", 2)[0]) {
                    case "pause" -> {
                        session.pause();
                        control.println("paused");
                    }
                    case "resume" -> session.resume();
                    case "stop" -> {
                        session.stop();
                        return;
                    }
                    case "params" -> {
                        String[] f = line.split(" ", 3);
                        try {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> m = json.readValue(f[2], Map.class);
                            session.setParams(f[1], Params.of(m));
                        } catch (Exception e) {
                            System.err.println("weir worker: params for node " + f[1] + " refused: " + e.getMessage());
                        }
                    }
                    default -> System.err.println("weir worker: unknown command '" + line + "'");
                }
            }
        } catch (Exception e) {
            System.err.println("weir worker: control input failed: " + e);
        }
        // End of input: the coordinator is gone, so nobody supervises this process any more.
        session.stop();
    }

    private static void report(MetricsSnapshot s, PrintStream control) {
        StringBuilder sb = new StringBuilder();
        for (NodeMetrics n : s.nodes()) {
            sb.append(String.format(Locale.ROOT, "n %s %s %d %d %d %.3f %.3f %.3f %.4f%n", n.nodeId(), n.phase(),
                    n.framesIn(), n.framesOut(), n.elementsOut(), n.framesInPerSec(), n.framesOutPerSec(),
                    n.elementsOutPerSec(), n.busyFraction()));
        }
        synchronized (control) {
            control.print(sb);
            control.flush();
        }
    }

    private static String required(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return v;
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}

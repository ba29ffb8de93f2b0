package dev.weir.engine.ipc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.engine.api.InputFiles;
import dev.weir.engine.api.Params;
import dev.weir.engine.model.ProcessSpec;
import dev.weir.engine.model.RestartPolicy;
import dev.weir.engine.runtime.ExecutionPlan;
import dev.weir.engine.runtime.NodeFailure;
import dev.weir.engine.runtime.RemoteGroups;
import dev.weir.engine.runtime.metrics.EdgeMetrics;
import dev.weir.engine.runtime.metrics.NodeMetrics;
import dev.weir.engine.runtime.metrics.ProcessMetrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts one worker JVM per process group other than {@code main}, watches it, and restarts it per its
 * {@link ProcessSpec}: the coordinator's {@link RemoteGroups}.
 *
 * <pre>
 *   launch ──&gt; STARTING ──"ready"──&gt; RUNNING ──"end COMPLETED", exit 0──&gt; COMPLETED
 *                  │                     │ exit (any other way: kill -9, crash, node failure)
 *                  └─────────────────────┤  noticed at once by Process.onExit (the JDK's reaper waits on the pid)
 *                                        v
 *                                      FAILED ── restart on_failure, restarts left ──&gt; RESTARTING ─backoff─&gt; launch
 *                                        └─ otherwise ──&gt; GAVE_UP: its streams end, its readers stop gating
 *   requestStop: "stop" on every worker's stdin; awaitStopped: wait, then SIGKILL what is left
 * </pre>
 *
 * <b>Control protocol</b>, one line each way. To a worker (its stdin): {@code pause}, {@code resume}, {@code stop},
 * {@code params NODE JSON}. From a worker (its stdout): {@code ready PID analytics=off}, {@code paused},
 * {@code n NODE PHASE IN OUT ELEMENTS IN/S OUT/S ELEMENTS/S BUSY} per node every metrics interval, and
 * {@code end STATE [NODE PHASE MESSAGE]} as it ends. A worker whose stdin closes (this process died) stops itself.
 */
final class Supervisor implements RemoteGroups {

    private static final System.Logger LOG = System.getLogger(Supervisor.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutionPlan plan;
    private final IpcRun run;
    private final IpcOptions options;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final ScheduledExecutorService timer;
    private volatile Listener listener;
    private volatile boolean stopping;
    private boolean finishedReported;

    /** One worker group and its current process. Fields guarded by the supervisor. */
    private final class Group {
        final String name;
        final ProcessSpec spec;
        final List<String> nodes;
        Process process;
        PrintWriter control;
        String state = "STARTING";
        int restarts;
        String lastFailure = "";
        String endLine;
        volatile boolean ready;
        /** What the worker reported of Chronicle's analytics in its "ready" line ("off" or "ON"). */
        volatile String analytics = "";
        volatile int pausedAcks;
        final Map<String, NodeMetrics> metrics = new ConcurrentHashMap<>();

        Group(String name) {
            this.name = name;
            this.spec = plan.graph().document().processSpec(name);
            this.nodes = plan.nodesOf(name).stream().map(ExecutionPlan.PlannedNode::id).toList();
        }

        boolean terminal() {
            return state.equals("COMPLETED") || state.equals("STOPPED") || state.equals("GAVE_UP");
        }
    }

    Supervisor(ExecutionPlan plan, IpcRun run, IpcOptions options) {
        this.plan = plan;
        this.run = run;
        this.options = options;
        for (String p : plan.processes()) {
            if (!p.equals(dev.weir.engine.model.NodeInstance.MAIN_PROCESS)) {
                groups.put(p, new Group(p));
            }
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
                .name("weir-supervisor-" + plan.graph().document().id()).daemon(true).unstarted(r));
    }

    @Override
    public void start(Listener l) {
        this.listener = l;
        synchronized (this) {
            for (Group g : groups.values()) {
                launch(g);
            }
        }
    }

    /** The command line of a worker for group {@code g}. */
    private List<String> command(Group g) {
        List<String> cmd = new ArrayList<>();
        // The runtime this JVM runs on: the JDK in development, the trimmed runtime of the installed package (whose
        // jlink image keeps bin/java for this purpose).
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JvmFlags.chronicleForThisRuntime());
        // Workers open input files by the same rule as this process (InputFiles), so they get its Weir home.
        InputFiles.home().ifPresent(home -> cmd.add("-D" + InputFiles.HOME_PROPERTY + "=" + home));
        // A worker computes what this process would: the image kernels' vector bodies need the incubator module,
        // so a worker gets it whenever this JVM has it (the scalar fallback gives the same bytes, only slower).
        if (ModuleLayer.boot().findModule(JvmFlags.VECTOR_MODULE).isPresent()) {
            cmd.add("--add-modules=" + JvmFlags.VECTOR_MODULE);
        }
        cmd.addAll(options.workerJvmArgs());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(WorkerMain.class.getName());
        cmd.add("--run-dir");
        cmd.add(run.runDir().toString());
        cmd.add("--process");
        cmd.add(g.name);
        cmd.add("--threads");
        cmd.add(Integer.toString(plan.options().workerThreads()));
        cmd.add("--metrics-ms");
        cmd.add(Long.toString(plan.options().metricsInterval().toMillis()));
        if (!options.providers().isEmpty()) {
            cmd.add("--providers");
            cmd.add(String.join(",", options.providers()));
        }
        return cmd;
    }

    private Path logFile(Group g) {
        return run.runDir().resolve(g.name + ".log");
    }

    /** Starts g's process. Holds the lock. */
    private void launch(Group g) {
        ProcessBuilder pb = new ProcessBuilder(command(g));
        if (options.inheritStderr()) {
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        } else {
            pb.redirectError(ProcessBuilder.Redirect.appendTo(logFile(g).toFile()));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            failed(g, null, new NodeFailure("(process:" + g.name + ")", "start", e));
            return;
        }
        g.process = p;
        g.ready = false;
        g.endLine = null;
        g.state = "STARTING";
        g.control = new PrintWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), true);
        Thread.ofPlatform().name("weir-worker-out-" + g.name).daemon(true).start(() -> readLines(g, p));
        p.onExit().thenAccept(x -> exited(g, x));
    }

    /** Reads one worker's control lines until its stdout closes. */
    private void readLines(Group g, Process p) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                handle(g, p, line);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "worker " + g.name + " output ended", e);
        }
    }

    private void handle(Group g, Process p, String line) {
        if (line.startsWith("n ")) {
            String[] f = line.split(" ");
            if (f.length == 11) {
                g.metrics.put(f[1], new NodeMetrics(f[1], plan.node(f[1]).resolved().descriptor().id(), f[2],
                        Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Double.parseDouble(f[6]),
                        Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9])));
            }
        } else if (line.startsWith("ready")) {
            g.analytics = line.substring(line.indexOf("analytics=") + "analytics=".length());
            synchronized (this) {
                if (g.process == p && g.state.equals("STARTING")) {
                    g.state = "RUNNING";
                }
            }
            g.ready = true;
        } else if (line.equals("paused")) {
            g.pausedAcks++;
        } else if (line.startsWith("end ")) {
            synchronized (this) {
                if (g.process == p) {
                    g.endLine = line.substring(4);
                }
            }
        }
    }

    /** Called (on the JDK's process reaper) as soon as a worker process has exited, however it ended. */
    private void exited(Group g, Process p) {
        NodeFailure failure = null;
        synchronized (this) {
            if (g.process != p) {
                return;
            }
            int code = p.exitValue();
            String end = g.endLine;
            if (end != null && end.startsWith("COMPLETED") && code == 0) {
                g.state = "COMPLETED";
            } else if (stopping) {
                g.state = "STOPPED";
            } else if (end != null && end.startsWith("FAILED ")) {
                String[] f = end.split(" ", 4);
                failure = new NodeFailure(f[1], f[2], new IllegalStateException(f.length > 3 ? f[3] : "failed"));
            } else {
                String how = code > 128 ? "was killed by signal " + (code - 128) : "exited with code " + code;
                failure = new NodeFailure("(process:" + g.name + ")", "process", new IllegalStateException(
                        "worker process " + p.pid() + " of group '" + g.name + "' " + how + lastLogLine(g)));
            }
        }
        if (failure != null) {
            failed(g, p, failure);
        } else {
            checkFinished();
        }
    }

    private String lastLogLine(Group g) {
        try {
            List<String> lines = Files.readAllLines(logFile(g), StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                // Chronicle's SLF4J API finds no binding and says so on every start; that is never the cause.
                if (!lines.get(i).isBlank() && !lines.get(i).startsWith("SLF4J")) {
                    return "; its last log line: " + lines.get(i).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // no log (inherited stderr, or removed): nothing to quote
        }
        return "";
    }

    private void failed(Group g, Process p, NodeFailure f) {
        boolean restart;
        synchronized (this) {
            g.state = "FAILED";
            g.lastFailure = f.message();
            restart = !stopping && g.spec.restart() == RestartPolicy.ON_FAILURE && g.restarts < g.spec.maxRestarts();
            if (restart) {
                g.state = "RESTARTING";
            } else {
                g.state = "GAVE_UP";
            }
        }
        Listener l = listener;
        if (l != null) {
            l.groupFailed(f, !restart);
        }
        if (restart) {
            long wait = g.spec.backoffBefore(g.restarts + 1);
            timer.schedule(() -> relaunch(g), wait, TimeUnit.MILLISECONDS);
        } else {
            run.abandonGroup(g.name);
            checkFinished();
        }
    }

    private void relaunch(Group g) {
        synchronized (this) {
            if (stopping) {
                g.state = "STOPPED";
            } else {
                g.restarts++;
                launch(g);
                return;
            }
        }
        checkFinished();
    }

    private void checkFinished() {
        Listener l;
        synchronized (this) {
            if (finishedReported) {
                return;
            }
            for (Group g : groups.values()) {
                if (!g.terminal()) {
                    return;
                }
            }
            finishedReported = true;
            l = listener;
        }
        if (l != null) {
            l.remoteFinished();
        }
    }

    private void send(String line) {
        synchronized (this) {
            for (Group g : groups.values()) {
                if (g.control != null && g.process != null && g.process.isAlive()) {
                    g.control.println(line);
                }
            }
        }
    }

    @Override
    public void pause() {
        int before = 0;
        for (Group g : groups.values()) {
            before += g.pausedAcks;
        }
        send("pause");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        int live = (int) groups.values().stream().filter(g -> g.process != null && g.process.isAlive() && g.ready).count();
        while (System.nanoTime() < deadline) {
            int acks = 0;
            for (Group g : groups.values()) {
                acks += g.pausedAcks;
            }
            if (acks - before >= live) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    @Override
    public void resume() {
        send("resume");
    }

    @Override
    public void requestStop() {
        stopping = true;
        send("stop");
        // A group waiting for its restart has no process to stop.
        synchronized (this) {
            for (Group g : groups.values()) {
                if (g.state.equals("RESTARTING")) {
                    g.state = "STOPPED";
                }
            }
        }
        checkFinished();
    }

    @Override
    public boolean awaitStopped(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean clean = true;
        List<Process> live = new ArrayList<>();
        synchronized (this) {
            for (Group g : groups.values()) {
                if (g.process != null) {
                    live.add(g.process);
                }
            }
        }
        for (Process p : live) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    clean = false;
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                return false;
            }
        }
        // onExit callbacks run on the reaper; wait (briefly) for them to have marked every group.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!isFinished() && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        return clean;
    }

    @Override
    public synchronized boolean isFinished() {
        return groups.values().stream().allMatch(Group::terminal);
    }

    @Override
    public void setParams(String nodeId, Params changes) {
        String process = plan.node(nodeId).process();
        Group g = groups.get(process);
        if (g == null) {
            throw new IllegalArgumentException("node '" + nodeId + "' is not in a worker process");
        }
        String json;
        try {
            json = JSON.writeValueAsString(changes.asMap());
        } catch (IOException e) {
            throw new IllegalArgumentException("node '" + nodeId + "': cannot send params " + changes, e);
        }
        synchronized (this) {
            if (g.control != null) {
                g.control.println("params " + nodeId + " " + json);
            }
        }
    }

    @Override
    public List<NodeMetrics> nodeMetrics() {
        List<NodeMetrics> out = new ArrayList<>();
        synchronized (this) {
            for (Group g : groups.values()) {
                boolean down = g.state.equals("FAILED") || g.state.equals("RESTARTING") || g.state.equals("GAVE_UP");
                for (String id : g.nodes) {
                    NodeMetrics m = g.metrics.get(id);
                    String type = plan.node(id).resolved().descriptor().id();
                    if (m == null) {
                        m = new NodeMetrics(id, type, down ? "FAILED" : "NEW", 0, 0, 0, 0, 0, 0, 0);
                    } else if (down) {
                        m = new NodeMetrics(id, type, "FAILED", m.framesIn(), m.framesOut(), m.elementsOut(), 0, 0, 0, 0);
                    }
                    out.add(m);
                }
            }
        }
        return out;
    }

    @Override
    public List<EdgeMetrics> edgeMetrics() {
        List<EdgeMetrics> out = new ArrayList<>();
        for (int i = 0; i < plan.channels().size(); i++) {
            ExecutionPlan.PlannedChannel pc = plan.channels().get(i);
            QueueChannel c = run.coordinatorChannel(i);
            if (c == null) {
                continue;
            }
            for (int r = 0; r < pc.readers().size(); r++) {
                ExecutionPlan.PlannedReader reader = pc.readers().get(r);
                if (plan.node(reader.node()).process().equals(dev.weir.engine.model.NodeInstance.MAIN_PROCESS)) {
                    continue; // the session probes its own readers
                }
                int backlog = c.backlogOf(r);
                out.add(new EdgeMetrics(reader.edgeId(), pc.name(), reader.node() + "." + reader.port(), c.capacity(),
                        backlog, (double) backlog / c.capacity(), c.consumedOf(r), c.droppedOf(r)));
            }
        }
        return out;
    }

    @Override
    public synchronized List<ProcessMetrics> processMetrics() {
        List<ProcessMetrics> out = new ArrayList<>();
        for (Group g : groups.values()) {
            out.add(new ProcessMetrics(g.name, g.state, g.process == null ? -1 : g.process.pid(), g.restarts,
                    g.lastFailure, g.nodes));
        }
        return out;
    }

    /** What each group's current worker reported about Chronicle's analytics ("off" unless something is wrong). */
    synchronized Map<String, String> analyticsReports() {
        Map<String, String> out = new LinkedHashMap<>();
        groups.forEach((k, g) -> out.put(k, g.analytics));
        return out;
    }

    /** Stops the restart timer and kills any process still alive. Called when the run's transport closes. */
    void shutdown() {
        timer.shutdownNow();
        synchronized (this) {
            for (Group g : groups.values()) {
                if (g.process != null && g.process.isAlive()) {
                    g.process.destroyForcibly();
                }
            }
        }
    }
}

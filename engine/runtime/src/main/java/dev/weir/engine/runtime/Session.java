package dev.weir.engine.runtime;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.Scheduling;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.api.preview.PreviewSpec;
import dev.weir.engine.runtime.channel.Channel;
import dev.weir.engine.runtime.channel.ChannelReader;
import dev.weir.engine.runtime.channel.ChannelWriter;
import dev.weir.engine.runtime.channel.DelayedReader;
import dev.weir.engine.runtime.channel.RingChannel;
import dev.weir.engine.runtime.channel.UnconnectedPorts;
import dev.weir.engine.runtime.metrics.EdgeMetrics;
import dev.weir.engine.runtime.metrics.MetricsSnapshot;
import dev.weir.engine.runtime.metrics.NodeMetrics;
import dev.weir.engine.runtime.metrics.WorkerMetrics;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One run of an {@link ExecutionPlan}: the processors, channels and threads, and the handle to control them.
 * Created by {@link Engine#start}; not reusable (start the plan again for another run).
 *
 * <p><b>Process groups.</b> A session runs the nodes of one process group: {@code main} in the coordinating
 * process, or a worker's group in a worker process. Queue channels come from its {@link TransportRun}. In the
 * coordinator, the run's other groups are {@link RemoteGroups}: started, paused, resumed and stopped with this
 * session, and included in its metrics. The run ends when the local threads have ended and every remote group
 * has ended. A remote group that fails for good (restart {@code never}, or restarts used up) makes the run's
 * result FAILED, but the rest of the graph keeps running: its readers see end of stream and its writers stop
 * being gated by it.
 *
 * <p><b>Previews.</b> A preview node's {@code openPreview} makes its slot and attaches it to the run's
 * {@link RunOptions#previews() hub} at once; when the run ends (completed, stopped or failed), once every worker has
 * closed its processors, the session detaches every attached slot exactly once, before {@link #await} and
 * {@link #stop} return.
 *
 * <p>Every public method may be called from any thread. {@link #stop()} returns once every engine thread has
 * ended and every processor has been closed; with cooperative nodes that takes well under 100 ms, because no
 * engine thread ever blocks on an edge: a worker notices the stop at its next duty cycle, at most one park period
 * (1 ms by default) later. Blocking nodes are interrupted.
 */
public final class Session implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Session.class.getName());
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ExecutionPlan plan;
    private final TransportRun transport;
    private final RemoteGroups remote;
    private final String localProcess;
    /** One per plan channel, null for a channel with no end in this process. */
    private final List<Channel> channels = new ArrayList<>();
    private final Map<String, NodeTask> tasks = new LinkedHashMap<>();
    private final Map<String, Params> desiredParams = new LinkedHashMap<>();
    private final List<Worker> workers = new ArrayList<>();
    private final List<EdgeProbe> edgeProbes = new ArrayList<>();
    /** The run's preview slots, detached once in {@link #finishRun}. */
    private final RunPreviews previews;
    private final CountDownLatch opened;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicInteger liveWorkers = new AtomicInteger();
    private final AtomicInteger pausedWorkers = new AtomicInteger();
    private final AtomicReference<NodeFailure> failure = new AtomicReference<>();
    private final List<NodeFailure> closeFailures = Collections.synchronizedList(new ArrayList<>());
    private final List<Consumer<MetricsSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final long startNanos = System.nanoTime();
    private volatile boolean stopRequested;
    private volatile boolean stopByUser;
    private volatile boolean paused;
    private volatile SessionState state = SessionState.STARTING;
    private volatile MetricsSnapshot metrics = MetricsSnapshot.EMPTY;
    private volatile RunResult result;
    private final Thread sampler;
    private final Object finishLock = new Object();
    private boolean localDone;
    private boolean remoteDone;
    private boolean finished;
    /** Guarded by this: set once the transport is closed, after which nothing may read its channels. */
    private boolean transportClosed;

    private record EdgeProbe(String edgeId, String from, String to, ChannelReader reader, int capacity) {
    }

    Session(ExecutionPlan plan, TransportRun transport) {
        this.plan = plan;
        this.transport = transport;
        this.localProcess = transport == null ? dev.weir.engine.model.NodeInstance.MAIN_PROCESS
                : transport.localProcess();
        this.remote = transport == null ? null : transport.remoteGroups().orElse(null);
        this.previews = new RunPreviews(plan.options().previews());
        if (transport == null && plan.needsTransport()) {
            throw new IllegalArgumentException("graph '" + plan.graph().document().id()
                    + "' needs a process transport (engine/ipc) to run");
        }
        materialize();
        this.opened = new CountDownLatch(workers.size());
        this.sampler = Thread.ofPlatform().name("weir-metrics-" + plan.graph().document().id()).daemon(true)
                .unstarted(this::sampleLoop);
    }

    /** Builds channels, processors and workers. Nothing runs yet, so a failure here leaks no thread. */
    private void materialize() {
        for (int i = 0; i < plan.channels().size(); i++) {
            ExecutionPlan.PlannedChannel pc = plan.channels().get(i);
            boolean local = isLocal(pc.writerNode());
            for (ExecutionPlan.PlannedReader r : pc.readers()) {
                local |= isLocal(r.node());
            }
            if (!local) {
                channels.add(null);
            } else if (pc.transport() == dev.weir.engine.model.Transport.IPC) {
                channels.add(transport.channel(i));
            } else {
                // An in-process channel has all its ends in the writer's process (the validator sees to it).
                List<RingChannel.ReaderSpec> specs = new ArrayList<>();
                for (ExecutionPlan.PlannedReader r : pc.readers()) {
                    specs.add(new RingChannel.ReaderSpec(r.node(), r.port(), r.overflow()));
                }
                channels.add(new RingChannel(pc.writerNode(), pc.writerPort(), pc.type(), pc.capacity(), specs));
            }
        }
        for (ExecutionPlan.PlannedNode n : plan.nodes()) {
            desiredParams.put(n.id(), n.resolved().params());
        }
        for (ExecutionPlan.PlannedNode n : plan.nodesOf(localProcess)) {
            List<InputPort> inPorts = new ArrayList<>();
            List<InputPort> completion = new ArrayList<>();
            List<ChannelReader> readers = new ArrayList<>();
            List<String> connected = new ArrayList<>();
            for (ExecutionPlan.PlannedInput pi : n.inputs()) {
                if (pi.channel() < 0) {
                    inPorts.add(UnconnectedPorts.input(pi.port().name(), pi.port().type()));
                    continue;
                }
                Channel c = channels.get(pi.channel());
                ChannelReader r = c.reader(pi.readerIndex());
                ExecutionPlan.PlannedChannel pc = plan.channels().get(pi.channel());
                edgeProbes.add(new EdgeProbe(pi.edgeId(), pc.name(), n.id() + "." + pi.port().name(), r, c.capacity()));
                if (pi.delay() > 0) {
                    r = new DelayedReader(r, pi.delay());
                } else {
                    completion.add(r);
                }
                inPorts.add(r);
                readers.add(r);
                connected.add(pi.port().name());
            }
            List<ChannelWriter> writers = new ArrayList<>();
            for (ExecutionPlan.PlannedOutput po : n.outputs()) {
                writers.add(po.channel() < 0 ? UnconnectedPorts.output(po.port().name(), po.port().type())
                        : channels.get(po.channel()).writer());
            }
            NodeDescriptor d = n.resolved().descriptor();
            Processor processor = d.factory().create();
            RunContext context = new RunContext(n.id(), d, n.resolved().params(), n.resolved().inputs(),
                    n.resolved().outputs(), List.copyOf(connected), previews);
            NodeTask task = new NodeTask(n.id(), d, processor, context, new Inputs(inPorts),
                    new dev.weir.engine.api.Outputs(writers), completion.toArray(InputPort[]::new),
                    readers.toArray(ChannelReader[]::new), writers.toArray(ChannelWriter[]::new));
            tasks.put(n.id(), task);
        }
        RunOptions options = plan.options();
        List<List<String>> groups = plan.cooperativeGroupsOf(localProcess);
        for (int w = 0; w < groups.size(); w++) {
            List<NodeTask> group = groups.get(w).stream().map(tasks::get).toList();
            workers.add(new Worker("weir-worker-" + w, group, options.idleStrategy().get(), this, false));
        }
        for (ExecutionPlan.PlannedNode n : plan.nodesOf(localProcess)) {
            if (n.scheduling() == Scheduling.BLOCKING) {
                workers.add(new Worker("weir-blocking-" + n.id(), List.of(tasks.get(n.id())),
                        options.idleStrategy().get(), this, true));
            }
        }
    }

    private boolean isLocal(String nodeId) {
        return plan.node(nodeId).process().equals(localProcess);
    }

    /** Starts every thread, and the remote groups. Called once by the engine. */
    void start() {
        liveWorkers.set(workers.size());
        if (remote != null) {
            remote.start(new RemoteGroups.Listener() {
                @Override
                public void groupFailed(NodeFailure f, boolean permanent) {
                    LOG.log(System.Logger.Level.WARNING, "{0}{1}", f.message(),
                            permanent ? "; the group stays down" : "; restarting it");
                    if (permanent && !stopRequested) {
                        failure.compareAndSet(null, f);
                    }
                }

                @Override
                public void remoteFinished() {
                    synchronized (finishLock) {
                        remoteDone = true;
                    }
                    maybeFinish();
                }
            });
        }
        if (workers.isEmpty()) {
            synchronized (finishLock) {
                localDone = true;
            }
            if (remote != null) {
                sampler.start();
            }
            maybeFinish();
            return;
        }
        for (Worker w : workers) {
            w.start();
        }
        sampler.start();
    }

    /** Ends the run once the local threads and every remote group have ended. */
    private void maybeFinish() {
        synchronized (finishLock) {
            if (finished || !localDone || (remote != null && !remoteDone)) {
                return;
            }
            finished = true;
        }
        finishRun();
    }

    /** The plan this session runs. */
    public ExecutionPlan plan() {
        return plan;
    }

    /** The current state. */
    public SessionState state() {
        return state;
    }

    /**
     * Pauses every worker at the end of its current duty cycle and waits (up to a second) until they are parked.
     * Nothing is lost: edges keep their frames. Has no effect on a finished run.
     */
    public void pause() {
        if (state.isTerminal()) {
            return;
        }
        paused = true;
        state = SessionState.PAUSED;
        if (remote != null) {
            remote.pause();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (pausedWorkers.get() < liveWorkers.get() && System.nanoTime() < deadline && !stopRequested) {
            LockSupport.parkNanos(100_000);
        }
    }

    /** Resumes after {@link #pause()}. */
    public void resume() {
        if (state.isTerminal()) {
            return;
        }
        paused = false;
        state = SessionState.RUNNING;
        if (remote != null) {
            remote.resume();
        }
        for (Worker w : workers) {
            Thread t = w.thread();
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /**
     * Stops the run and waits until every thread has ended and every processor has been closed.
     *
     * @return how the run ended: STOPPED, or COMPLETED or FAILED if it had already ended so
     */
    public RunResult stop() {
        if (!stopRequested) {
            stopByUser = true;
            requestStop();
        }
        if (remote != null) {
            remote.awaitStopped(STOP_TIMEOUT.dividedBy(2));
        }
        return await(STOP_TIMEOUT).orElseGet(() -> {
            LOG.log(System.Logger.Level.WARNING, "run of ''{0}'' did not stop within {1}; threads still alive: {2}",
                    plan.graph().document().id(), STOP_TIMEOUT, aliveThreads());
            return new RunResult(SessionState.STOPPED, Optional.ofNullable(failure.get()), closeFailures, metrics);
        });
    }

    private List<String> aliveThreads() {
        List<String> alive = new ArrayList<>();
        for (Worker w : workers) {
            Thread t = w.thread();
            if (t != null && t.isAlive()) {
                alive.add(t.getName());
            }
        }
        return alive;
    }

    private void requestStop() {
        stopRequested = true;
        paused = false;
        for (Worker w : workers) {
            Thread t = w.thread();
            if (t != null) {
                LockSupport.unpark(t);
                if (w.isBlocking()) {
                    t.interrupt();
                }
            }
        }
        LockSupport.unpark(sampler);
        if (remote != null) {
            remote.requestStop();
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Waits for the run to end on its own (or through another thread's stop) and for its threads to exit.
     *
     * @return the result, or empty when the time ran out first
     */
    public Optional<RunResult> await(Duration timeout) {
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!done.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
            for (Worker w : workers) {
                Thread t = w.thread();
                if (t != null && !t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    return Optional.empty();
                }
            }
            if (sampler.isAlive() && !sampler.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                return Optional.empty();
            }
            return Optional.of(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Sets one hot-updatable param of a running node. The node's processor sees the new value from its next
     * {@code process} call on, never in the middle of one.
     *
     * @throws IllegalArgumentException naming the node and param when the node or param is unknown, the param is
     *                                  not hot-updatable, or the value is invalid
     */
    public void setParam(String nodeId, String key, Object value) {
        setParams(nodeId, Params.of(key, value));
    }

    /** Sets several hot-updatable params of one node at once; see {@link #setParam}. */
    public void setParams(String nodeId, Params changes) {
        NodeTask task = tasks.get(nodeId);
        if (task == null && !desiredParams.containsKey(nodeId)) {
            throw new IllegalArgumentException("no node '" + nodeId + "' in this run");
        }
        NodeDescriptor d = plan.node(nodeId).resolved().descriptor();
        List<NodeDescriptor.ParamProblem> problems = d.checkParams(changes);
        if (!problems.isEmpty()) {
            NodeDescriptor.ParamProblem p = problems.getFirst();
            throw new IllegalArgumentException("node '" + nodeId + "' param '" + p.key() + "' " + p.message());
        }
        for (String key : changes.keys()) {
            ParamSpec spec = d.param(key).orElseThrow();
            if (!spec.hotUpdatable()) {
                throw new IllegalArgumentException("node '" + nodeId + "' param '" + key
                        + "' cannot change while running; stop and start the graph to apply it");
            }
        }
        synchronized (desiredParams) {
            Params next = desiredParams.get(nodeId);
            for (String key : changes.keys()) {
                next = next.with(key, d.param(key).orElseThrow().type().check(changes.get(key)).value());
            }
            desiredParams.put(nodeId, next);
            if (task != null) {
                task.requestParams(next);
            } else if (remote != null) {
                remote.setParams(nodeId, changes);
            } else {
                throw new IllegalArgumentException("node '" + nodeId + "' runs in process '"
                        + plan.node(nodeId).process() + "', which this session does not control");
            }
        }
    }

    /** The latest metrics; {@link MetricsSnapshot#EMPTY} before the first sample. */
    public MetricsSnapshot metrics() {
        return metrics;
    }

    /** Calls {@code listener} with every new snapshot, on the metrics thread. It must return quickly. */
    public void onMetrics(Consumer<MetricsSnapshot> listener) {
        listeners.add(listener);
    }

    /** The first node failure, if any. */
    public Optional<NodeFailure> failure() {
        return Optional.ofNullable(failure.get());
    }

    // ---- called by workers ------------------------------------------------------------------------------------

    boolean isStopRequested() {
        return stopRequested;
    }

    boolean isPaused() {
        return paused;
    }

    void parkWhilePaused() {
        pausedWorkers.incrementAndGet();
        try {
            while (paused && !stopRequested) {
                LockSupport.parkNanos(1_000_000);
            }
        } finally {
            pausedWorkers.decrementAndGet();
        }
    }

    void openFinished() {
        opened.countDown();
        if (opened.getCount() == 0 && state == SessionState.STARTING && !stopRequested) {
            state = paused ? SessionState.PAUSED : SessionState.RUNNING;
        }
    }

    /** Waits until every worker has opened its processors; false when the run stopped meanwhile. */
    boolean awaitAllOpened() {
        try {
            while (!opened.await(1, TimeUnit.MILLISECONDS)) {
                if (stopRequested) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopRequested;
    }

    void fail(NodeTask task, String phase, Throwable cause) {
        if (stopByUser && isInterruption(cause)) {
            return; // a blocking node interrupted by stop(): the stop, not a failure
        }
        NodeFailure f = new NodeFailure(task.nodeId, phase, cause);
        if (transport != null) {
            transport.failing();
        }
        if (failure.compareAndSet(null, f)) {
            LOG.log(System.Logger.Level.DEBUG, f.message(), cause);
        }
        requestStop();
    }

    void failEngine(String worker, Throwable cause) {
        NodeFailure f = new NodeFailure("(engine:" + worker + ")", "run", cause);
        if (transport != null) {
            transport.failing();
        }
        failure.compareAndSet(null, f);
        requestStop();
    }

    private static boolean isInterruption(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException || c instanceof java.io.InterruptedIOException
                    || c instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    void closeFailed(NodeTask task, Throwable cause) {
        closeFailures.add(new NodeFailure(task.nodeId, "close", cause));
    }

    void workerExited(Worker w) {
        if (liveWorkers.decrementAndGet() == 0) {
            synchronized (finishLock) {
                localDone = true;
            }
            if (remote != null && !stopRequested) {
                // The local part is over; the remote groups go on until they end on their own.
                LOG.log(System.Logger.Level.DEBUG, "local nodes of ''{0}'' ended; waiting for the worker processes",
                        plan.graph().document().id());
            }
            maybeFinish();
        }
    }

    private void finishRun() {
        SessionState end = failure.get() != null ? SessionState.FAILED
                : stopByUser ? SessionState.STOPPED : SessionState.COMPLETED;
        stopRequested = true;
        MetricsSnapshot last = sample(metrics, true);
        metrics = last;
        result = new RunResult(end, Optional.ofNullable(failure.get()), closeFailures, last);
        // Every worker has exited, so every processor that wrote into a slot is closed. Before the count-down, so
        // that a caller whose stop() or await() has returned finds every slot detached; a hub that throws is logged.
        previews.detachAll();
        if (transport != null) {
            // After the last sample, and under sample()'s lock: edge metrics read the channels' shared counters.
            synchronized (this) {
                transportClosed = true;
                transport.close();
            }
        }
        state = end;
        // Count down before waking the sampler: woken first, it could see the run still going and park for a
        // whole interval, which would hold up stop() by up to that long.
        done.countDown();
        LockSupport.unpark(sampler);
    }

    // ---- metrics ----------------------------------------------------------------------------------------------

    private void sampleLoop() {
        long interval = plan.options().metricsInterval().toNanos();
        long next = System.nanoTime() + interval;
        while (done.getCount() > 0) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            next += interval;
            MetricsSnapshot s = sample(metrics, false);
            if (done.getCount() == 0) {
                break; // finishRun published the final snapshot
            }
            metrics = s;
            for (Consumer<MetricsSnapshot> l : listeners) {
                try {
                    l.accept(s);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "metrics listener failed", e);
                }
            }
        }
        MetricsSnapshot last = metrics;
        for (Consumer<MetricsSnapshot> l : listeners) {
            try {
                l.accept(last);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "metrics listener failed", e);
            }
        }
    }

    private final Map<String, long[]> previous = new LinkedHashMap<>();

    /**
     * Samples every counter. Called by the metrics thread every interval, and once more by the last worker to exit
     * with {@code wholeRun} set, so that the final snapshot's rates are averages over the whole run rather than
     * over whatever fraction of an interval was left.
     */
    private synchronized MetricsSnapshot sample(MetricsSnapshot before, boolean wholeRun) {
        if (transportClosed) {
            return metrics; // the run is over and its channels are closed; the final snapshot stands
        }
        long now = System.nanoTime();
        long elapsed = now - startNanos;
        if (wholeRun) {
            previous.clear();
        }
        long[] prevTime = previous.computeIfAbsent("", k -> new long[]{startNanos});
        double dt = Math.max(1, now - prevTime[0]) / 1e9;
        prevTime[0] = now;
        List<NodeMetrics> nodes = new ArrayList<>(tasks.size());
        Map<String, NodeMetrics> byNode = new java.util.HashMap<>();
        for (NodeTask t : tasks.values()) {
            long in = 0;
            for (ChannelReader r : t.readers()) {
                in += r.framesConsumed();
            }
            long out = 0;
            long elements = 0;
            for (ChannelWriter w : t.writers()) {
                out += w.framesPublished();
                elements += w.elementsPublished();
            }
            long busy = t.busyNanos();
            long[] p = previous.computeIfAbsent(t.nodeId, k -> new long[4]);
            byNode.put(t.nodeId, new NodeMetrics(t.nodeId, t.descriptor.id(), t.phase().name(), in, out, elements,
                    (in - p[0]) / dt, (out - p[1]) / dt, (elements - p[2]) / dt,
                    Math.min(1.0, (busy - p[3]) / 1e9 / dt)));
            p[0] = in;
            p[1] = out;
            p[2] = elements;
            p[3] = busy;
        }
        if (remote != null) {
            for (NodeMetrics m : remote.nodeMetrics()) {
                byNode.put(m.nodeId(), m);
            }
        }
        for (ExecutionPlan.PlannedNode n : plan.nodes()) {
            NodeMetrics m = byNode.get(n.id());
            if (m != null) {
                nodes.add(m);
            }
        }
        List<EdgeMetrics> edges = new ArrayList<>(edgeProbes.size());
        for (EdgeProbe e : edgeProbes) {
            int backlog = e.reader().backlog();
            edges.add(new EdgeMetrics(e.edgeId(), e.from(), e.to(), e.capacity(), backlog,
                    (double) backlog / e.capacity(), e.reader().framesConsumed(), e.reader().framesDropped()));
        }
        List<WorkerMetrics> ws = new ArrayList<>(workers.size());
        for (Worker w : workers) {
            Thread th = w.thread();
            List<String> ids = new ArrayList<>();
            for (NodeTask t : w.tasks()) {
                ids.add(t.nodeId);
            }
            ws.add(new WorkerMetrics(w.name(), ids, th == null ? -1 : allocatedBytes(th), th != null && th.isAlive()));
        }
        if (remote != null) {
            edges.addAll(remote.edgeMetrics());
        }
        return new MetricsSnapshot(before.sample() + 1, elapsed, (long) (dt * 1e9), nodes, edges, ws,
                remote == null ? List.of() : remote.processMetrics());
    }

    private static long allocatedBytes(Thread t) {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                && mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled()) {
            return mx.getThreadAllocatedBytes(t.threadId());
        }
        return -1;
    }

    /** The context handed to each processor's {@code open}. */
    private record RunContext(String nodeId, NodeDescriptor descriptor, Params params, List<ResolvedPort> inputs,
                              List<ResolvedPort> outputs, List<String> connectedInputs, RunPreviews previews)
            implements ProcessorContext {
        @Override
        public boolean isInputConnected(String name) {
            return connectedInputs.contains(name);
        }

        @Override
        public System.Logger logger() {
            return System.getLogger("weir.node." + nodeId);
        }

        /**
         * {@inheritDoc}
         *
         * <p>Here the slot is attached to the run's {@link RunOptions#previews() hub} at once, and detached by the
         * session when the run has ended.
         */
        @Override
        public PreviewSlot openPreview(PreviewSpec spec, List<DataType> laneTypes) {
            return previews.open(nodeId, spec, laneTypes);
        }
    }
}

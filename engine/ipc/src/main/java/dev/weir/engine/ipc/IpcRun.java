package dev.weir.engine.ipc;

import dev.weir.engine.runtime.ExecutionPlan;
import dev.weir.engine.runtime.RemoteGroups;
import dev.weir.engine.runtime.TransportRun;
import dev.weir.engine.runtime.channel.Channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run's queue channels in one process, and in the coordinator the {@link Supervisor} of the worker groups.
 * The coordinator creates every channel ({@link IpcTransport#open}); a worker opens the folders listed in the run's
 * {@code channels.txt}.
 */
final class IpcRun implements TransportRun {

    static final String GRAPH_FILE = "graph.dag";
    static final String MANIFEST_FILE = "channels.txt";
    private static final System.Logger LOG = System.getLogger(IpcRun.class.getName());

    private final ExecutionPlan plan;
    private final String localProcess;
    private final Path runDir;
    private final boolean coordinator;
    private final QueueChannel[] channels;
    private final Path[] dirs;
    private final Supervisor supervisor;
    private volatile boolean failing;
    private boolean closed;

    private IpcRun(ExecutionPlan plan, String localProcess, Path runDir, boolean coordinator, QueueChannel[] channels,
                   Path[] dirs, IpcOptions options) {
        this.plan = plan;
        this.localProcess = localProcess;
        this.runDir = runDir;
        this.coordinator = coordinator;
        this.channels = channels;
        this.dirs = dirs;
        boolean others = plan.processes().size() > 1;
        this.supervisor = coordinator && others ? new Supervisor(plan, this, options) : null;
    }

    /** The coordinator's run over the channels {@link IpcTransport#open} created. */
    static IpcRun coordinator(ExecutionPlan plan, Path runDir, QueueChannel[] channels, IpcOptions options) {
        Path[] dirs = new Path[channels.length];
        for (int i = 0; i < channels.length; i++) {
            dirs[i] = channels[i] == null ? null : channels[i].dir();
        }
        return new IpcRun(plan, dev.weir.engine.model.NodeInstance.MAIN_PROCESS, runDir, true, channels, dirs, options);
    }

    /** A worker's run of group {@code process}: channel folders from the run's manifest, opened on demand. */
    static IpcRun worker(ExecutionPlan plan, String process, Path runDir) {
        Path[] dirs = new Path[plan.channels().size()];
        try {
            for (String line : Files.readAllLines(runDir.resolve(MANIFEST_FILE), StandardCharsets.UTF_8)) {
                int sp = line.indexOf(' ');
                int i = Integer.parseInt(line.substring(0, sp));
                String d = line.substring(sp + 1);
                dirs[i] = d.equals("-") ? null : Path.of(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run's channel list in " + runDir, e);
        }
        return new IpcRun(plan, process, runDir, false, new QueueChannel[dirs.length], dirs, IpcOptions.defaults());
    }

    static List<QueueChannel.ReaderSpec> specs(ExecutionPlan.PlannedChannel pc) {
        List<QueueChannel.ReaderSpec> specs = new ArrayList<>();
        for (ExecutionPlan.PlannedReader r : pc.readers()) {
            specs.add(new QueueChannel.ReaderSpec(r.node(), r.port(), r.overflow()));
        }
        return specs;
    }

    Path runDir() {
        return runDir;
    }

    /** The coordinator's view of channel {@code i}, or null when it is in-process. */
    QueueChannel coordinatorChannel(int i) {
        return channels[i];
    }

    @Override
    public String localProcess() {
        return localProcess;
    }

    @Override
    public synchronized Channel channel(int index) {
        if (channels[index] == null) {
            ExecutionPlan.PlannedChannel pc = plan.channels().get(index);
            if (dirs[index] == null) {
                throw new IllegalStateException("channel " + pc.name() + " is not a queue channel of this run");
            }
            channels[index] = QueueChannel.open(dirs[index], pc.writerNode(), pc.writerPort(), pc.type(), specs(pc),
                    pc.records(), () -> failing);
        }
        return channels[index];
    }

    @Override
    public Optional<RemoteGroups> remoteGroups() {
        return Optional.ofNullable(supervisor);
    }

    @Override
    public void failing() {
        failing = true;
    }

    /**
     * Makes a group that stays down harmless to the rest of the graph: streams it wrote end, and its readers stop
     * gating their writers. Called by the supervisor.
     */
    synchronized void abandonGroup(String process) {
        for (int i = 0; i < channels.length; i++) {
            QueueChannel c = channels[i];
            if (c == null) {
                continue;
            }
            ExecutionPlan.PlannedChannel pc = plan.channels().get(i);
            if (plan.node(pc.writerNode()).process().equals(process)) {
                c.markCompleted();
            }
            for (int r = 0; r < pc.readers().size(); r++) {
                if (plan.node(pc.readers().get(r).node()).process().equals(process)) {
                    c.markDetached(r);
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (supervisor != null) {
            supervisor.shutdown();
        }
        for (QueueChannel c : channels) {
            if (c != null) {
                try {
                    c.close();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "closing " + c + " failed", e);
                }
            }
        }
        if (coordinator) {
            try {
                QueueChannel.deleteTree(runDir);
            } catch (UncheckedIOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot remove run folder " + runDir, e);
            }
        }
    }
}

package dev.weir.engine.ipc;

import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.runtime.ExecutionPlan;
import dev.weir.engine.runtime.ProcessTransport;
import dev.weir.engine.runtime.TransportRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs multi-process graphs on Chronicle Queue channels and worker JVMs: the {@link ProcessTransport} the engine
 * finds through {@link java.util.ServiceLoader} when this module is on the class path.
 *
 * <pre>
 *   open(plan):  RUN = runBase/weir-GRAPH-PID-N/
 *                  graph.dag        the whole document (workers plan it exactly as the coordinator did)
 *                  channels.txt     one line per plan channel: index, then its folder (or "-" when in-process)
 *                  ch-I/            a queue channel's folder (recorded ones live under their record folder)
 *                  GROUP.log        a worker's standard error
 *   session end: channels closed, RUN deleted (recordings stay)
 * </pre>
 */
public final class IpcTransport implements ProcessTransport {

    static {
        JvmFlags.disableAnalytics();
    }

    private static final AtomicInteger RUNS = new AtomicInteger();
    private final IpcOptions options;

    /** With {@link IpcOptions#defaults()}; the constructor {@link java.util.ServiceLoader} uses. */
    public IpcTransport() {
        this(IpcOptions.defaults());
    }

    public IpcTransport(IpcOptions options) {
        this.options = options;
    }

    public IpcOptions options() {
        return options;
    }

    /**
     * Deletes run folders left by coordinators that died without cleaning up (killed with SIGKILL): their name
     * carries the coordinator's pid, and a folder whose pid is no longer alive belongs to nobody. Recordings are
     * never in run folders, so nothing a user asked to keep is touched.
     */
    static void removeOrphans(Path runBase) {
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("weir-.*-(\\d+)-\\d+");
        if (!Files.isDirectory(runBase)) {
            return;
        }
        try (var dirs = Files.list(runBase)) {
            for (Path d : dirs.toList()) {
                var m = name.matcher(d.getFileName().toString());
                if (m.matches() && Files.isRegularFile(d.resolve(IpcRun.MANIFEST_FILE))
                        && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false)
                        == Boolean.FALSE) {
                    QueueChannel.deleteTree(d);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.getLogger(IpcTransport.class.getName()).log(System.Logger.Level.DEBUG,
                    "could not look for orphaned run folders in " + runBase, e);
        }
    }

    @Override
    public TransportRun open(ExecutionPlan plan) {
        removeOrphans(options.runBase());
        String id = plan.graph().document().id().replaceAll("[^A-Za-z0-9_.-]", "_");
        Path runDir = options.runBase().resolve("weir-" + id + "-" + ProcessHandle.current().pid() + "-"
                + RUNS.incrementAndGet());
        List<QueueChannel> created = new ArrayList<>();
        try {
            Files.createDirectories(runDir);
            Files.writeString(runDir.resolve(IpcRun.GRAPH_FILE), DagCodec.withoutRegistry().write(plan.graph().document()),
                    StandardCharsets.UTF_8);
            List<String> manifest = new ArrayList<>();
            QueueChannel[] channels = new QueueChannel[plan.channels().size()];
            for (int i = 0; i < channels.length; i++) {
                ExecutionPlan.PlannedChannel pc = plan.channels().get(i);
                if (pc.transport() != dev.weir.engine.model.Transport.IPC) {
                    manifest.add(i + " -");
                    continue;
                }
                Path dir;
                if (pc.records()) {
                    Path folder = pc.recordFolder().isEmpty() ? options.recordDir() : Path.of(pc.recordFolder());
                    dir = folder.resolve(pc.recordEdge()).toAbsolutePath();
                    QueueChannel.deleteTree(dir); // a new recording replaces an old one of the same edge
                } else {
                    dir = runDir.resolve("ch-" + i).toAbsolutePath();
                }
                channels[i] = QueueChannel.create(dir, pc.writerNode(), pc.writerPort(), pc.type(), pc.capacity(),
                        IpcRun.specs(pc), pc.records());
                created.add(channels[i]);
                if (pc.records()) {
                    Recording.writeIndex(dir, plan, pc, channels[i].capacity());
                }
                manifest.add(i + " " + dir);
            }
            Files.write(runDir.resolve(IpcRun.MANIFEST_FILE), manifest, StandardCharsets.UTF_8);
            return IpcRun.coordinator(plan, runDir, channels, options);
        } catch (IOException | RuntimeException e) {
            created.forEach(QueueChannel::close);
            try {
                QueueChannel.deleteTree(runDir);
            } catch (UncheckedIOException ignored) {
                // best effort: the original failure is what matters
            }
            throw new IllegalStateException("cannot prepare the run folder " + runDir + ": " + e.getMessage(), e);
        }
    }
}

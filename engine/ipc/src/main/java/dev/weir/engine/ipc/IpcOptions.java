package dev.weir.engine.ipc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the IPC transport.
 *
 * @param runBase       where per-run folders go: {@code /dev/shm} when it exists and is writable (queues then live in
 *                      memory), else the temporary folder; system property {@code weir.ipc.dir} overrides it
 * @param recordDir     the folder a recorded edge with an empty {@code record_folder} records into
 * @param providers     class names of extra {@link dev.weir.engine.api.NodeProvider}s (public no-argument
 *                      constructors) that workers add to the node types {@link java.util.ServiceLoader} finds
 * @param workerJvmArgs JVM options for worker processes besides {@link JvmFlags#CHRONICLE}
 * @param inheritStderr whether workers write their standard error to this process's; otherwise to a log file in
 *                      the run folder, whose last lines a failure report quotes
 */
public record IpcOptions(Path runBase, Path recordDir, List<String> providers, List<String> workerJvmArgs,
                         boolean inheritStderr) {

    public IpcOptions {
        Objects.requireNonNull(runBase, "runBase");
        Objects.requireNonNull(recordDir, "recordDir");
        providers = List.copyOf(providers);
        workerJvmArgs = List.copyOf(workerJvmArgs);
    }

    /** The defaults described above; {@code weir.ipc.record.dir} overrides the recording folder. */
    public static IpcOptions defaults() {
        String dir = System.getProperty("weir.ipc.dir");
        Path base;
        if (dir != null) {
            base = Path.of(dir);
        } else {
            Path shm = Path.of("/dev/shm");
            base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        }
        return new IpcOptions(base, Path.of(System.getProperty("weir.ipc.record.dir", "recordings")), List.of(),
                List.of("-Xmx512m", "-XX:+UseSerialGC"), false);
    }

    public IpcOptions withRunBase(Path p) {
        return new IpcOptions(p, recordDir, providers, workerJvmArgs, inheritStderr);
    }

    public IpcOptions withRecordDir(Path p) {
        return new IpcOptions(runBase, p, providers, workerJvmArgs, inheritStderr);
    }

    public IpcOptions withProviders(List<String> classNames) {
        return new IpcOptions(runBase, recordDir, classNames, workerJvmArgs, inheritStderr);
    }

    public IpcOptions withWorkerJvmArgs(List<String> args) {
        return new IpcOptions(runBase, recordDir, providers, args, inheritStderr);
    }

    public IpcOptions withInheritStderr(boolean inherit) {
        return new IpcOptions(runBase, recordDir, providers, workerJvmArgs, inherit);
    }
}

/**
 * Multi-process graphs: Chronicle Queue channels behind the runtime's {@link dev.weir.engine.runtime.channel.Channel}
 * interface ({@link dev.weir.engine.ipc.QueueChannel}), worker JVMs per process group started and supervised by the
 * coordinator ({@link dev.weir.engine.ipc.IpcTransport}, the runtime's
 * {@link dev.weir.engine.runtime.ProcessTransport}; {@link dev.weir.engine.ipc.WorkerMain}), and record and replay
 * of any edge ({@link dev.weir.engine.ipc.Recording}, {@code replay.queue_source},
 * {@link dev.weir.engine.ipc.ReplayGraphs}). The only module that loads Chronicle, so the only one that needs its JVM
 * flags ({@link dev.weir.engine.ipc.JvmFlags}), which also keeps Chronicle's analytics off. See docs/architecture.md,
 * "Multi-process runs".
 */
package dev.weir.engine.ipc;

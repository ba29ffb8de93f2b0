package dev.weir.engine.model;

/** How an edge's items travel. */
public enum Transport {
    /** The engine decides: in-process when both ends run in one process. */
    AUTO,
    /** A ring of preallocated frames in shared memory of one process. */
    IN_PROCESS,
    /** A memory-mapped queue between processes. */
    IPC
}

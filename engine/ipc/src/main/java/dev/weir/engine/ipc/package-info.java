/**
 * Inter-process channels on memory-mapped Chronicle Queues and worker processes, behind the runtime's Channel interface. Arrives with the multi-process issue (8); the module exists now so that Chronicle and its JVM flags stay confined here.
 */
package dev.weir.engine.ipc;

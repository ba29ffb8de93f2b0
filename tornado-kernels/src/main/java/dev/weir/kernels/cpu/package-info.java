/**
 * The {@code cpu} kernel backend: a persistent, allocation-free parallel-for shared by every node of one
 * parallelism in the JVM (reference counted), whose workers park between launches while the launching thread
 * computes rows too.
 */
package dev.weir.kernels.cpu;

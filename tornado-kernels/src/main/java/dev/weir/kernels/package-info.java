/**
 * Data-parallel kernels in TornadoVM's programming model (plain Java methods over flat arrays whose outer loops are parallel), with a multi-core CPU backend, and the nodes that use them. Arrives with the video issue (5).
 */
package dev.weir.kernels;

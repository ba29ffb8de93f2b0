package dev.weir.engine.runtime.metrics;

/**
 * One node at one sampling instant. Totals are since the start of the run; rates are over the last interval.
 *
 * @param nodeId            node id
 * @param type              node type id
 * @param phase             lifecycle phase (NEW, RUNNING, COMPLETING, FINISHED)
 * @param framesIn          frames consumed from all inputs
 * @param framesOut         frames published on all outputs
 * @param elementsOut       elements (samples, pixels, records) published
 * @param framesInPerSec    input frame rate
 * @param framesOutPerSec   output frame rate
 * @param elementsOutPerSec output element rate (samples/s for streams)
 * @param busyFraction      share of the interval spent inside the processor's calls, 0..1
 */
public record NodeMetrics(String nodeId, String type, String phase, long framesIn, long framesOut, long elementsOut,
                          double framesInPerSec, double framesOutPerSec, double elementsOutPerSec,
                          double busyFraction) {
}

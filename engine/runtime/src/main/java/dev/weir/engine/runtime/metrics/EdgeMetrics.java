package dev.weir.engine.runtime.metrics;

/**
 * One edge at one sampling instant.
 *
 * @param edgeId   edge id
 * @param from     writer as {@code node.port}
 * @param to       reader as {@code node.port}
 * @param capacity frames the edge holds
 * @param backlog  frames written but not yet read
 * @param fill     backlog / capacity, 0..1: green when low, red when the reader cannot keep up
 * @param frames   frames the reader has consumed
 * @param dropped  frames the reader lost to a lossy overflow policy
 */
public record EdgeMetrics(String edgeId, String from, String to, int capacity, int backlog, double fill, long frames,
                          long dropped) {
}

package dev.weir.engine.runtime.testnodes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the test nodes of one test put what they saw: values per sink node, and which processors were opened
 * and closed. One collector per test, handed to {@link TestNodes}; never a static.
 */
public final class Collector {

    private final Map<String, List<Long>> values = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> frameStarts = new ConcurrentHashMap<>();
    private final Set<String> opened = ConcurrentHashMap.newKeySet();
    private final Set<String> closed = ConcurrentHashMap.newKeySet();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    void add(String node, long value) {
        values.computeIfAbsent(node, k -> Collections.synchronizedList(new ArrayList<>())).add(value);
    }

    void frame(String node, long firstValue) {
        frameStarts.computeIfAbsent(node, k -> Collections.synchronizedList(new ArrayList<>())).add(firstValue);
    }

    void opened(String node) {
        opened.add(node);
        events.add("open " + node);
    }

    void closed(String node) {
        closed.add(node);
        events.add("close " + node);
    }

    /** Every value sink {@code node} received, in order. */
    public List<Long> values(String node) {
        List<Long> v = values.get(node);
        if (v == null) {
            return List.of();
        }
        synchronized (v) {
            return List.copyOf(v);
        }
    }

    /** The first value of every frame {@code node} received. */
    public List<Long> frameStarts(String node) {
        List<Long> v = frameStarts.get(node);
        if (v == null) {
            return List.of();
        }
        synchronized (v) {
            return List.copyOf(v);
        }
    }

    /** Ids of nodes whose processor was opened. */
    public Set<String> opened() {
        return Set.copyOf(opened);
    }

    /** Ids of nodes whose processor was closed. */
    public Set<String> closed() {
        return Set.copyOf(closed);
    }

    /** Open and close events in order. */
    public List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}

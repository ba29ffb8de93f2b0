package dev.weir.engine.ipc;

import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Helpers shared by the multi-process tests. */
final class IpcTesting {

    private IpcTesting() {
    }

    /** A transport whose runs and recordings go under {@code tmp}, and whose workers know the test node types. */
    static IpcTransport transport(Path tmp) {
        return new IpcTransport(IpcOptions.defaults().withRunBase(tmp.resolve("runs"))
                .withRecordDir(tmp.resolve("recordings"))
                .withProviders(List.of(WorkerTestNodes.class.getName()))
                .withWorkerJvmArgs(List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Duser.home=" + tmp.resolve("worker-home"))));
    }

    /**
     * Places the nodes so that every edge joins two processes: a two-colouring of each connected component, with
     * the nodes of type {@code test.collect} (whose collector is in this JVM) in main and their neighbours in
     * {@code worker}.
     *
     * @throws AssertionError when a component cannot be two-coloured that way
     */
    static GraphDocument everyEdgeCrosses(GraphDocument doc, String worker) {
        Map<String, List<String>> adj = new HashMap<>();
        for (EdgeInstance e : doc.edgeList()) {
            adj.computeIfAbsent(e.from().node(), k -> new java.util.ArrayList<>()).add(e.to().node());
            adj.computeIfAbsent(e.to().node(), k -> new java.util.ArrayList<>()).add(e.from().node());
        }
        Map<String, Boolean> main = new HashMap<>();
        List<NodeInstance> order = new java.util.ArrayList<>(doc.nodeList());
        order.sort((a, b) -> Boolean.compare(!a.type().equals("test.collect"), !b.type().equals("test.collect")));
        for (NodeInstance start : order) {
            if (main.containsKey(start.id())) {
                continue;
            }
            main.put(start.id(), start.type().equals("test.collect") || adj.getOrDefault(start.id(), List.of()).isEmpty());
            ArrayDeque<String> q = new ArrayDeque<>(List.of(start.id()));
            while (!q.isEmpty()) {
                String u = q.poll();
                for (String v : adj.getOrDefault(u, List.of())) {
                    Boolean c = main.get(v);
                    if (c == null) {
                        main.put(v, !main.get(u));
                        q.add(v);
                    } else if (c.equals(main.get(u))) {
                        throw new AssertionError("graph " + doc.id() + " cannot put every edge across processes");
                    }
                }
            }
        }
        GraphDocument out = doc;
        for (NodeInstance n : doc.nodeList()) {
            if (!main.get(n.id())) {
                if (n.type().equals("test.collect")) {
                    throw new AssertionError("collector " + n.id() + " would land in a worker");
                }
                out = out.withNode(n.withProcess(worker));
            }
        }
        return out;
    }

    /** Files and folders left under {@code dir}. */
    static List<Path> leftovers(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Java processes started by this JVM that are still alive. */
    static List<ProcessHandle> liveChildren() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }
}

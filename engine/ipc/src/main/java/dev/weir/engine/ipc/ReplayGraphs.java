package dev.weir.engine.ipc;

import dev.weir.engine.api.Params;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.PortRef;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;

/** Graph edits for record and replay, shared by the {@code weir} command line and tests. */
public final class ReplayGraphs {

    private ReplayGraphs() {
    }

    /**
     * {@code doc} with edge {@code edgeId} recording into {@code folder} ({@code ""}: the run's default folder).
     *
     * @throws IllegalArgumentException naming the edge when the document has none of that id
     */
    public static GraphDocument record(GraphDocument doc, String edgeId, String folder) {
        EdgeInstance e = doc.edge(edgeId).orElseThrow(() -> new IllegalArgumentException("graph '" + doc.id()
                + "' has no edge '" + edgeId + "'; its edges are " + doc.edges().keySet()));
        return doc.withEdge(e.withSpec(e.spec().withRecord(folder)));
    }

    /**
     * {@code doc} with the writing side of edge {@code edgeId} replaced by a {@code replay.queue_source} playing
     * {@code recording}: the edge's reader and everything downstream of it stay, with whatever else they read
     * from; nodes that fed only the replaced edge go.
     *
     * <pre>
     *   sim ──▶ pc ══e2══▶ mtd ──▶ cfar        becomes        replay_e2 ══e2══▶ mtd ──▶ cfar
     * </pre>
     *
     * @param speed     {@code max} or {@code original}
     * @param fromFrame first recorded frame to play
     * @param fromTime  skip frames before this signal time, in seconds (0: none)
     * @throws IllegalArgumentException naming the edge when the document has none of that id
     */
    public static GraphDocument replay(GraphDocument doc, String edgeId, Recording recording, String speed,
                                       long fromFrame, double fromTime) {
        EdgeInstance e = doc.edge(edgeId).orElseThrow(() -> new IllegalArgumentException("graph '" + doc.id()
                + "' has no edge '" + edgeId + "'; its edges are " + doc.edges().keySet()));
        // What stays: the reader's forward closure, then (to a fixpoint) everything else those nodes read from.
        Set<String> keep = new LinkedHashSet<>();
        ArrayDeque<String> work = new ArrayDeque<>();
        work.add(e.to().node());
        while (!work.isEmpty()) {
            String n = work.poll();
            if (keep.add(n)) {
                for (EdgeInstance out : doc.edgesFrom(n)) {
                    work.add(out.to().node());
                }
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (EdgeInstance in : doc.edgeList()) {
                if (!in.id().equals(edgeId) && keep.contains(in.to().node()) && keep.add(in.from().node())) {
                    grew = true;
                }
            }
        }
        GraphDocument out = doc.withoutEdge(edgeId);
        for (NodeInstance n : doc.nodeList()) {
            if (!keep.contains(n.id())) {
                out = out.withoutNode(n.id());
            }
        }
        String id = out.freshId("replay_" + edgeId.replaceAll("[^A-Za-z0-9_-]", "_"));
        NodeInstance replay = NodeInstance.of(id, ReplayNode.TYPE, 1, Params.of(
                "path", recording.dir().toAbsolutePath().toString(),
                "frame_type", recording.frameType(),
                "speed", speed,
                "from_frame", fromFrame,
                "from_time_s", fromTime)).withProcess(doc.node(e.to().node()).orElseThrow().process());
        EdgeSpec spec = e.spec().withoutRecord();
        return out.withNode(replay).withEdge(new EdgeInstance(edgeId, new PortRef(id, "out"), e.to(), spec, e.ui()));
    }
}

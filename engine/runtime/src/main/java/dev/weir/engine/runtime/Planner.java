package dev.weir.engine.runtime;

import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.Scheduling;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.ResolvedNode;
import dev.weir.engine.model.Transport;
import dev.weir.engine.model.ValidatedGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a validated graph into an {@link ExecutionPlan}.
 *
 * <p><b>Channels.</b> Each connected output port becomes one channel, however many edges leave it: the readers
 * share its frames, so fan-out never copies. The channel holds as many frames as the largest capacity among its
 * edges. A delay edge's initial items belong to its reader, not to the shared ring, so one reader's delay does
 * not shift what the others see.
 *
 * <p><b>Threads.</b> Cooperative nodes are split, in topological order, into at most {@code workerThreads}
 * contiguous groups of near-equal size, one per worker. Neighbours in a chain therefore share a thread and the
 * frames they pass stay in that core's cache, as Flink chains operators and Pekko fuses stages; a long chain is
 * still cut into as many stages as there are workers, so the pipeline uses every core. Preview sinks are not
 * counted in that split: each joins the worker of the node that feeds it. Blocking nodes get a thread each.
 */
public final class Planner {

    /**
     * Makes the plan. Pure: it creates no processor, buffer or thread.
     *
     * <p>A channel is a queue ({@link Transport#IPC}) when any of its edges is: one between process groups, one
     * marked {@code ipc}, or a recorded one. Its readers in the writer's own process then read the queue too, so
     * that one output has one channel whatever its readers are.
     */
    public ExecutionPlan plan(ValidatedGraph graph, RunOptions options) {
        GraphDocument doc = graph.document();
        List<ResolvedNode> order = graph.nodesInTopologicalOrder();
        List<ExecutionPlan.PlannedChannel> channels = new ArrayList<>();
        // node.port of a writer -> channel index; reader edge id -> (channel, reader index)
        Map<String, Integer> channelByWriter = new HashMap<>();
        Map<String, int[]> readerByEdge = new HashMap<>();
        for (ResolvedNode n : order) {
            for (ResolvedPort out : n.outputs()) {
                List<ExecutionPlan.PlannedReader> readers = new ArrayList<>();
                int capacity = 1;
                Transport transport = Transport.IN_PROCESS;
                String recordEdge = null;
                String recordFolder = null;
                for (EdgeInstance e : graph.edgesFrom(n.id())) {
                    if (!e.from().port().equals(out.name())) {
                        continue;
                    }
                    if (doc.transportOf(e) == Transport.IPC) {
                        transport = Transport.IPC;
                    }
                    if (e.spec().record() && recordEdge == null) {
                        // One queue per output: the first recorded edge names the recording.
                        recordEdge = e.id();
                        recordFolder = e.spec().recordFolder();
                    }
                    readerByEdge.put(e.id(), new int[]{channels.size(), readers.size()});
                    readers.add(new ExecutionPlan.PlannedReader(e.id(), e.to().node(), e.to().port(),
                            e.spec().overflow(), e.spec().delay()));
                    capacity = Math.max(capacity, e.spec().capacity());
                }
                if (!readers.isEmpty()) {
                    channelByWriter.put(n.id() + "." + out.name(), channels.size());
                    channels.add(new ExecutionPlan.PlannedChannel(n.id(), out.name(), out.type(), capacity, readers,
                            transport, recordEdge, recordFolder));
                }
            }
        }
        List<ExecutionPlan.PlannedNode> nodes = new ArrayList<>();
        Map<String, List<String>> cooperative = new java.util.TreeMap<>();
        cooperative.put(NodeInstance.MAIN_PROCESS, new ArrayList<>());
        // Preview sinks per process, and the node feeding each: placed after the split (see place()).
        Map<String, List<String>> previews = new java.util.TreeMap<>();
        Map<String, String> writerOf = new HashMap<>();
        for (ResolvedNode n : order) {
            List<ExecutionPlan.PlannedInput> inputs = new ArrayList<>();
            for (ResolvedPort in : n.inputs()) {
                ExecutionPlan.PlannedInput planned = new ExecutionPlan.PlannedInput(in, -1, -1, null, 0);
                for (EdgeInstance e : graph.edgesInto(n.id())) {
                    if (e.to().port().equals(in.name())) {
                        int[] at = readerByEdge.get(e.id());
                        planned = new ExecutionPlan.PlannedInput(in, at[0], at[1], e.id(), e.spec().delay());
                    }
                }
                inputs.add(planned);
            }
            List<ExecutionPlan.PlannedOutput> outputs = new ArrayList<>();
            for (ResolvedPort out : n.outputs()) {
                outputs.add(new ExecutionPlan.PlannedOutput(out,
                        channelByWriter.getOrDefault(n.id() + "." + out.name(), -1)));
            }
            nodes.add(new ExecutionPlan.PlannedNode(n, inputs, outputs));
            if (n.descriptor().scheduling() == Scheduling.COOPERATIVE) {
                if (n.descriptor().preview()) {
                    previews.computeIfAbsent(n.node().process(), k -> new ArrayList<>()).add(n.id());
                    graph.edgesInto(n.id()).stream().findFirst().ifPresent(e -> writerOf.put(n.id(), e.from().node()));
                } else {
                    cooperative.computeIfAbsent(n.node().process(), k -> new ArrayList<>()).add(n.id());
                }
            }
        }
        // Every process group gets its own pool of workerThreads, main first.
        List<List<String>> groups = new ArrayList<>(place(cooperative.remove(NodeInstance.MAIN_PROCESS),
                previews.getOrDefault(NodeInstance.MAIN_PROCESS, List.of()), writerOf, options.workerThreads()));
        for (Map.Entry<String, List<String>> e : cooperative.entrySet()) {
            groups.addAll(place(e.getValue(), previews.getOrDefault(e.getKey(), List.of()), writerOf,
                    options.workerThreads()));
        }
        for (Map.Entry<String, List<String>> e : previews.entrySet()) {
            if (!e.getKey().equals(NodeInstance.MAIN_PROCESS) && !cooperative.containsKey(e.getKey())) {
                groups.addAll(split(e.getValue(), options.workerThreads()));
            }
        }
        return new ExecutionPlan(graph, nodes, channels, groups, options);
    }

    /**
     * Splits one process's pipeline stages over its workers, then puts each preview sink on the worker of the node
     * that feeds it. Previews are left out of the split because they do next to nothing per frame (copy the newest,
     * publish at most 60 times a second): counted as stages, the three previews of the FFT example took a whole
     * worker of two and left the FFT chain on the other, at 0.67x of its speed without them. On the writer's worker a
     * preview also reads frames that are still in that core's cache.
     */
    static List<List<String>> place(List<String> stages, List<String> previewIds, Map<String, String> writerOf,
                                    int workers) {
        if (stages.isEmpty()) {
            return split(previewIds, workers);
        }
        List<List<String>> groups = new ArrayList<>();
        for (List<String> g : split(stages, workers)) {
            groups.add(new ArrayList<>(g));
        }
        for (String id : previewIds) {
            List<String> home = null;
            for (List<String> g : groups) {
                if (g.contains(writerOf.get(id))) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                // Fed from another process, a blocking node or nothing: the least loaded worker.
                home = groups.stream().min(java.util.Comparator.comparingInt(List::size)).orElseThrow();
            }
            home.add(id);
        }
        return groups;
    }

    /** Splits {@code ids} into at most {@code parts} contiguous groups whose sizes differ by at most one. */
    static List<List<String>> split(List<String> ids, int parts) {
        int groups = Math.min(parts, ids.size());
        List<List<String>> out = new ArrayList<>(groups);
        int start = 0;
        for (int g = 0; g < groups; g++) {
            int size = ids.size() / groups + (g < ids.size() % groups ? 1 : 0);
            out.add(ids.subList(start, start + size));
            start += size;
        }
        return out;
    }
}

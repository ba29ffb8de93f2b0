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
 * still cut into as many stages as there are workers, so the pipeline uses every core. Blocking nodes get a thread
 * each.
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
                cooperative.computeIfAbsent(n.node().process(), k -> new ArrayList<>()).add(n.id());
            }
        }
        // Every process group gets its own pool of workerThreads, main first.
        List<List<String>> groups = new ArrayList<>(split(cooperative.remove(NodeInstance.MAIN_PROCESS),
                options.workerThreads()));
        for (List<String> ids : cooperative.values()) {
            groups.addAll(split(ids, options.workerThreads()));
        }
        return new ExecutionPlan(graph, nodes, channels, groups, options);
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

package dev.weir.engine.runtime;

import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.Scheduling;
import dev.weir.engine.model.EdgeInstance;
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
     * @throws IllegalArgumentException naming the edge when an edge asks for a transport this engine cannot give
     */
    public ExecutionPlan plan(ValidatedGraph graph, RunOptions options) {
        for (EdgeInstance e : graph.edges()) {
            if (e.spec().transport() == Transport.IPC) {
                // Running it in-process instead would silently drop the isolation the user asked for.
                throw new IllegalArgumentException("edge '" + e.id() + "' (" + e.from() + " -> " + e.to()
                        + ") asks for transport ipc, which this engine does not provide yet; use auto or in_process");
            }
        }
        List<ResolvedNode> order = graph.nodesInTopologicalOrder();
        List<ExecutionPlan.PlannedChannel> channels = new ArrayList<>();
        // node.port of a writer -> channel index; reader edge id -> (channel, reader index)
        Map<String, Integer> channelByWriter = new HashMap<>();
        Map<String, int[]> readerByEdge = new HashMap<>();
        for (ResolvedNode n : order) {
            for (ResolvedPort out : n.outputs()) {
                List<ExecutionPlan.PlannedReader> readers = new ArrayList<>();
                int capacity = 1;
                for (EdgeInstance e : graph.edgesFrom(n.id())) {
                    if (!e.from().port().equals(out.name())) {
                        continue;
                    }
                    readerByEdge.put(e.id(), new int[]{channels.size(), readers.size()});
                    readers.add(new ExecutionPlan.PlannedReader(e.id(), e.to().node(), e.to().port(),
                            e.spec().overflow(), e.spec().delay()));
                    capacity = Math.max(capacity, e.spec().capacity());
                }
                if (!readers.isEmpty()) {
                    channelByWriter.put(n.id() + "." + out.name(), channels.size());
                    channels.add(new ExecutionPlan.PlannedChannel(n.id(), out.name(), out.type(), capacity, readers));
                }
            }
        }
        List<ExecutionPlan.PlannedNode> nodes = new ArrayList<>();
        List<String> cooperative = new ArrayList<>();
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
                cooperative.add(n.id());
            }
        }
        return new ExecutionPlan(graph, nodes, channels, split(cooperative, options.workerThreads()), options);
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

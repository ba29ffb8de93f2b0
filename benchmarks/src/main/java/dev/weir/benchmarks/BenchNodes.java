package dev.weir.benchmarks;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.api.WorkStatus;

import java.util.List;

/**
 * Node types that exist only for the benchmarks.
 *
 * <ul>
 *   <li>{@code bench.stuck_sink}: reads integer value records ({@code basic.counter} with element {@code value})
 *       and never consumes any: {@code process} always answers {@link WorkStatus#NEED_INPUT}. Its edge fills up
 *       and the source upstream stays blocked on it, which is the worst case for {@code Session.stop()}.</li>
 * </ul>
 */
public final class BenchNodes implements NodeProvider {

    /** What {@code basic.counter} emits with {@code element = value}. */
    static final DataType VALUE_TYPE = new DataType.RecordsOf(RecordSchema.VALUE, Dim.of(1));

    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(NodeDescriptor.builder("bench.stuck_sink", 1)
                .label("Stuck sink")
                .category("Benchmarks")
                .description("Never consumes its input, so the edge feeding it stays full.")
                .input(PortSpec.of("in", VALUE_TYPE, "Integer value records, never read."))
                .factory(StuckSink::new)
                .build());
    }

    /** Never consumes; never finishes on its own. */
    static final class StuckSink implements Processor {
        @Override
        public void open(ProcessorContext context) {
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            return WorkStatus.NEED_INPUT;
        }
    }
}

package dev.weir.engine.ipc;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.WorkStatus;
import dev.weir.nodes.radar.RadarNodes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code test.detections}: keeps every CFAR detection it reads, as the raw fields plus the frame's CPI index. Public
 * with a no-argument constructor so that a worker can load it by class name to validate a graph that holds one.
 */
public final class DetectionNodes implements NodeProvider {

    public DetectionNodes() {
    }

    private final List<List<Long>> seen = Collections.synchronizedList(new ArrayList<>());

    /** Every detection: frame index, then the record's raw 64-bit fields. */
    List<List<Long>> detections() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    @Override
    public List<NodeDescriptor> descriptors() {
        DataType in = new DataType.RecordsOf(RadarNodes.DETECTIONS, Dim.any());
        return List.of(NodeDescriptor.builder("test.detections", 1)
                .label("Detections collector").category("Test")
                .input(PortSpec.of("in", in, "Detections."))
                .factory(() -> new Processor() {
                    @Override
                    public void open(ProcessorContext context) {
                    }

                    @Override
                    public WorkStatus process(Inputs ins, Outputs outs) {
                        InputPort p = ins.port(0);
                        if (p.available() == 0) {
                            return WorkStatus.NEED_INPUT;
                        }
                        Frame f = p.peek();
                        for (int r = 0; r < f.length(); r++) {
                            List<Long> d = new ArrayList<>();
                            d.add(f.index());
                            for (int k = 0; k < f.slotsPerElement(); k++) {
                                d.add(f.recordLong(r, k));
                            }
                            seen.add(d);
                        }
                        p.release();
                        return WorkStatus.OK;
                    }
                })
                .build());
    }
}

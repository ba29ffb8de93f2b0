package dev.weir.e2e;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.WorkStatus;
import dev.weir.nodes.radar.RadarNodes;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code test.radar_collect}: a sink that records every detection of {@code radar.cfar} for the end-to-end
 * tests. The test nodes of the runtime's test jar only take integer values and float streams, hence this one.
 *
 * <p>Its processor runs on an engine worker and allocates one record per detection (a test sink, never on a
 * real graph); the test thread reads {@link #detections()} after the run, through a concurrent queue.
 */
final class DetectionSink implements NodeProvider {

    /** One detection as the sink saw it. */
    record Detection(long cpi, double rangeM, double velocityMps, double snrDb, long rangeBin, long dopplerBin) {
    }

    private final Queue<Detection> detections = new ConcurrentLinkedQueue<>();
    private final Queue<Long> cpis = new ConcurrentLinkedQueue<>();

    /** Every detection recorded so far, in arrival order. */
    List<Detection> detections() {
        return List.copyOf(detections);
    }

    /** The index of every detection frame (CPI) received, in order, including CPIs without detections. */
    List<Long> cpis() {
        return List.copyOf(cpis);
    }

    /** Called by the registry when it loads providers. */
    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(NodeDescriptor.builder("test.radar_collect", 1)
                .category("Test")
                .param(ParamSpec.integer("max_detections", "Max detections", 32, 1, 65536, "", false, "port size"))
                .input(PortSpec.of("in", new DataType.RecordsOf(RadarNodes.DETECTIONS, Dim.param("max_detections")),
                        "detections"))
                .factory(() -> new Collect())
                .build());
    }

    private final class Collect implements Processor {
        private InputPort in;

        @Override
        public void open(ProcessorContext context) {
        }

        @Override
        public WorkStatus process(Inputs ins, Outputs outs) {
            if (in == null) {
                in = ins.port(0);
            }
            if (in.available() == 0) {
                return WorkStatus.NEED_INPUT;
            }
            while (in.available() > 0) {
                Frame f = in.peek();
                cpis.add(f.index());
                for (int i = 0; i < f.length(); i++) {
                    detections.add(new Detection(f.index(), f.recordDouble(i, RadarNodes.F_RANGE),
                            f.recordDouble(i, RadarNodes.F_VELOCITY), f.recordDouble(i, RadarNodes.F_SNR),
                            f.recordLong(i, RadarNodes.F_RANGE_BIN), f.recordLong(i, RadarNodes.F_DOPPLER_BIN)));
                }
                in.release();
            }
            return WorkStatus.OK;
        }
    }
}

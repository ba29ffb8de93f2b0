package dev.weir.engine.runtime.testnodes;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.api.Scheduling;
import dev.weir.engine.api.WorkStatus;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.api.preview.PreviewSpec;
import dev.weir.nodes.basic.BasicNodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Nodes that exist only to test the engine: a collecting sink, a slow sink, a sink that never reads, a node that
 * fails on request, a take-N node, a blocking source and a preview sink. Together with the basic nodes (counter, multiply, sum)
 * they build the seed shapes.
 *
 * <p>{@link #registry(Collector)} also wraps every descriptor's factory so that the collector learns of every
 * {@code open} and {@code close}, including the basic nodes'.
 */
public final class TestNodes implements NodeProvider {

    /** One integer per frame. */
    public static final DataType VALUE = new DataType.RecordsOf(RecordSchema.VALUE, Dim.of(1));

    private final Collector collector;

    public TestNodes(Collector collector) {
        this.collector = collector;
    }

    /** The basic nodes plus the test nodes, with open/close tracking for all of them. */
    public static NodeRegistry registry(Collector collector) {
        NodeRegistry plain = NodeRegistry.of(new BasicNodes(), new TestNodes(collector));
        List<NodeDescriptor> tracked = new ArrayList<>();
        for (NodeDescriptor d : plain.all()) {
            tracked.add(new NodeDescriptor(d.id(), d.version(), d.label(), d.category(), d.description(), d.inputs(),
                    d.outputs(), d.params(), d.rate(), d.scheduling(), d.acceleratorCapable(),
                    () -> new Tracked(d.factory().create(), collector), d.migrations(), d.inference(), d.preview()));
        }
        return NodeRegistry.of(() -> tracked);
    }

    private static ParamSpec element() {
        return new ParamSpec("element", "Element", new ParamType.ChoiceType(List.of("value", "f32")), "value", "",
                false, "value or f32");
    }

    private static ParamSpec chunk() {
        return ParamSpec.integer("chunk", "Chunk", 1024, 1, 1 << 20, "samples", false, "f32 chunk");
    }

    private static DataType elementType() {
        return new DataType.ByParam("element", Map.of("value", VALUE,
                "f32", new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk"))));
    }

    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(
                NodeDescriptor.builder("test.collect", 1).category("Test")
                        .param(element()).param(chunk())
                        .param(ParamSpec.integer("period_us", "Period", 0, 0, 1_000_000, "us", true,
                                "Consume at most one frame per period; 0 for as fast as possible."))
                        .input(PortSpec.of("in", elementType(), "values"))
                        .factory(() -> new Collect(collector)).build(),
                NodeDescriptor.builder("test.stuck_sink", 1).category("Test")
                        .param(element()).param(chunk())
                        .input(PortSpec.of("in", elementType(), "never read"))
                        .factory(Stuck::new).build(),
                NodeDescriptor.builder("test.fail", 1).category("Test")
                        .param(new ParamSpec("fail_in", "Fail in",
                                new ParamType.ChoiceType(List.of("open", "process", "complete", "close", "never")),
                                "process", "", false, "where to throw"))
                        .param(ParamSpec.integer("after", "After", 0, 0, Long.MAX_VALUE, "frames", false,
                                "frames passed through before failing in process"))
                        .input(PortSpec.of("in", VALUE, "values"))
                        .output(PortSpec.of("out", VALUE, "the same values"))
                        .factory(Fail::new).build(),
                NodeDescriptor.builder("test.take", 1).category("Test")
                        .param(ParamSpec.integer("n", "N", 10, 0, Long.MAX_VALUE, "frames", false, "frames to pass"))
                        .input(PortSpec.of("in", VALUE, "values"))
                        .output(PortSpec.of("out", VALUE, "the first n values"))
                        .factory(Take::new).build(),
                NodeDescriptor.builder("test.preview", 1).category("Test").preview()
                        .param(chunk())
                        .param(ParamSpec.bool("fail_open", "Fail open", false, false,
                                "throw from open after the slot is made"))
                        .input(PortSpec.of("in", new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk")),
                                "samples"))
                        .factory(Preview::new).build(),
                NodeDescriptor.builder("test.sleepy_source", 1).category("Test")
                        .scheduling(Scheduling.BLOCKING)
                        .param(ParamSpec.integer("sleep_ms", "Sleep", 10, 0, 60_000, "ms", false, "sleep per frame"))
                        .output(PortSpec.of("out", VALUE, "0, 1, 2, ..."))
                        .factory(Sleepy::new).build());
    }

    /** Reports open and close of the processor it wraps. */
    static final class Tracked implements Processor {
        private final Processor inner;
        private final Collector collector;
        private String nodeId;

        Tracked(Processor inner, Collector collector) {
            this.inner = inner;
            this.collector = collector;
        }

        @Override
        public void open(ProcessorContext context) throws Exception {
            nodeId = context.nodeId();
            collector.opened(nodeId);
            inner.open(context);
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            return inner.process(in, out);
        }

        @Override
        public void onParamsChanged(Params previous, Params next) {
            inner.onParamsChanged(previous, next);
        }

        @Override
        public WorkStatus complete(Outputs out) {
            return inner.complete(out);
        }

        @Override
        public void close() throws Exception {
            collector.closed(nodeId);
            inner.close();
        }
    }

    /** Records every value; optionally slow (one frame per period), which makes it the slow reader of tests. */
    static final class Collect implements Processor {
        private final Collector collector;
        private String id;
        private boolean floats;
        private long periodNanos;
        private long nextAt;

        Collect(Collector collector) {
            this.collector = collector;
        }

        @Override
        public void open(ProcessorContext context) {
            id = context.nodeId();
            floats = "f32".equals(context.params().getString("element"));
            periodNanos = context.params().getLong("period_us") * 1000;
        }

        @Override
        public void onParamsChanged(Params previous, Params next) {
            periodNanos = next.getLong("period_us") * 1000;
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            InputPort p = in.port(0);
            int n = 0;
            while (p.available() > 0) {
                if (periodNanos > 0) {
                    long now = System.nanoTime();
                    if (now < nextAt) {
                        return n > 0 ? WorkStatus.OK : WorkStatus.NEED_INPUT;
                    }
                    nextAt = now + periodNanos;
                }
                Frame f = p.peek();
                for (int i = 0; i < f.length(); i++) {
                    long v = floats ? (long) f.floats()[i] : f.recordLong(i, 0);
                    if (i == 0) {
                        collector.frame(id, v);
                    }
                    collector.add(id, v);
                }
                p.release();
                n++;
                if (periodNanos > 0) {
                    break;
                }
            }
            return n > 0 ? WorkStatus.OK : WorkStatus.NEED_INPUT;
        }
    }

    /** Never reads, so its edge fills up and its writer is blocked on a full edge. */
    static final class Stuck implements Processor {
        @Override
        public void open(ProcessorContext context) {
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            return WorkStatus.NEED_INPUT;
        }
    }

    /** Passes values through, and throws where told. */
    static final class Fail implements Processor {
        private String where;
        private long after;
        private long passed;

        @Override
        public void open(ProcessorContext context) {
            where = context.params().getString("fail_in");
            after = context.params().getLong("after");
            if (where.equals("open")) {
                throw new IllegalStateException("failing in open as asked");
            }
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            InputPort p = in.port(0);
            OutputPort o = out.port(0);
            if (p.available() == 0) {
                return WorkStatus.NEED_INPUT;
            }
            if (where.equals("process") && passed >= after) {
                throw new IllegalStateException("failing in process after " + passed + " frames as asked");
            }
            if (o.remaining() == 0) {
                return WorkStatus.NEED_OUTPUT_SPACE;
            }
            o.claim().copyFrom(p.peek());
            o.publish();
            p.release();
            passed++;
            return WorkStatus.OK;
        }

        @Override
        public WorkStatus complete(Outputs out) {
            if (where.equals("complete")) {
                throw new IllegalStateException("failing in complete as asked");
            }
            return WorkStatus.DONE;
        }

        @Override
        public void close() {
            if ("close".equals(where)) {
                throw new IllegalStateException("failing in close as asked");
            }
        }
    }

    /** Passes the first n frames, then reports DONE: what a head node does. */
    static final class Take implements Processor {
        private long n;
        private long passed;

        @Override
        public void open(ProcessorContext context) {
            n = context.params().getLong("n");
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            if (passed >= n) {
                return WorkStatus.DONE;
            }
            InputPort p = in.port(0);
            OutputPort o = out.port(0);
            if (p.available() == 0) {
                return WorkStatus.NEED_INPUT;
            }
            if (o.remaining() == 0) {
                return WorkStatus.NEED_OUTPUT_SPACE;
            }
            o.claim().copyFrom(p.peek());
            o.publish();
            p.release();
            passed++;
            return WorkStatus.OK;
        }
    }

    /**
     * A minimal preview sink: opens one TIME_PLOT slot and publishes every chunk it takes into it, unthrottled, so
     * the slot always ends holding the last chunk of the stream.
     */
    static final class Preview implements Processor {
        private PreviewSlot slot;

        @Override
        public void open(ProcessorContext context) {
            int chunk = context.params().getInt("chunk");
            slot = context.openPreview(PreviewSpec.of(PreviewKind.TIME_PLOT, context.nodeId()),
                    List.of(new DataType.SampleStream(ElementType.FLOAT32, Dim.of(chunk))));
            if (context.params().getBoolean("fail_open")) {
                throw new IllegalStateException("failing in open after making the slot, as asked");
            }
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            InputPort p = in.port(0);
            if (p.available() == 0) {
                return WorkStatus.NEED_INPUT;
            }
            while (p.available() > 0) {
                slot.claim()[0].copyFrom(p.peek());
                slot.publish();
                p.release();
            }
            return WorkStatus.OK;
        }
    }

    /** A blocking source: sleeps in every process call, as a node waiting on a device would. */
    static final class Sleepy implements Processor {
        private long sleepMs;
        private long next;

        @Override
        public void open(ProcessorContext context) {
            sleepMs = context.params().getLong("sleep_ms");
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            OutputPort o = out.port(0);
            if (o.remaining() == 0) {
                return WorkStatus.NEED_OUTPUT_SPACE;
            }
            try {
                Thread.sleep(sleepMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            o.claim().setLength(1).setRecordLong(0, 0, next++);
            o.publish();
            return WorkStatus.OK;
        }
    }
}

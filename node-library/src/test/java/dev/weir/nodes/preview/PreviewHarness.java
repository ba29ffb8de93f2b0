package dev.weir.nodes.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.WorkStatus;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.api.preview.PreviewSpec;
import dev.weir.engine.api.testing.TestContext;
import dev.weir.engine.api.testing.TestInputPort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives one preview processor by hand and keeps the slot it opens, so tests can read what it published: the
 * {@link dev.weir.engine.api.testing.ProcessorVerifier} checks the processor contract but never sees a slot.
 */
final class PreviewHarness {

    final Processor processor;
    final Map<String, TestInputPort> ports = new LinkedHashMap<>();
    private final Inputs inputs;
    private final Outputs outputs = new Outputs(List.of());
    private final ProcessorContext context;
    private PreviewSlot slot;

    /**
     * Opens a processor of {@code d}.
     *
     * @param fed         types of the frames fed to inputs whose declared size is open, by port name
     * @param unconnected optional inputs left without an edge
     */
    PreviewHarness(NodeDescriptor d, Params params, Map<String, DataType> fed, Set<String> unconnected)
            throws Exception {
        TestContext tc = TestContext.inferred("pv", d, params, unconnected, fed);
        context = new Capturing(tc);
        processor = d.factory().create();
        processor.open(context);
        assertThat(slot).as("the node opened its slot in open").isNotNull();
        // Ports after open, so that a node refusing an input it cannot size is what a test sees.
        List<TestInputPort> list = new ArrayList<>();
        for (ResolvedPort p : tc.inputs()) {
            TestInputPort port = new TestInputPort(p, !unconnected.contains(p.name()));
            if (unconnected.contains(p.name())) {
                port.endStream();
            }
            ports.put(p.name(), port);
            list.add(port);
        }
        inputs = new Inputs(list);
    }

    PreviewHarness(NodeDescriptor d, Params params, Map<String, DataType> fed) throws Exception {
        this(d, params, fed, Set.of());
    }

    /** Feeds frames to input {@code port} and calls {@code process} once. */
    WorkStatus feed(String port, Frame... frames) {
        ports.get(port).feed(frames);
        return process();
    }

    WorkStatus process() {
        return processor.process(inputs, outputs);
    }

    /** Calls {@code complete}, which publishes whatever the rate limit held back. */
    void complete() {
        assertThat(processor.complete(outputs)).isEqualTo(WorkStatus.DONE);
    }

    PreviewSlot slot() {
        return slot;
    }

    PreviewSpec spec() {
        return slot.spec();
    }

    /** The newest published lanes, failing when nothing was published. */
    Frame[] latest() {
        Frame[] lanes = slot.acquire();
        assertThat(lanes).as("something was published").isNotNull();
        return lanes;
    }

    /** A context that records the slot the processor opens. */
    private final class Capturing implements ProcessorContext {
        private final TestContext inner;

        Capturing(TestContext inner) {
            this.inner = inner;
        }

        @Override
        public String nodeId() {
            return inner.nodeId();
        }

        @Override
        public NodeDescriptor descriptor() {
            return inner.descriptor();
        }

        @Override
        public Params params() {
            return inner.params();
        }

        @Override
        public List<ResolvedPort> inputs() {
            return inner.inputs();
        }

        @Override
        public List<ResolvedPort> outputs() {
            return inner.outputs();
        }

        @Override
        public boolean isInputConnected(String name) {
            return inner.isInputConnected(name);
        }

        @Override
        public System.Logger logger() {
            return inner.logger();
        }

        @Override
        public PreviewSlot openPreview(PreviewSpec spec, List<DataType> laneTypes) {
            assertThat(slot).as("one slot per node").isNull();
            slot = inner.openPreview(spec, laneTypes);
            return slot;
        }
    }
}

package dev.weir.benchmarks;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.ResolvedPort;

import java.util.List;

/**
 * Ports and a context for driving one processor directly, without an engine, in the benchmarks that measure a node's
 * own overhead against the bare library call (FFT, YOLO, the kernel chain). None of them allocates per call.
 */
final class BenchPorts {

    private BenchPorts() {
    }

    /** Serves the same frame for ever. */
    record LoopingInput(String name, DataType type, Frame frame) implements InputPort {

        /** Input {@code in}, of the frame's own type. */
        LoopingInput(Frame frame) {
            this("in", frame.type(), frame);
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public int available() {
            return 1;
        }

        @Override
        public Frame peek() {
            return frame;
        }

        @Override
        public void release() {
        }

        @Override
        public int position() {
            return 0;
        }

        @Override
        public void consume(int elements) {
        }

        @Override
        public boolean isEndOfStream() {
            return false;
        }
    }

    /** Takes one frame per operation and drops it; {@link #reset()} before each operation. */
    static final class DiscardingOutput implements OutputPort {
        private final String name;
        private final DataType type;
        private final Frame frame;
        int published;

        DiscardingOutput(String name, DataType type) {
            this.name = name;
            this.type = type;
            this.frame = new Frame(type);
        }

        void reset() {
            published = 0;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DataType type() {
            return type;
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public int remaining() {
            return published == 0 ? 1 : 0;
        }

        @Override
        public Frame claim() {
            return frame;
        }

        @Override
        public void publish() {
            published++;
        }
    }

    /** Every input connected; the logger is named {@code bench.NODE_ID}. */
    record Context(String nodeId, NodeDescriptor descriptor, Params params, List<ResolvedPort> inputs,
                   List<ResolvedPort> outputs) implements ProcessorContext {
        @Override
        public boolean isInputConnected(String name) {
            return true;
        }

        @Override
        public System.Logger logger() {
            return System.getLogger("bench." + nodeId);
        }
    }
}

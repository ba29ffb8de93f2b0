package dev.weir.engine.api;

import dev.weir.engine.api.testing.Frames;

/**
 * Small, correct node types used to test the verifier and the SPI: each one is written the way a real node
 * should be (params read in open, indexes resolved once, no allocation in process, back-pressure honoured).
 */
final class SampleNodes {

    static final DataType F32 = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(64));

    private SampleNodes() {
    }

    /** {@code out = in * factor}, frame by frame; {@code factor} is hot-updatable. */
    static final NodeDescriptor GAIN = gainLike("test.gain", Gain::new);

    /** A descriptor with the gain's ports and params but another processor, for broken variants. */
    static NodeDescriptor gainLike(String id, ProcessorFactory factory) {
        return NodeDescriptor.builder(id, 1)
                .label("Gain")
                .category("Test")
                .input(PortSpec.of("in", F32, "samples in"))
                .output(PortSpec.of("out", F32, "scaled samples"))
                .param(ParamSpec.real("factor", "Factor", 1.0, -1e6, 1e6, "", true, "multiplier"))
                .factory(factory)
                .build();
    }

    static class Gain implements Processor {
        private float factor;

        @Override
        public void open(ProcessorContext context) {
            factor = (float) context.params().getDouble("factor");
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            InputPort i = in.port(0);
            OutputPort o = out.port(0);
            boolean progressed = false;
            while (i.available() > 0) {
                if (o.remaining() == 0) {
                    return progressed ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
                }
                Frame src = i.peek();
                Frame dst = o.claim();
                int n = src.length();
                float[] s = src.floats();
                float[] d = dst.floats();
                for (int k = 0; k < n; k++) {
                    d[k] = s[k] * factor;
                }
                dst.setLength(n).copyHeaderFrom(src);
                o.publish();
                i.release();
                progressed = true;
            }
            return progressed ? WorkStatus.OK : WorkStatus.NEED_INPUT;
        }

        @Override
        public void onParamsChanged(Params previous, Params next) {
            factor = (float) next.getDouble("factor");
        }
    }

    /** A finite source: {@code count} single-record frames holding {@code offset + i}, index {@code i}. */
    static final NodeDescriptor COUNTER = NodeDescriptor.builder("test.count", 1)
            .output(PortSpec.of("out", Frames.VALUE_TYPE, "counts"))
            .param(ParamSpec.integer("count", "Count", 5, 0, 1_000_000, "", false, "frames to emit"))
            .param(ParamSpec.integer("offset", "Offset", 0, -1000, 1000, "", true, "added to each value"))
            .factory(Counter::new)
            .build();

    static final class Counter implements Processor {
        private long count;
        private long offset;
        private long next;

        @Override
        public void open(ProcessorContext context) {
            count = context.params().getLong("count");
            offset = context.params().getLong("offset");
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            if (next >= count) {
                return WorkStatus.DONE;
            }
            OutputPort o = out.port(0);
            if (o.remaining() == 0) {
                return WorkStatus.NEED_OUTPUT_SPACE;
            }
            Frame f = o.claim();
            f.setLength(1).setIndex(next).setRecordLong(0, 0, next + offset);
            o.publish();
            next++;
            return WorkStatus.OK;
        }

        @Override
        public void onParamsChanged(Params previous, Params next) {
            offset = next.getLong("offset");
        }
    }

    /** An endless source of float chunks 0, 1, 2, ..., sized by {@code chunk}, indexed by sample offset. */
    static final NodeDescriptor RAMP = NodeDescriptor.builder("test.ramp", 1)
            .output(PortSpec.of("out", new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk")), "ramp"))
            .param(ParamSpec.integer("chunk", "Chunk", 4, 1, 4096, "samples", false, "samples per frame"))
            .param(ParamSpec.real("sample_rate", "Sample rate", 1000.0, 1, 1e9, "Hz", false, "tag value"))
            .factory(Ramp::new)
            .build();

    static final class Ramp implements Processor {
        private double rate;
        private long offset;

        @Override
        public void open(ProcessorContext context) {
            rate = context.params().getDouble("sample_rate");
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            OutputPort o = out.port(0);
            if (o.remaining() == 0) {
                return WorkStatus.NEED_OUTPUT_SPACE;
            }
            Frame f = o.claim();
            int n = f.capacity();
            float[] d = f.floats();
            for (int k = 0; k < n; k++) {
                d[k] = offset + k;
            }
            f.setLength(n).setIndex(offset).setSampleRate(rate);
            o.publish();
            offset += n;
            return WorkStatus.OK;
        }
    }

    /**
     * Re-chunks a sample stream into frames of exactly {@code size} samples, taking partial input frames with
     * {@link InputPort#consume(int)}; the partial tail is flushed by {@code complete}.
     */
    static final NodeDescriptor RECHUNK = NodeDescriptor.builder("test.rechunk", 1)
            .input(PortSpec.of("in", F32, "samples"))
            .output(PortSpec.of("out", new DataType.SampleStream(ElementType.FLOAT32, Dim.param("size")), "chunks"))
            .param(ParamSpec.integer("size", "Size", 4, 1, 4096, "samples", false, "samples per output frame"))
            .factory(Rechunk::new)
            .build();

    static final class Rechunk implements Processor {
        private float[] buffer;
        private int fill;
        private long emitted;

        @Override
        public void open(ProcessorContext context) {
            buffer = new float[context.params().getInt("size")];
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            InputPort i = in.port(0);
            OutputPort o = out.port(0);
            boolean progressed = false;
            while (true) {
                if (fill == buffer.length) {
                    if (o.remaining() == 0) {
                        return progressed ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
                    }
                    emit(o);
                    progressed = true;
                    continue;
                }
                if (i.available() == 0) {
                    return progressed ? WorkStatus.OK : WorkStatus.NEED_INPUT;
                }
                Frame f = i.peek();
                int pos = i.position();
                int take = Math.min(buffer.length - fill, f.length() - pos);
                System.arraycopy(f.floats(), pos, buffer, fill, take);
                fill += take;
                i.consume(take);
                progressed = true;
            }
        }

        @Override
        public WorkStatus complete(Outputs out) {
            if (fill == 0) {
                return WorkStatus.DONE;
            }
            OutputPort o = out.port(0);
            if (o.remaining() == 0) {
                return WorkStatus.NEED_OUTPUT_SPACE;
            }
            emit(o);
            return WorkStatus.OK;
        }

        private void emit(OutputPort o) {
            Frame f = o.claim();
            System.arraycopy(buffer, 0, f.floats(), 0, fill);
            f.setLength(fill).setIndex(emitted);
            o.publish();
            emitted += fill;
            fill = 0;
        }
    }

    /** Sums the heads of {@code inputs} VALUE streams into one VALUE stream; ports {@code in0, in1, ...}. */
    static final NodeDescriptor ADD = NodeDescriptor.builder("test.add", 1)
            .input(PortSpec.of("in", Frames.VALUE_TYPE, "terms").times(Dim.param("inputs")))
            .output(PortSpec.of("out", Frames.VALUE_TYPE, "sum"))
            .param(ParamSpec.integer("inputs", "Inputs", 2, 1, 16, "", false, "number of terms"))
            .factory(Add::new)
            .build();

    static final class Add implements Processor {
        @Override
        public void open(ProcessorContext context) {
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            OutputPort o = out.port(0);
            boolean progressed = false;
            while (true) {
                if (in.minAvailable() == 0) {
                    return progressed ? WorkStatus.OK : WorkStatus.NEED_INPUT;
                }
                if (o.remaining() == 0) {
                    return progressed ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
                }
                long sum = 0;
                for (int k = 0; k < in.size(); k++) {
                    sum += in.port(k).peek().recordLong(0, 0);
                }
                o.claim().setLength(1).setRecordLong(0, 0, sum);
                o.publish();
                for (int k = 0; k < in.size(); k++) {
                    in.port(k).release();
                }
                progressed = true;
            }
        }
    }

    /** A sink: counts samples, logs the total when the stream ends. */
    static final NodeDescriptor COUNT_SINK = NodeDescriptor.builder("test.count_sink", 1)
            .input(PortSpec.of("in", F32, "samples"))
            .factory(CountSink::new)
            .build();

    static final class CountSink implements Processor {
        private long samples;
        private System.Logger logger;

        @Override
        public void open(ProcessorContext context) {
            logger = context.logger();
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            InputPort i = in.port(0);
            if (i.available() == 0) {
                return WorkStatus.NEED_INPUT;
            }
            while (i.available() > 0) {
                samples += i.peek().length();
                i.release();
            }
            return WorkStatus.OK;
        }

        @Override
        public WorkStatus complete(Outputs out) {
            logger.log(System.Logger.Level.DEBUG, "counted {0} samples", samples);
            return WorkStatus.DONE;
        }
    }
}

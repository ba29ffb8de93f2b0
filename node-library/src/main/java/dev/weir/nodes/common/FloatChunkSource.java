package dev.weir.nodes.common;

import dev.weir.engine.api.Frame;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.WorkStatus;

/**
 * The emit loop every float-stream generator shares (sinusoids, EEG): fill the next chunk, tag it with its sample
 * offset and the sample rate, publish, and end after {@link #count} samples (never, when 0). Subclasses only
 * compute samples in {@link #fill}.
 *
 * <p>{@code process} is called on the node's worker thread; it does a bounded number of frames per call, returns at
 * once when the output is full, and allocates nothing.
 */
public abstract class FloatChunkSource implements Processor {

    private final int maxFramesPerCall;
    private OutputPort out;
    /** Samples to emit in all; 0 for no end. Set by the subclass in {@code open}. */
    protected long count;
    /** The {@code sample_rate} tag of every frame. Set by the subclass in {@code open}. */
    protected double sampleRate;
    /** Samples emitted so far: the index of the next frame's first sample. */
    protected long emitted;

    /** @param maxFramesPerCall frames one {@code process} call may publish, to keep a call short */
    protected FloatChunkSource(int maxFramesPerCall) {
        this.maxFramesPerCall = maxFramesPerCall;
    }

    /**
     * Writes the next {@code n} samples (samples {@link #emitted} .. emitted + n - 1) into {@code a}; complex
     * outputs write 2n interleaved slots. Called from {@code process}: must not allocate.
     */
    protected abstract void fill(float[] a, int n);

    @Override
    public final WorkStatus process(Inputs in, Outputs outs) {
        if (out == null) {
            out = outs.port(0);
        }
        int frames = 0;
        while (frames < maxFramesPerCall) {
            if (count > 0 && emitted >= count) {
                return WorkStatus.DONE;
            }
            if (out.remaining() == 0) {
                return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
            }
            Frame f = out.claim();
            int n = f.capacity();
            if (count > 0) {
                n = (int) Math.min(n, count - emitted);
            }
            fill(f.floats(), n);
            f.setLength(n).setIndex(emitted).setSampleRate(sampleRate);
            out.publish();
            emitted += n;
            frames++;
        }
        return WorkStatus.OK;
    }
}

package dev.weir.nodes.common;

import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.WorkStatus;

/**
 * The loop every node with one input and one output that turns each whole frame into one frame shares (pulse
 * compression, IFFT, magnitude, CFAR): take the head frame, claim an output frame with the input's header, let the
 * subclass compute it, publish, release. Subclasses only write {@link #map}.
 *
 * <p>{@code process} is called on the node's worker thread; it handles a bounded number of frames per call,
 * returns at once on empty input or full output, and allocates nothing.
 */
public abstract class FrameMapper implements Processor {

    private final int maxFramesPerCall;
    private InputPort in;
    private OutputPort out;

    /** @param maxFramesPerCall frames one {@code process} call may map, to keep a call short */
    protected FrameMapper(int maxFramesPerCall) {
        this.maxFramesPerCall = maxFramesPerCall;
    }

    /**
     * Computes {@code dst} from {@code src}. {@code dst} already carries {@code src}'s header (index, time stamp,
     * sample rate, flags) and its own type's initial length; {@code src} is shared with other readers and must not
     * be written. Called from {@code process}: must not allocate.
     */
    protected abstract void map(Frame src, Frame dst);

    @Override
    public final WorkStatus process(Inputs ins, Outputs outs) {
        if (in == null) {
            in = ins.port(0);
            out = outs.port(0);
        }
        for (int frames = 0; frames < maxFramesPerCall; frames++) {
            if (in.available() == 0) {
                return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_INPUT;
            }
            if (out.remaining() == 0) {
                return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
            }
            Frame src = in.peek();
            Frame dst = out.claim();
            dst.copyHeaderFrom(src);
            map(src, dst);
            out.publish();
            in.release();
        }
        return WorkStatus.OK;
    }
}

package dev.weir.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Derives a node's output types from what actually feeds it, for sizes its params cannot know: an image filter
 * outputs images of its input's size; a video source outputs images of the size stored in its file.
 *
 * <p>Validation runs it in topological order, so each node sees its writers' final types (the way GStreamer
 * negotiates caps downstream, but decided once before the run, so every frame of every edge is still
 * preallocated). It only ever replaces dimensions the descriptor leaves open ({@link Dim.Any}): a node whose
 * ports are fully sized by params does not need it.
 *
 * <pre>
 *   declared ports ──resolve(params)──▶ inputs with Any dims ──types of the feeding outputs──▶ fed inputs
 *                                                                                                │
 *   outputs the planner sizes frames from ◀──────────────── TypeInference.outputs(params, fed inputs, declared)
 * </pre>
 */
@FunctionalInterface
public interface TypeInference {

    /**
     * The node's output types.
     *
     * <p><b>Called</b> by the graph validator, on whichever thread validates (the editor's UI thread after each
     * edit, the engine's planning thread before a run), possibly many times for one node instance. It must be a
     * pure function of its arguments, may allocate, and may block briefly to read a file header (a video
     * source probes its file); such an implementation should cache its answer by path and modification time.
     *
     * @param params  the node's complete canonical params
     * @param inputs  the node's input ports; an input fed by an edge carries the feeding output's type when the
     *                declared type left a dimension open, otherwise the declared type (possibly still open)
     * @param outputs the node's output ports as declared, resolved against the params
     * @return one type per output, in order; a type may stay open when the inputs do not fix it yet
     * @throws IllegalArgumentException with a message fit for the user, naming the param or input at fault
     *                                  (a file that cannot be opened, an input of the wrong shape)
     */
    List<DataType> outputs(Params params, List<ResolvedPort> inputs, List<ResolvedPort> outputs);

    /** Keeps the declared output types: the inference of every node that does not set one. */
    TypeInference DECLARED = (params, inputs, outputs) -> outputs.stream().map(ResolvedPort::type).toList();

    /**
     * Image outputs whose width or height is {@link Dim.Any} take that dimension from the image on input
     * {@code inputPort}: the inference of filters that keep the size (grey, blur, Sobel) or change only the
     * pixel format.
     */
    static TypeInference imageSizeFrom(String inputPort) {
        Objects.requireNonNull(inputPort, "inputPort");
        return (params, inputs, outputs) -> {
            DataType.ImageOf source = null;
            for (ResolvedPort in : inputs) {
                if (in.name().equals(inputPort) && in.type() instanceof DataType.ImageOf img) {
                    source = img;
                }
            }
            List<DataType> types = new ArrayList<>(outputs.size());
            for (ResolvedPort out : outputs) {
                if (source != null && out.type() instanceof DataType.ImageOf img) {
                    types.add(new DataType.ImageOf(img.format(),
                            img.width() instanceof Dim.Any ? source.width() : img.width(),
                            img.height() instanceof Dim.Any ? source.height() : img.height()));
                } else {
                    types.add(out.type());
                }
            }
            return types;
        };
    }
}

package dev.weir.nodes.io;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Scheduling;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * {@code io.npy_sink}: a float32 stream as a 1-D {@code .npy} array, or a stream of matrices (such as scalograms
 * from {@code dsp.cwt_morlet}) as a 3-D array {@code (frames, rows, cols)}. The header is written in {@code open}
 * with length 0 and patched in {@code close}, when the length is known; it is padded like numpy's so its size never
 * changes (see {@link Npy}). The file is byte for byte what {@code numpy.save} writes for the same array.
 */
final class NpySinkNode extends FileSink {

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("io.npy_sink", 1)
                .label("NumPy file sink")
                .category("IO/Sinks")
                .description("Writes float32 samples as a 1-D .npy array, or float32 matrices as a 3-D "
                        + "(frames, rows, cols) array.")
                .param(pathParam("The .npy file to create or replace."))
                .param(new ParamSpec("layout", "Layout", new ParamType.ChoiceType(List.of("stream", "matrix")),
                        "stream", "", false, "stream: a sample stream; matrix: rows x cols matrices."))
                .param(chunkParam())
                .param(ParamSpec.integer("rows", "Rows", 1, 1, 1 << 16, "", false, "Matrix rows (layout matrix)."))
                .param(ParamSpec.integer("cols", "Columns", 1, 1, 1 << 24, "", false, "Matrix columns (layout matrix)."))
                .input(PortSpec.of("in", new DataType.ByParam("layout", Map.of(
                        "stream", streamType(),
                        "matrix", new DataType.MatrixOf(ElementType.FLOAT32, Dim.param("rows"), Dim.param("cols")))),
                        "Samples or matrices."))
                .scheduling(Scheduling.BLOCKING)
                .factory(NpySinkNode::new)
                .build();
    }

    private boolean matrix;
    private long rows;
    private long cols;

    @Override
    void begin(Params params) throws IOException {
        matrix = "matrix".equals(params.getString("layout"));
        rows = params.getLong("rows");
        cols = params.getLong("cols");
        writeHeader();
    }

    @Override
    void end() throws IOException {
        int headerBytes = writeHeader();
        // Drop the part of a frame a stop interrupted, so the data is exactly what the header announces.
        channel.truncate(headerBytes + 4 * (matrix ? frames * rows * cols : values));
        channel.force(false);
    }

    private int writeHeader() throws IOException {
        ByteBuffer h = Npy.header(matrix ? new long[] {frames, rows, cols} : new long[] {values});
        int size = h.remaining();
        long at = 0;
        while (h.hasRemaining()) {
            at += channel.write(h, at);
        }
        if (channel.position() < at) {
            channel.position(at);
        }
        return size;
    }
}

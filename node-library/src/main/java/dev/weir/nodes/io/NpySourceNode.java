package dev.weir.nodes.io;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Scheduling;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * {@code io.npy_source}: a one-dimensional NumPy array from a {@code .npy} file (format 1.0, 2.0 or 3.0). dtypes
 * {@code <f4} and {@code <f8} (narrowed to float32) stream as f32, {@code <c8} as c64; any other dtype, a
 * Fortran-order or multi-dimensional array is refused in {@code open} with a message naming the file and the
 * dtype or shape.
 */
final class NpySourceNode extends FileSource {

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("io.npy_source", 1)
                .label("NumPy file source")
                .category("IO/Sources")
                .description("Reads a 1-D .npy array of dtype <f4, <f8 (converted to float32) or <c8 (complex64).")
                .param(pathParam("The .npy file to read."))
                .param(elementParam("f32 for <f4 and <f8 files, c64 for <c8 files; must match the file."))
                .param(chunkParam())
                .param(sampleRateParam("Tag for the frames (.npy files carry no rate); 0 when unknown."))
                .param(repeatParam())
                .output(PortSpec.of("out", elementType(), "The array's elements."))
                .scheduling(Scheduling.BLOCKING)
                .factory(NpySourceNode::new)
                .build();
    }

    @Override
    Layout layout(FileChannel ch, long size, Params params, String where) throws IOException {
        Npy.Header h = Npy.read(ch, size, where);
        Encoding e = switch (h.descr()) {
            case "<f4" -> Encoding.F32;
            case "<f8" -> Encoding.F64;
            case "<c8" -> Encoding.C64;
            default -> throw new IOException(where + ": dtype '" + h.descr()
                    + "' is not supported (use <f4, <f8 or <c8)");
        };
        if (h.shape().length != 1) {
            throw new IOException(where + ": holds an array of shape " + java.util.Arrays.toString(h.shape())
                    + "; only 1-D arrays can be streamed");
        }
        return new Layout(h.dataOffset(), h.shape()[0], e.bytes, e, 0);
    }
}

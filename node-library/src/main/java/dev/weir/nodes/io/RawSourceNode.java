package dev.weir.nodes.io;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Scheduling;

import java.nio.channels.FileChannel;

/**
 * {@code io.raw_source}: headerless interleaved little-endian float32 or complex64 samples, as GNU Radio's file
 * sink writes them and its file source reads them. A trailing partial element is ignored.
 */
final class RawSourceNode extends FileSource {

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("io.raw_source", 1)
                .label("Raw file source")
                .category("IO/Sources")
                .description("Reads headerless little-endian float32 or complex64 (re, im) samples, as GNU Radio's "
                        + "file source.")
                .param(pathParam("The file to read."))
                .param(elementParam("f32: float32 samples; c64: complex64 (float32 re, im pairs)."))
                .param(chunkParam())
                .param(sampleRateParam("Tag for the frames (the file does not say); 0 when unknown."))
                .param(repeatParam())
                .output(PortSpec.of("out", elementType(), "The samples."))
                .scheduling(Scheduling.BLOCKING)
                .factory(RawSourceNode::new)
                .build();
    }

    @Override
    Layout layout(FileChannel ch, long size, Params params, String where) {
        boolean complex = C64.equals(params.getString("element"));
        return new Layout(0, -1, complex ? 8 : 4, complex ? Encoding.C64 : Encoding.F32, 0);
    }
}

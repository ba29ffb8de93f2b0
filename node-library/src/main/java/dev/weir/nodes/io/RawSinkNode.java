package dev.weir.nodes.io;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Scheduling;

/** {@code io.raw_sink}: headerless little-endian float32 samples, as GNU Radio's file sink writes them. */
final class RawSinkNode extends FileSink {

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("io.raw_sink", 1)
                .label("Raw file sink")
                .category("IO/Sinks")
                .description("Writes float32 samples, little-endian and headerless (GNU Radio's file sink format).")
                .param(pathParam("The file to create or replace."))
                .param(chunkParam())
                .input(PortSpec.of("in", streamType(), "Samples."))
                .scheduling(Scheduling.BLOCKING)
                .factory(RawSinkNode::new)
                .build();
    }
}

package dev.weir.nodes.video;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;

import java.util.List;

/**
 * Video and image file I/O on FFmpeg (through the JavaCPP presets): {@code video.file_source},
 * {@code image.file_source}, {@code video.file_sink} (H.264 in MP4) and {@code image.sequence_sink}. All are
 * BLOCKING, on threads of their own, since they wait on files and codecs.
 */
public final class VideoNodes implements NodeProvider {

    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(VideoFileSourceNode.descriptor(), ImageFileSourceNode.descriptor(),
                VideoFileSinkNode.descriptor(), ImageSequenceSinkNode.descriptor());
    }
}

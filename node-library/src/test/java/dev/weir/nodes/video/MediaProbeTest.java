package dev.weir.nodes.video;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.Scheduling;
import dev.weir.engine.api.testing.Assets;
import dev.weir.engine.api.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static dev.weir.nodes.video.VideoTestSupport.image;
import static dev.weir.nodes.video.VideoTestSupport.losslessClip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sources' type inference: sizes from the file header, cached by path, size and modification time, and one
 * clear message naming the param and the file when the file cannot be read (the validator shows it on the node).
 */
class MediaProbeTest {

    private static final NodeDescriptor VIDEO = VideoFileSourceNode.descriptor();
    private static final NodeDescriptor IMAGE = ImageFileSourceNode.descriptor();

    @TempDir
    Path tmp;

    private static DataType inferredOutput(NodeDescriptor d, Params params) {
        return TestContext.inferred("n", d, params, Set.of(), Map.of()).outputs().getFirst().type();
    }

    @Test
    void vtestIs768x576At10FpsInEveryPixelFormat() {
        Path vtest = Assets.require("video/vtest.avi");
        assertThat(MediaProbe.probe("path", "video", vtest.toString()))
                .isEqualTo(new MediaProbe.Info(768, 576, 10.0, "msmpeg4v3"));
        assertThat(inferredOutput(VIDEO, Params.of("path", vtest.toString())))
                .isEqualTo(image(PixelFormat.BGR24, 768, 576));
        assertThat(inferredOutput(VIDEO, Params.of("path", vtest.toString(), "pixel_format", "gray8")))
                .isEqualTo(image(PixelFormat.GRAY8, 768, 576));
    }

    @Test
    void aMissingFileIsNamedWithTheParam() {
        Path missing = tmp.resolve("y.avi");
        assertThatThrownBy(() -> inferredOutput(VIDEO, Params.of("path", missing.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("param 'path': cannot open video '" + missing + "': No such file");
    }

    @Test
    void aCorruptFileIsNamedWithFfmpegsReason() throws Exception {
        Path junk = tmp.resolve("junk.avi");
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        Files.write(junk, bytes);
        assertThatThrownBy(() -> inferredOutput(VIDEO, Params.of("path", junk.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("param 'path': cannot open video '" + junk + "': Invalid data found when processing input");

        Path text = tmp.resolve("notes.jpg");
        Files.writeString(text, "not a picture\n");
        assertThatThrownBy(() -> inferredOutput(IMAGE, Params.of("path", text.toString())))
                .hasMessageStartingWith("param 'path': cannot open image '" + text + "': ");
    }

    @Test
    void aFolderOrNoPathIsRefused() {
        assertThatThrownBy(() -> inferredOutput(VIDEO, Params.of("path", tmp.toString())))
                .hasMessage("param 'path': cannot open video '" + tmp + "': it is a directory");
        assertThatThrownBy(() -> inferredOutput(VIDEO, Params.of()))
                .hasMessage("param 'path': no video file chosen");
    }

    @Test
    void answersAreCachedUntilTheFileChanges() throws Exception {
        Path clip = losslessClip(tmp, "c.mkv", 64, 48, 2, 10);
        MediaProbe.Info first = MediaProbe.probe("path", "video", clip.toString());
        assertThat(MediaProbe.probe("path", "video", clip.toString())).isSameAs(first);
        // Replaced on disk (a new size and a new time stamp): probed afresh.
        losslessClip(tmp, "c.mkv", 32, 24, 2, 10);
        Files.setLastModifiedTime(clip, FileTime.fromMillis(Files.getLastModifiedTime(clip).toMillis() + 2000));
        assertThat(MediaProbe.probe("path", "video", clip.toString()))
                .isEqualTo(new MediaProbe.Info(32, 24, 10.0, "png"));
    }

    /** A class loader of its own over the test class path, to see which classes a piece of code loads. */
    private static final class Isolated extends java.net.URLClassLoader {
        Isolated() throws Exception {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        private static java.net.URL[] classPath() throws Exception {
            String[] parts = System.getProperty("java.class.path").split(java.io.File.pathSeparator);
            java.net.URL[] urls = new java.net.URL[parts.length];
            for (int i = 0; i < parts.length; i++) {
                urls[i] = Path.of(parts[i]).toUri().toURL();
            }
            return urls;
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    @Test
    void listingTheNodeTypesDoesNotLoadFfmpeg() throws Exception {
        try (Isolated loader = new Isolated()) {
            Class<?> provider = Class.forName(VideoNodes.class.getName(), true, loader);
            Object descriptors = provider.getMethod("descriptors").invoke(provider.getConstructor().newInstance());
            assertThat((java.util.List<?>) descriptors).hasSize(4);
            // The registry builds every descriptor when it loads (the palette, `weir nodes`): that must not unpack
            // and load FFmpeg's 27 MB of natives.
            assertThat(loader.loaded(VideoNodes.class.getName())).isTrue();
            assertThat(loader.loaded("org.bytedeco.ffmpeg.global.avutil")).isFalse();
            assertThat(loader.loaded(Ffmpeg.class.getName())).isFalse();
        }
    }

    @Test
    void theFourNodesAreFoundThroughServiceLoaderAsBlockingVideoIo() {
        NodeRegistry registry = NodeRegistry.load(getClass().getClassLoader());
        for (String id : new String[] {"video.file_source", "image.file_source", "video.file_sink", "image.sequence_sink"}) {
            NodeDescriptor d = registry.find(id).orElseThrow(() -> new AssertionError(id + " is not registered"));
            assertThat(d.category()).isEqualTo("Video/IO");
            assertThat(d.scheduling()).isEqualTo(Scheduling.BLOCKING);
        }
    }
}

package dev.weir.nodes;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.InputFiles;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.testing.Assets;
import dev.weir.engine.api.testing.TestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every node that reads a file finds a relative path in Weir's home when the working directory (here the module
 * folder) has no such file, as the installed examples need; and without the home the same params fail, so the
 * home is what made them work. The rule itself is tested in engine/api ({@code InputFilesTest}).
 */
class InputFilesInNodesTest {

    private static final NodeRegistry REGISTRY = NodeRegistry.load(InputFilesInNodesTest.class.getClassLoader());
    private static final DataType VTEST_IMAGE = new DataType.ImageOf(PixelFormat.BGR24, Dim.of(768), Dim.of(576));

    @TempDir
    Path home;

    private String before;

    @BeforeEach
    void setHome() {
        before = System.getProperty(InputFiles.HOME_PROPERTY);
        System.setProperty(InputFiles.HOME_PROPERTY, home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (before == null) {
            System.clearProperty(InputFiles.HOME_PROPERTY);
        } else {
            System.setProperty(InputFiles.HOME_PROPERTY, before);
        }
    }

    private Path inHome(String relative, Path content) throws Exception {
        Path target = home.resolve(relative);
        Files.createDirectories(target.getParent());
        return Files.copy(content, target);
    }

    private Path inHome(String relative, String content) throws Exception {
        Path target = home.resolve(relative);
        Files.createDirectories(target.getParent());
        return Files.writeString(target, content);
    }

    /** Types the node as validation would (probing files) and opens it: "opened" or the failure's message. */
    private static String open(String type, Params params, Map<String, DataType> inputs) {
        NodeDescriptor d = REGISTRY.find(type).orElseThrow();
        Processor p = d.factory().create();
        try {
            p.open(TestContext.inferred("n", d, params, Set.of(), inputs));
            return "opened";
        } catch (Exception e) {
            return e.getMessage();
        } finally {
            try {
                p.close();
            } catch (Exception ignored) {
                // the failure above is the one that matters
            }
        }
    }

    private static String withoutHome(String type, Params params, Map<String, DataType> inputs) {
        String home = System.getProperty(InputFiles.HOME_PROPERTY);
        System.clearProperty(InputFiles.HOME_PROPERTY);
        try {
            return open(type, params, inputs);
        } finally {
            System.setProperty(InputFiles.HOME_PROPERTY, home);
        }
    }

    @Test
    void theWorkingDirectoryHasNoneOfTheseFiles() {
        for (String f : new String[] {"assets", "data"}) {
            assertThat(Path.of(f)).as("the test relies on the working directory lacking %s", f).doesNotExist();
        }
    }

    @Test
    void signalFileSources() throws Exception {
        inHome("data/ramp.csv", "1\n2\n3\n");
        Params csv = Params.of("path", "data/ramp.csv");
        assertThat(open("io.csv_source", csv, Map.of())).isEqualTo("opened");
        assertThat(withoutHome("io.csv_source", csv, Map.of())).contains("no such file");

        // npy, raw and wav share FileSource's open; npy stands for the three.
        inHome("data/ecg.npy", Path.of(getClass().getResource("/oracles/eegio/ecg_208_f8.npy").toURI()));
        Params npy = Params.of("path", "data/ecg.npy");
        assertThat(open("io.npy_source", npy, Map.of())).isEqualTo("opened");
        assertThat(withoutHome("io.npy_source", npy, Map.of())).contains("no such file");
    }

    @Test
    void videoAndImageSourcesProbeAndOpenFromTheHome() throws Exception {
        inHome("assets/video/vtest.avi", Assets.require("video/vtest.avi"));
        inHome("assets/images/dog.jpg", Assets.require("images/dog.jpg"));
        Params video = Params.of("path", "assets/video/vtest.avi");
        assertThat(open("video.file_source", video, Map.of())).isEqualTo("opened");
        assertThat(withoutHome("video.file_source", video, Map.of())).contains("No such file");
        Params image = Params.of("path", "assets/images/dog.jpg");
        assertThat(open("image.file_source", image, Map.of())).isEqualTo("opened");
        assertThat(withoutHome("image.file_source", image, Map.of())).contains("No such file");
    }

    @Test
    void theYoloNodesDefaultModelAndDrawBoxesClassNames() throws Exception {
        inHome("assets/models/yolov8n.onnx", Assets.require("models/yolov8n.onnx"));
        Map<String, DataType> image = Map.of("image", VTEST_IMAGE);
        assertThat(open("vision.yolo", Params.of(), image)).as("default model path").isEqualTo("opened");
        assertThat(withoutHome("vision.yolo", Params.of(), image)).contains("assets/models/yolov8n.onnx");

        inHome("names/two.txt", "cat\ndog\n");
        Params names = Params.of("class_names", "names/two.txt");
        assertThat(open("vision.draw_boxes", names, image)).isEqualTo("opened");
        assertThat(withoutHome("vision.draw_boxes", names, image)).contains("does not exist");
    }
}

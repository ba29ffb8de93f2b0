package dev.weir.nodes.vision;

import dev.weir.engine.api.testing.Assets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Class names from Ultralytics' metadata literal, from ONNX files read without ORT, and from text files. */
class ClassNamesTest {

    @Test
    void parsesUltralyticsDictsAndLists() {
        assertThat(ClassNames.parseUltralytics("{0: 'person', 1: 'bicycle', 2: 'traffic light'}"))
                .containsExactly("person", "bicycle", "traffic light");
        // Python's repr switches quotes for a name with an apostrophe, and escapes when it holds both.
        assertThat(ClassNames.parseUltralytics("{1: \"o'clock\", 0: 'a \\'b\\' \"c\"'}"))
                .containsExactly("a 'b' \"c\"", "o'clock");
        assertThat(ClassNames.parseUltralytics("  ['cat', \"dog\" ] ")).containsExactly("cat", "dog");
        assertThat(ClassNames.parseUltralytics("{}")).isEmpty();
    }

    @Test
    void refusesWhatIsNotANamesLiteral() {
        assertThatThrownBy(() -> ClassNames.parseUltralytics("{0: 'a', 2: 'c'}")).hasMessageContaining("ids 0..1");
        assertThatThrownBy(() -> ClassNames.parseUltralytics("{0: 'a', 0: 'b'}")).hasMessageContaining("repeat id 0");
        assertThatThrownBy(() -> ClassNames.parseUltralytics("{0: 'a'")).hasMessageContaining("ends early");
        assertThatThrownBy(() -> ClassNames.parseUltralytics("{0: a}")).hasMessageContaining("expected a quoted name");
        assertThatThrownBy(() -> ClassNames.parseUltralytics("{0: 'a'} x")).hasMessageContaining("after the closing");
        assertThatThrownBy(() -> ClassNames.parseUltralytics("person")).hasMessageContaining("expected '{'");
    }

    /** The bundled list equals the asset fetched from Debian, and the names in yolov8n.onnx's own metadata. */
    @Test
    void readsTheNamesOfTheRealModelWithoutOnnxRuntime() throws IOException {
        List<String> fromAsset = ClassNames.read(Assets.require("models/coco80.names"));
        assertThat(ClassNames.coco80()).hasSize(80).isEqualTo(fromAsset);
        assertThat(ClassNames.read(Assets.require("models/yolov8n.onnx"))).isEqualTo(fromAsset);
        assertThat(ClassNames.onnxMetadata(Assets.require("models/yolov8n.onnx"), "license"))
                .hasValueSatisfying(v -> assertThat(v).contains("AGPL-3.0"));
        assertThat(ClassNames.onnxMetadata(Assets.require("models/yolov8n.onnx"), "no such key")).isEmpty();
    }

    @Test
    void readsTextFilesAndRefusesBrokenModels(@TempDir Path dir) throws IOException {
        Path names = dir.resolve("classes.txt");
        Files.writeString(names, "apple\r\n  pear \n\n", StandardCharsets.UTF_8);
        assertThat(ClassNames.read(names)).containsExactly("apple", "pear");

        Path cut = dir.resolve("cut.onnx");
        byte[] model = Files.readAllBytes(Assets.require("models/yolov8n.onnx"));
        Files.write(cut, java.util.Arrays.copyOf(model, 100_000)); // ends inside the graph field
        assertThatThrownBy(() -> ClassNames.read(cut)).isInstanceOf(IOException.class).hasMessageContaining("runs past");

        Path text = dir.resolve("text.onnx");
        Files.writeString(text, "this is not a protobuf file at all, just some text\n");
        assertThatThrownBy(() -> ClassNames.read(text)).isInstanceOf(IOException.class);
    }
}

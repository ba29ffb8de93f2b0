package dev.weir.editor.ui;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.model.NodeInstance;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuickInsertTest extends EditorFxTest {

    @Test
    void typingOnTheCanvasOpensTheBoxAtTheCursorAndEnterInsertsThere() {
        dev.weir.engine.model.Point at = canvasAt(0.3, 0.8);
        clickAt(screen(at));
        write("fft");
        TextField field = lookup("#quick-insert-field").queryAs(TextField.class);
        assertThat(field.isVisible()).isTrue();
        assertThat(field.getText()).isEqualTo("fft");
        ListView<NodeDescriptor> list = lookup("#quick-insert-list").queryListView();
        assertThat(list.getSelectionModel().getSelectedItem().id()).isEqualTo("dsp.fft");
        assertThat(list.getItems()).extracting(NodeDescriptor::id).contains("dsp.ifft");
        screenshot("quick-insert");
        tap(KeyCode.ENTER);

        NodeInstance n = doc().node("fft_2").orElseThrow();
        assertThat(n.type()).isEqualTo("dsp.fft");
        assertThat(n.ui().position()).isEqualTo(at);
        assertThat(lookup("#quick-insert").query().isVisible()).isFalse();
        assertThat(window.model().selection().nodes()).containsExactly("fft_2");
    }

    @Test
    void ctrlSpaceOpensItEmptyAndArrowsChoose() {
        clickAt(screen(canvasAt(0.3, 0.8)));
        shortcut(KeyCode.SPACE);
        TextField field = lookup("#quick-insert-field").queryAs(TextField.class);
        assertThat(field.isVisible()).isTrue();
        assertThat(field.getText()).isEmpty();
        write("sink");
        ListView<NodeDescriptor> list = lookup("#quick-insert-list").queryListView();
        NodeDescriptor second = list.getItems().get(1);
        tap(KeyCode.DOWN);
        tap(KeyCode.ENTER);
        assertThat(doc().nodeList()).extracting(NodeInstance::type).contains(second.id());
    }

    @Test
    void escapeClosesWithoutInserting() {
        clickAt(screen(canvasAt(0.3, 0.8)));
        write("fir");
        tap(KeyCode.ESCAPE);
        assertThat(lookup("#quick-insert").query().isVisible()).isFalse();
        assertThat(doc().nodes()).hasSize(3);
    }
}

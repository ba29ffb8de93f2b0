package dev.weir.editor.ui;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EditParamTest extends EditorFxTest {

    private Object param(String node, String key) {
        return doc().node(node).orElseThrow().params().get(key);
    }

    @Test
    void anEditIsOneCommandAndAnOutOfRangeValueIsMarkedAsTyped() {
        clickAt(title("fft"));
        typeInto("#param-fft_size", "2048");
        assertThat(param("fft", "fft_size")).isEqualTo(2048L);
        assertThat(window.model().history().undoLabel()).contains("Set fft.fft_size");
        // The FFT's output no longer fits the magnitude's 1024 input: the edge shows the validator's problem.
        assertThat(window.model().problemsOfEdge("e2")).isNotEmpty();

        TextField field = lookup("#param-fft_size").queryAs(TextField.class);
        clickOn(field);
        shortcut(KeyCode.A);
        write("1");
        Label error = lookup("#param-error-fft_size").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("must be in 2..1048576, was 1");
        assertThat(field.getPseudoClassStates()).contains(Styles.STATE_DANGER);
        screenshot("param-out-of-range");
        tap(KeyCode.ENTER);
        clickAt(title("tones")); // leave the field
        assertThat(param("fft", "fft_size")).as("an invalid value is never committed").isEqualTo(2048L);

        clickAt(title("fft"));
        write("x"); // typing on the canvas opens the quick insert, not the field
        tap(KeyCode.ESCAPE);
        assertThat(lookup("#param-fft_size").queryAs(TextField.class).getText()).isEqualTo("2048");
    }

    @Test
    void choicesAndBooleansHaveTheirOwnEditors() {
        clickAt(title("spectrum"));
        ComboBox<?> mode = lookup("#param-mode").queryAs(ComboBox.class);
        assertThat(mode.getValue()).isEqualTo("db");
        clickOn(mode);
        clickOn("power");
        assertThat(param("spectrum", "mode")).isEqualTo("power");

        Node shift = lookup("#param-fftshift").query();
        clickOn(shift);
        assertThat(param("spectrum", "fftshift")).isEqualTo(false);
        assertThat(window.model().history().undoLabel()).contains("Set spectrum.fftshift");

        clickAt(title("tones"));
        typeInto("#param-frequencies_hz", "440, 880, 1.5k");
        assertThat(param("tones", "frequencies_hz")).isEqualTo(java.util.List.of(440.0, 880.0, 1500.0));
    }

    @Test
    void theResetButtonRestoresTheDefault() {
        clickAt(title("spectrum"));
        clickOn("#param-reset-floor_db");
        assertThat(param("spectrum", "floor_db")).isEqualTo(-200.0);
        assertThat(lookup("#param-reset-floor_db").query().isVisible()).isFalse();
    }
}

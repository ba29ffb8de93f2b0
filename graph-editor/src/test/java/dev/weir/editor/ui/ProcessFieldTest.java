package dev.weir.editor.ui;

import dev.weir.editor.model.Selection;
import dev.weir.engine.model.NodeInstance;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The inspector's process field on the FFT example, and Run in a window opened without an engine. */
class ProcessFieldTest extends EditorFxTest {

    private String process(String node) {
        return doc().nodes().get(node).process();
    }

    private void typeProcess(String name) {
        ComboBox<?> box = lookup("#node-process").queryAs(ComboBox.class);
        // The field sits below the params: scroll the inspector to its end, as a user would.
        interact(() -> {
            window.inspector().layout();
            window.inspector().setVvalue(window.inspector().getVmax());
        });
        clickOn(fx(box::getEditor));
        shortcut(KeyCode.A);
        write(name);
        tap(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typingAGroupMovesTheNodeInOneUndoableCommand() {
        clickAt(title("fft"));
        assertThat(lookup("#node-process-info").queryAs(Label.class).getText())
                .isEqualTo("Runs in the editor's own process.");
        typeProcess("dsp");
        assertThat(process("fft")).isEqualTo("dsp");
        assertThat(window.model().history().undoLabel()).contains("Move 1 node to process 'dsp'");
        assertThat(lookup("#node-process-info").queryAs(Label.class).getText())
                .isEqualTo("Runs in worker process 'dsp'; restart never.");
        screenshot("inspector-process");

        clickAt(title("tones")); // the badge on the canvas and the edit stay; one undo takes it back
        shortcut(KeyCode.Z);
        assertThat(process("fft")).isEqualTo(NodeInstance.MAIN_PROCESS);
        assertThat(window.model().history().canUndo()).isFalse();
    }

    @Test
    void aSelectionMovesTogetherAndABadNameIsRefused() {
        interact(() -> window.model().select(new Selection(Set.of("fft", "spectrum"), Set.of())));
        typeProcess("worker-1");
        assertThat(process("fft")).isEqualTo("worker-1");
        assertThat(process("spectrum")).isEqualTo("worker-1");
        assertThat(process("tones")).isEqualTo(NodeInstance.MAIN_PROCESS);
        assertThat(window.model().history().undoLabel()).contains("Move 2 nodes to process 'worker-1'");

        clickAt(title("tones"));
        typeProcess("no spaces");
        assertThat(process("tones")).isEqualTo(NodeInstance.MAIN_PROCESS);
        assertThat(window.statusBar().message().getText()).contains("process 'no spaces' must start with a letter");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> lookup("#node-process").queryAs(ComboBox.class).getValue()))
                .as("the field shows the group the node is really in").isEqualTo(NodeInstance.MAIN_PROCESS);
    }

    @Test
    void withoutAnEngineRunIsDisabledAndSaysWhy() {
        Button run = lookup("#tool-run").queryAs(Button.class);
        assertThat(run.isDisabled()).isTrue();
        assertThat(fx(() -> javafx.scene.control.Tooltip.class.cast(lookup("#tool-run-unavailable").query()
                .getProperties().get("javafx.scene.control.Tooltip")).getText())).contains("'weir edit'");
        assertThat(window.runs().canRun()).isFalse();
        tap(KeyCode.F5);
        assertThat(window.runs().state()).isEqualTo(RunController.State.IDLE);
        assertThat(lookup("#tool-stop").queryAs(Button.class).isDisabled()).isTrue();
    }
}

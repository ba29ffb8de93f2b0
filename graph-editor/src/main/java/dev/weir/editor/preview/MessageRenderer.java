package dev.weir.editor.preview;

import dev.weir.engine.api.Frame;
import dev.weir.engine.api.preview.PreviewSpec;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** Shows why a slot cannot be drawn (its lanes do not fit its kind); takes no data. */
final class MessageRenderer extends PreviewRenderer {

    private final StackPane view;

    MessageRenderer(PreviewSpec spec, String message) {
        super(spec);
        Label label = new Label(message);
        label.setWrapText(true);
        label.getStyleClass().add("danger");
        label.setId("preview-message");
        view = new StackPane(label);
        view.setMinSize(80, 60);
        view.setPrefSize(480, 280);
    }

    @Override
    Region view() {
        return view;
    }

    @Override
    void accept(Frame[] lanes) {
    }

    @Override
    void draw() {
    }

    @Override
    void setRedrawRequest(Runnable r) {
    }

    /** The message shown. */
    String message() {
        return ((Label) view.getChildren().getFirst()).getText();
    }
}

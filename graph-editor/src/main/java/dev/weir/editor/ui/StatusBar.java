package dev.weir.editor.ui;

import atlantafx.base.theme.Styles;
import dev.weir.editor.model.DocumentHistory;
import dev.weir.editor.model.EditorModel;
import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** The status bar: the last message (refusals, saves), the graph's size, its problem count and the zoom. */
public final class StatusBar extends HBox {

    private final Label message = new Label();
    private final Label counts = new Label();
    private final Label zoom = new Label();
    private final PauseTransition clear = new PauseTransition(Duration.seconds(8));
    private final EditorModel model;
    private final GraphCanvas canvas;

    /** The status of {@code model} shown on {@code canvas}. */
    public StatusBar(EditorModel model, GraphCanvas canvas) {
        this.model = model;
        this.canvas = canvas;
        setId("status-bar");
        setSpacing(16);
        setStyle("-fx-padding: 3 10; -fx-border-color: -color-border-default transparent transparent transparent;");
        message.setId("status-message");
        counts.setId("status-counts");
        zoom.setId("status-zoom");
        for (Label l : new Label[] {message, counts, zoom}) {
            l.getStyleClass().add(Styles.TEXT_SMALL);
        }
        message.setMinWidth(0);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Region gap = new Region();
        getChildren().addAll(message, gap, counts, zoom);
        clear.setOnFinished(e -> message.setText(""));
        model.addListener(new EditorModel.Listener() {
            @Override
            public void documentChanged(DocumentHistory.Change change) {
                refresh();
            }
        });
        canvas.setOnViewChanged(this::refresh);
        refresh();
    }

    /** Shows {@code text} for a few seconds. */
    public void show(String text) {
        message.setText(text);
        clear.playFromStart();
    }

    /** The message label, for tests. */
    public Label message() {
        return message;
    }

    private void refresh() {
        int errors = (int) model.problems().stream().filter(p -> p.isError()).count();
        counts.setText(model.document().nodes().size() + " nodes · " + model.document().edges().size() + " edges · "
                + (errors == 0 ? "no problems" : errors + (errors == 1 ? " problem" : " problems")));
        zoom.setText(Math.round(canvas.viewport().scale() * 100) + " %");
    }
}

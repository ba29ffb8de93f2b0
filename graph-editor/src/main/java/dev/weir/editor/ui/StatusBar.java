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

/**
 * The status bar: the last message (refusals, saves), the run's state and elapsed time, the changes queued for the
 * next run, the graph's size, its problem count and the zoom.
 */
public final class StatusBar extends HBox {

    private final Label message = new Label();
    private final Label counts = new Label();
    private final Label zoom = new Label();
    private final Label run = new Label();
    private final Label queued = new Label();
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
        run.setId("status-run");
        queued.setId("status-queued");
        queued.getStyleClass().add(Styles.WARNING);
        for (Label l : new Label[] {message, run, queued, counts, zoom}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
            l.getStyleClass().add(Styles.TEXT_SMALL);
        }
        message.setMinWidth(0);
        run.setManaged(false);
        queued.setManaged(false);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Region gap = new Region();
        getChildren().addAll(message, gap, run, queued, counts, zoom);
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

    /**
     * Shows the run's state ("Running · 12.3 s"), or nothing for an empty text.
     *
     * @param level one of AtlantaFX's {@link Styles#SUCCESS}, {@link Styles#WARNING}, {@link Styles#DANGER}, or
     *              null for the plain text colour
     */
    public void showRun(String text, String level) {
        run.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
        if (level != null) {
            run.getStyleClass().add(level);
        }
        run.setText(text);
        boolean on = !text.isEmpty();
        run.setVisible(on);
        run.setManaged(on);
    }

    /** Shows how many edits wait for the next run, or nothing for an empty text. */
    public void showQueued(String text) {
        queued.setText(text);
        boolean on = !text.isEmpty();
        queued.setVisible(on);
        queued.setManaged(on);
    }

    /** The run state label, for tests. */
    public Label runLabel() {
        return run;
    }

    /** The queued-changes label, for tests. */
    public Label queuedLabel() {
        return queued;
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

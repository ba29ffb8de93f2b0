package dev.weir.editor.ui;

import atlantafx.base.theme.Styles;
import dev.weir.editor.model.DocumentHistory;
import dev.weir.editor.model.EditorModel;
import dev.weir.editor.model.Selection;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.Problem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

import java.util.List;

/**
 * The problems list: every validation problem of the document, updated after each change, and above it, while
 * there are any, the problems of the current or last run ({@link RunProblem}: failed nodes, worker groups that
 * are down, a refused start or live change), which come from running rather than from the document. Clicking a
 * problem selects the node (or edge) it is about and brings it into view.
 */
public final class ProblemsPane extends VBox {

    private final EditorModel model;
    private final GraphCanvas canvas;
    private final ListView<Problem> list = new ListView<>();
    private final Label header = new Label();
    private final ListView<RunProblem> runList = new ListView<>();
    private final Label runHeader = new Label();

    /** The problems of {@code model}; clicks reveal on {@code canvas}. */
    public ProblemsPane(EditorModel model, GraphCanvas canvas) {
        this.model = model;
        this.canvas = canvas;
        setId("problems");
        setSpacing(4);
        setStyle("-fx-padding: 4 8 8 8;");
        header.getStyleClass().add(Styles.TEXT_BOLD);
        list.setId("problems-list");
        list.setPlaceholder(new Label("No problems: the graph can run."));
        list.setCellFactory(v -> new ProblemCell<>(Problem::isError, Problem::location, Problem::message));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                Problem p = list.getSelectionModel().getSelectedItem();
                if (p != null) {
                    reveal(p);
                }
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        runHeader.getStyleClass().add(Styles.TEXT_BOLD);
        runHeader.setId("run-problems-header");
        runList.setId("run-problems-list");
        runList.setPrefHeight(90);
        runList.setMinHeight(48);
        runList.setCellFactory(v -> new ProblemCell<>(RunProblem::error, RunProblem::where, RunProblem::message));
        runList.setOnMouseClicked(e -> {
            RunProblem p = runList.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && p != null && p.nodeId() != null
                    && model.document().nodes().containsKey(p.nodeId())) {
                model.select(Selection.ofNode(p.nodeId()));
                canvas.reveal(p.nodeId());
            }
        });
        getChildren().addAll(runHeader, runList, header, list);
        setRunProblems(List.of());
        model.addListener(new EditorModel.Listener() {
            @Override
            public void documentChanged(DocumentHistory.Change change) {
                refresh();
            }
        });
        refresh();
    }

    /** Shows the problems of the current or last run; none hides the section. */
    public void setRunProblems(List<RunProblem> problems) {
        if (!problems.equals(runList.getItems())) {
            runList.getItems().setAll(problems);
        }
        boolean on = !problems.isEmpty();
        runHeader.setText("Run: " + count(problems.size(), "problem"));
        for (javafx.scene.Node n : List.of(runHeader, runList)) {
            n.setVisible(on);
            n.setManaged(on);
        }
    }

    /** The run's problems, for tests. */
    public ListView<RunProblem> runList() {
        return runList;
    }

    /** The list, for tests. */
    public ListView<Problem> list() {
        return list;
    }

    private void refresh() {
        List<Problem> problems = model.problems();
        if (!problems.equals(list.getItems())) {
            list.getItems().setAll(problems);
        }
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        header.setText(problems.isEmpty() ? "Problems" : "Problems: " + count(errors, "error")
                + (warnings == 0 ? "" : ", " + count(warnings, "warning")));
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** Selects and shows what {@code p} is about. */
    void reveal(Problem p) {
        if (p.nodeId() != null && model.document().nodes().containsKey(p.nodeId())) {
            model.select(Selection.ofNode(p.nodeId()));
            canvas.reveal(p.nodeId());
        } else if (p.edgeId() != null && model.document().edges().containsKey(p.edgeId())) {
            model.select(Selection.ofEdge(p.edgeId()));
            EdgeInstance e = model.document().edges().get(p.edgeId());
            canvas.reveal(e.to().node());
        }
    }

    /**
     * One line of either list: an error or warning icon, where (muted), and the message. Validation problems and run
     * problems are different records, so the cell takes three getters.
     */
    private static final class ProblemCell<T> extends ListCell<T> {
        private final java.util.function.Predicate<T> isError;
        private final java.util.function.Function<T, String> where;
        private final java.util.function.Function<T, String> message;

        ProblemCell(java.util.function.Predicate<T> isError, java.util.function.Function<T, String> where,
                    java.util.function.Function<T, String> message) {
            this.isError = isError;
            this.where = where;
            this.message = message;
        }

        @Override
        protected void updateItem(T p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            boolean error = isError.test(p);
            FontIcon icon = new FontIcon(error ? MaterialDesignA.ALERT_CIRCLE : MaterialDesignA.ALERT_OUTLINE);
            icon.getStyleClass().add(error ? Styles.DANGER : Styles.WARNING);
            Label at = new Label(where.apply(p));
            at.getStyleClass().add(Styles.TEXT_MUTED);
            at.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label msg = new Label(message.apply(p));
            HBox.setHgrow(msg, Priority.ALWAYS);
            setGraphic(new HBox(8, icon, at, msg));
            setText(null);
        }
    }
}

package dev.weir.editor.ui;

import dev.weir.editor.model.NodeSearch;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.model.Point;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The quick-insert box: a search field and a list of matching node types, opened at the cursor by typing on the
 * canvas or by Ctrl+Space. Enter (or a double click) adds the highlighted type where the box was opened; Escape or
 * a click elsewhere closes it. Up and Down move through the list without leaving the field.
 */
final class QuickInsert extends VBox {

    private final GraphCanvas canvas;
    private final TextField field = new TextField();
    private final ListView<NodeDescriptor> list = new ListView<>();
    private Point at = new Point(0, 0);

    QuickInsert(GraphCanvas canvas) {
        this.canvas = canvas;
        setId("quick-insert");
        setVisible(false);
        setManaged(false);
        setSpacing(4);
        setPrefWidth(320);
        setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-padding: 6; -fx-background-radius: 6; -fx-border-radius: 6;"
                + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.3), 12, 0, 0, 3);");
        field.setId("quick-insert-field");
        field.setPromptText("Add node: type a name");
        list.setId("quick-insert-list");
        list.setPrefHeight(240);
        list.setCellFactory(v -> new ListCell<>() {
            {
                // Cells take the list's width instead of widening it (no horizontal scroll bar).
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(NodeDescriptor d, boolean empty) {
                super.updateItem(d, empty);
                if (empty || d == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label name = new Label(d.label());
                name.setStyle("-fx-font-weight: bold;");
                name.setMinWidth(Region.USE_PREF_SIZE);
                Label id = new Label(d.id());
                id.setStyle("-fx-text-fill: -color-fg-muted;");
                id.setMinWidth(0);
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                Label cat = new Label(d.category());
                cat.setStyle("-fx-text-fill: -color-fg-subtle; -fx-font-size: 0.85em;");
                cat.setMinWidth(0);
                HBox row = new HBox(8, name, id, gap, cat);
                row.setMinWidth(0);
                setGraphic(row);
                setText(null);
            }
        });
        getChildren().addAll(field, list);

        field.textProperty().addListener((o, a, b) -> refresh());
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case DOWN -> {
                    move(1);
                    e.consume();
                }
                case UP -> {
                    move(-1);
                    e.consume();
                }
                case ENTER -> {
                    insert();
                    e.consume();
                }
                case ESCAPE -> {
                    close();
                    e.consume();
                }
                default -> {
                }
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                insert();
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                insert();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, was, is) -> {
            // Closing on focus loss would also close it while the user clicks into the list.
            if (!is) {
                Platform.runLater(() -> {
                    if (isShowing() && !field.isFocused() && !list.isFocused()) {
                        close();
                    }
                });
            }
        });
    }

    boolean isShowing() {
        return isVisible();
    }

    /** Opens at local pixel (x, y); a chosen type is added at canvas point {@code insertAt}. */
    void open(double x, double y, Point insertAt, String text) {
        this.at = insertAt;
        setVisible(true);
        resize(getPrefWidth(), prefHeight(getPrefWidth()));
        double w = getPrefWidth();
        double h = prefHeight(w);
        relocate(Math.max(0, Math.min(x, canvas.getWidth() - w - 4)), Math.max(0, Math.min(y, canvas.getHeight() - h - 4)));
        field.setText(text);
        refresh();
        field.requestFocus();
        field.end();
    }

    void close() {
        if (!isVisible()) {
            return;
        }
        setVisible(false);
        canvas.requestFocus();
    }

    private void refresh() {
        List<NodeDescriptor> hits = NodeSearch.find(canvas.model().registry().all(), field.getText());
        list.getItems().setAll(hits);
        if (!hits.isEmpty()) {
            list.getSelectionModel().select(0);
            list.scrollTo(0);
        }
    }

    private void move(int by) {
        int n = list.getItems().size();
        if (n == 0) {
            return;
        }
        int i = Math.floorMod(list.getSelectionModel().getSelectedIndex() + by, n);
        list.getSelectionModel().select(i);
        list.scrollTo(Math.max(0, i - 3));
    }

    private void insert() {
        NodeDescriptor d = list.getSelectionModel().getSelectedItem();
        if (d == null) {
            return;
        }
        close();
        canvas.run(() -> canvas.model().addNode(d.id(), at));
    }
}

package dev.weir.editor.ui;

import dev.weir.editor.model.NodeSearch;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.model.Point;
import atlantafx.base.controls.CustomTextField;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The node palette: node types in a tree of their descriptors' categories ({@code DSP/Spectral} nests
 * {@code Spectral} under {@code DSP}), with a search field that filters by {@link NodeSearch}. Drag an entry onto
 * the canvas to add a node there, or double-click it (or press Enter) to add it in the middle of the view.
 *
 * <p>The drag is followed by scene-level mouse filters (see {@link GraphCanvas#armPaletteDrag}) rather than by
 * platform drag and drop or a full press-drag-release gesture: both depend on the glass platform generating
 * {@code DRAG_DETECTED}, which JavaFX's headless platform does not, and scene filters see every mouse event
 * whichever node the platform delivers it to.
 */
public final class PalettePane extends VBox {

    /** A tree entry: a category or a node type. */
    sealed interface Entry {
    }

    /** A category path segment. */
    record CategoryEntry(String name) implements Entry {
    }

    /** A node type. */
    record TypeEntry(NodeDescriptor descriptor) implements Entry {
    }

    private final GraphCanvas canvas;
    private final Collection<NodeDescriptor> types;
    private final CustomTextField search = new CustomTextField();
    private final TreeView<Entry> tree = new TreeView<>();

    /** A palette of {@code canvas}'s registry, dropping onto {@code canvas}. */
    public PalettePane(GraphCanvas canvas) {
        this.canvas = canvas;
        this.types = canvas.model().registry().all();
        setId("palette");
        setSpacing(6);
        setMinWidth(180);
        setPrefWidth(240);
        setStyle("-fx-padding: 8;");
        Label title = new Label("Nodes");
        title.getStyleClass().add("title-4");
        search.setId("palette-search");
        search.setPromptText("Search nodes");
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.textProperty().addListener((o, a, b) -> rebuild(b));
        tree.setId("palette-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(v -> new EntryCell());
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                addSelectedAtCenter();
                e.consume();
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(title, search, tree);
        rebuild("");
    }

    private void rebuild(String query) {
        TreeItem<Entry> root = new TreeItem<>(new CategoryEntry(""));
        Map<String, TreeItem<Entry>> categories = new LinkedHashMap<>();
        boolean filtering = !query.isBlank();
        for (NodeDescriptor d : NodeSearch.find(types, "")) {
            if (filtering && !NodeSearch.matches(d, query)) {
                continue;
            }
            TreeItem<Entry> parent = root;
            String path = "";
            for (String segment : d.category().split("/")) {
                path = path.isEmpty() ? segment : path + "/" + segment;
                TreeItem<Entry> p = parent;
                parent = categories.computeIfAbsent(path, k -> {
                    TreeItem<Entry> c = new TreeItem<>(new CategoryEntry(segment));
                    c.setExpanded(true);
                    p.getChildren().add(c);
                    return c;
                });
            }
            parent.getChildren().add(new TreeItem<>(new TypeEntry(d)));
        }
        tree.setRoot(root);
    }

    private void addSelectedAtCenter() {
        TreeItem<Entry> item = tree.getSelectionModel().getSelectedItem();
        if (item != null && item.getValue() instanceof TypeEntry(NodeDescriptor d)) {
            Point c = new Point(canvas.viewport().toModelX(canvas.getWidth() / 2 - 90),
                    canvas.viewport().toModelY(canvas.getHeight() / 2 - 30));
            canvas.run(() -> canvas.model().addNode(d.id(), canvas.isSnapToGrid()
                    ? dev.weir.editor.model.Arrange.snap(c, dev.weir.editor.model.Arrange.GRID) : c));
        }
    }

    /** The tooltip of a node type: what it does and its ports. */
    static String describe(NodeDescriptor d) {
        StringBuilder sb = new StringBuilder(d.label()).append("  (").append(d.id()).append(")\n");
        sb.append(d.description());
        for (PortSpec p : d.inputs()) {
            sb.append("\n  in  ").append(p.name()).append(": ").append(p.type().describe());
        }
        for (PortSpec p : d.outputs()) {
            sb.append("\n  out ").append(p.name()).append(": ").append(p.type().describe());
        }
        return sb.toString();
    }

    private final class EntryCell extends TreeCell<Entry> {
        EntryCell() {
            addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
                if (getItem() instanceof TypeEntry(NodeDescriptor d) && e.getButton() == MouseButton.PRIMARY
                        && e.getClickCount() == 1) {
                    canvas.armPaletteDrag(d.id(), e.getSceneX(), e.getSceneY());
                }
            });
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() instanceof TypeEntry) {
                    addSelectedAtCenter();
                }
            });
        }

        @Override
        protected void updateItem(Entry item, boolean empty) {
            super.updateItem(item, empty);
            setTooltip(null);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setId(null);
                return;
            }
            switch (item) {
                case CategoryEntry c -> {
                    setText(c.name());
                    setGraphic(null);
                    setId(null);
                    setStyle("-fx-font-weight: bold;");
                }
                case TypeEntry t -> {
                    setText(null);
                    setStyle("");
                    Label name = new Label(t.descriptor().label());
                    Label id = new Label(t.descriptor().id());
                    id.setStyle("-fx-text-fill: -color-fg-subtle; -fx-font-size: 0.85em;");
                    HBox box = new HBox(6, name, id);
                    setGraphic(box);
                    setId("palette-" + t.descriptor().id().replace('.', '-'));
                    Tooltip tip = new Tooltip(describe(t.descriptor()));
                    tip.setShowDelay(Duration.millis(600));
                    tip.setWrapText(true);
                    tip.setMaxWidth(420);
                    setTooltip(tip);
                }
            }
        }
    }
}

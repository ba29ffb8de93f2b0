package dev.weir.editor.ui;

import atlantafx.base.theme.Styles;
import dev.weir.editor.files.Settings;
import dev.weir.editor.model.Arrange;
import dev.weir.editor.model.CommandException;
import dev.weir.editor.model.CompositeCommand;
import dev.weir.editor.model.DeleteCommand;
import dev.weir.editor.model.DocumentHistory;
import dev.weir.editor.model.EditorModel;
import dev.weir.editor.model.Selection;
import dev.weir.editor.preview.PreviewBoard;
import dev.weir.editor.preview.PreviewDock;
import dev.weir.editor.preview.PreviewPanel;
import dev.weir.engine.model.GraphDocument;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One editor window: menu bar, toolbar, palette, canvas, inspector, problems list and status bar around one
 * {@link EditorModel}, with a {@link DocumentController} for its file.
 *
 * <pre>
 *  ┌ menu bar ─────────────────────────────────────────────────────┐
 *  ├ toolbar ──────────────────────────────────────────────────────┤
 *  │ palette │ canvas                                  │ inspector │
 *  │         ├─────────────────────────────────────────┤           │
 *  │         │ preview panels (while shown)            │           │
 *  │         ├─────────────────────────────────────────┤           │
 *  │         │ problems                                │           │
 *  ├ status bar ───────────────────────────────────────────────────┤
 * </pre>
 *
 * <p>The views observe the model and send it commands; none of them holds graph state of its own. Used on the
 * JavaFX application thread.
 */
public final class EditorWindow {

    private final Stage stage;
    private final EditorOptions options;
    private final EditorModel model;
    private final GraphCanvas canvas;
    private final PalettePane palette;
    private final InspectorPane inspector;
    private final ProblemsPane problems;
    private final StatusBar status;
    private final DocumentController documents;
    private final RunController runs;
    private final Settings settings;
    private final Map<EditorAction, MenuItem> menuItems = new EnumMap<>(EditorAction.class);
    private final Map<EditorAction, Node> toolButtons = new EnumMap<>(EditorAction.class);
    private final Menu recentMenu = new Menu("Open Recent");
    private final Menu examplesMenu = new Menu("Examples");
    private final PreviewBoard previews;
    private final Menu previewMenu = new Menu("Show Preview");
    private SplitPane middle;

    private EditorWindow(Stage stage, EditorOptions options) {
        this.stage = stage;
        this.options = options;
        this.settings = new Settings(options.stateDir());
        this.model = new EditorModel(options.registry(), GraphDocument.empty("untitled", "Untitled"));
        this.canvas = new GraphCanvas(model);
        this.status = new StatusBar(model, canvas);
        canvas.setStatusSink(status::show);
        this.documents = new DocumentController(model, stage, options.dialogs(), options.stateDir(),
                options.autosaveDelay(), status::show);
        this.palette = new PalettePane(canvas);
        this.inspector = new InspectorPane(model, options.dialogs(), () -> stage, status::show, this::perform);
        this.problems = new ProblemsPane(model, canvas);
        this.runs = new RunController(model, options.runner(), canvas, problems, status, this::updateActions);
        canvas.setSnapToGrid(settings.snapToGrid());
        canvas.setTheme(Themes.apply(settings.darkTheme()));
        this.previews = new PreviewBoard(new PreviewDock(stage));
        runs.setPreviewHub(previews);
        previews.setDarkTheme(settings.darkTheme());
        previews.setOnThumbnailsChanged(canvas::requestRedraw);
        previews.dock().setOnOpened(() -> showPreviewDock(true));
        setPreviewThumbnails(settings.previewThumbnails());
        canvas.setOnNodeDoubleClicked(previews::showPanel);
    }

    /**
     * Builds the window into {@code stage} and shows it: opens {@link EditorOptions#file()} if given, fits it
     * into view, then offers any crashed session's recovery file.
     */
    public static EditorWindow open(Stage stage, EditorOptions options) {
        EditorWindow w = new EditorWindow(stage, options);
        w.build();
        if (options.file() != null) {
            w.documents.load(options.file());
        }
        stage.show();
        w.canvas.applyCss();
        w.stage.getScene().getRoot().layout();
        w.canvas.fitToView();
        w.canvas.requestFocus();
        if (options.offerRecovery()) {
            Platform.runLater(() -> {
                if (w.documents.offerRecovery()) {
                    w.canvas.fitToView();
                }
            });
        }
        return w;
    }

    private void build() {
        BorderPane root = new BorderPane();
        root.setId("editor-root");
        root.setTop(new VBox(menuBar(), toolBar()));

        middle = new SplitPane(canvas, problems);
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(0.8);
        SplitPane.setResizableWithParent(problems, false);
        SplitPane main = new SplitPane(palette, middle, inspector);
        main.setDividerPositions(0.17, 0.78);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(inspector, false);
        root.setCenter(main);
        root.setBottom(status);
        // The theme gives split panes a transparent background, which Prism still fills pixel by pixel under the
        // canvas on every frame; without one there is nothing to fill (code beats the user-agent stylesheet).
        middle.setBackground(javafx.scene.layout.Background.EMPTY);
        main.setBackground(javafx.scene.layout.Background.EMPTY);

        Scene scene = new Scene(root, 1360, 860);
        for (EditorAction a : EditorAction.values()) {
            for (KeyCombination k : a.extraKeys()) {
                scene.getAccelerators().put(k, () -> perform(a));
            }
        }
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setOnCloseRequest(e -> {
            if (!documents.requestClose()) {
                e.consume();
            }
        });
        // However the window goes (close button, Quit, the launcher), a run stops with it, so sinks finish files;
        // the preview board closes after it, so the run's last detaches find it still open.
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
            runs.shutdown();
            previews.close();
        });
        model.addListener(new EditorModel.Listener() {
            @Override
            public void documentChanged(DocumentHistory.Change change) {
                updateActions();
                if (change.kind() == DocumentHistory.ChangeKind.RESET) {
                    canvas.fitToView();
                }
            }

            @Override
            public void selectionChanged(Selection selection) {
                updateActions();
            }
        });
        updateActions();
    }

    private MenuBar menuBar() {
        MenuBar bar = new MenuBar();
        bar.setId("menu-bar");
        Map<String, Menu> menus = new java.util.LinkedHashMap<>();
        for (String name : List.of("File", "Edit", "View", "Arrange", "Run", "Help")) {
            Menu m = new Menu(name);
            m.setId("menu-" + name.toLowerCase(java.util.Locale.ROOT));
            menus.put(name, m);
            bar.getMenus().add(m);
        }
        for (EditorAction a : EditorAction.values()) {
            MenuItem item = checkable(a) ? new CheckMenuItem(a.label()) : new MenuItem(a.label());
            item.setId("menu-item-" + a.name().toLowerCase(java.util.Locale.ROOT));
            if (a.icon() != null) {
                item.setGraphic(new FontIcon(a.icon()));
            }
            if (a.keys() != null) {
                item.setAccelerator(a.keys());
            }
            item.setOnAction(e -> perform(a));
            menuItems.put(a, item);
            Menu m = menus.get(a.menu());
            m.getItems().add(item);
            switch (a) {
                case OPEN -> m.getItems().addAll(recentMenu, examplesMenu);
                case PREVIEW_THUMBNAILS -> m.getItems().add(previewMenu);
                case SAVE_AS, REDO, DELETE, SELECT_ALL, FIT, DARK_THEME, ALIGN_BOTTOM, DISTRIBUTE_V -> m.getItems()
                        .add(new SeparatorMenuItem());
                default -> {
                }
            }
        }
        ((CheckMenuItem) menuItems.get(EditorAction.SNAP)).setSelected(settings.snapToGrid());
        ((CheckMenuItem) menuItems.get(EditorAction.DARK_THEME)).setSelected(settings.darkTheme());
        ((CheckMenuItem) menuItems.get(EditorAction.PREVIEW_THUMBNAILS)).setSelected(settings.previewThumbnails());
        recentMenu.setId("menu-recent");
        examplesMenu.setId("menu-examples");
        previewMenu.setId("menu-previews");
        menus.get("File").setOnShowing(e -> {
            fillRecent();
            fillExamples();
        });
        fillExamples();
        menus.get("View").setOnShowing(e -> fillPreviews());
        return bar;
    }

    private static boolean checkable(EditorAction a) {
        return switch (a) {
            case SNAP, DARK_THEME, PREVIEW_DOCK, PREVIEW_THUMBNAILS -> true;
            default -> false;
        };
    }

    /** One item per preview node that has had a panel: choosing it opens the panel (closed ones too). */
    private void fillPreviews() {
        previewMenu.getItems().clear();
        for (String id : previews.nodeIds()) {
            MenuItem item = new MenuItem(previews.panel(id).map(PreviewPanel::title).orElse(id));
            item.setId("menu-preview-" + id);
            item.setOnAction(e -> previews.showPanel(id));
            previewMenu.getItems().add(item);
        }
        previewMenu.setDisable(previewMenu.getItems().isEmpty());
    }

    /** Puts the preview dock between the canvas and the problems list, or takes it out. */
    private void showPreviewDock(boolean on) {
        Region dock = previews.dock().view();
        boolean shown = middle != null && middle.getItems().contains(dock);
        if (middle != null && on != shown) {
            if (on) {
                middle.getItems().add(1, dock);
                middle.setDividerPositions(0.5, 0.86);
            } else {
                middle.getItems().remove(dock);
                middle.setDividerPositions(0.8);
            }
        }
        syncToggle(EditorAction.PREVIEW_DOCK, on);
    }

    private void setPreviewThumbnails(boolean on) {
        previews.setThumbnailsEnabled(on);
        canvas.setThumbnails(on ? previews::thumbnail : NodeThumbnails.NONE);
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        List<Path> files = documents.recentFiles().list();
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recentMenu.getItems().add(none);
            return;
        }
        for (Path p : files) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setOnAction(e -> documents.openRecent(p));
            recentMenu.getItems().add(item);
        }
    }

    /**
     * The example graphs: every {@code *.dag} in the folder named by the system property {@value #EXAMPLES_PROPERTY}
     * (the application sets it to its installation's examples), sorted by name.
     */
    private void fillExamples() {
        examplesMenu.getItems().clear();
        List<Path> files = Examples.list(System.getProperty(EXAMPLES_PROPERTY));
        if (files.isEmpty()) {
            String where = System.getProperty(EXAMPLES_PROPERTY);
            MenuItem none = new MenuItem(where == null ? "No examples folder" : "No examples in " + where);
            none.setDisable(true);
            examplesMenu.getItems().add(none);
            return;
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            MenuItem item = new MenuItem(name.substring(0, name.length() - ".dag".length()));
            item.setId("menu-example-" + name.substring(0, name.length() - ".dag".length()));
            item.setOnAction(e -> documents.openExample(p));
            examplesMenu.getItems().add(item);
        }
    }

    /** The system property naming the folder of example graphs. */
    public static final String EXAMPLES_PROPERTY = "weir.examples";

    private ToolBar toolBar() {
        ToolBar bar = new ToolBar();
        bar.setId("tool-bar");
        List<List<EditorAction>> groups = List.of(
                List.of(EditorAction.NEW, EditorAction.OPEN, EditorAction.SAVE),
                List.of(EditorAction.UNDO, EditorAction.REDO),
                List.of(EditorAction.CUT, EditorAction.COPY, EditorAction.PASTE, EditorAction.DUPLICATE,
                        EditorAction.DELETE),
                List.of(EditorAction.QUICK_INSERT),
                List.of(EditorAction.ZOOM_OUT, EditorAction.ZOOM_IN, EditorAction.FIT, EditorAction.SNAP),
                List.of(EditorAction.ALIGN_LEFT, EditorAction.ALIGN_TOP, EditorAction.DISTRIBUTE_H,
                        EditorAction.DISTRIBUTE_V),
                List.of(EditorAction.RUN, EditorAction.PAUSE, EditorAction.STOP, EditorAction.RESTART),
                List.of(EditorAction.DARK_THEME, EditorAction.SHORTCUTS));
        for (List<EditorAction> group : groups) {
            if (!bar.getItems().isEmpty()) {
                bar.getItems().add(new Separator(Orientation.VERTICAL));
            }
            for (EditorAction a : group) {
                javafx.scene.control.ButtonBase b;
                if (a == EditorAction.SNAP || a == EditorAction.DARK_THEME) {
                    ToggleButton t = new ToggleButton(null, new FontIcon(a.icon()));
                    t.setSelected(a == EditorAction.SNAP ? settings.snapToGrid() : settings.darkTheme());
                    b = t;
                } else {
                    b = new Button(null, new FontIcon(a.icon()));
                }
                b.setId("tool-" + a.name().toLowerCase(java.util.Locale.ROOT));
                b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
                b.setFocusTraversable(false);
                b.setTooltip(new Tooltip(a.label() + (a.keys() == null ? "" : "  (" + a.keys().getDisplayText() + ")")));
                b.setOnAction(e -> perform(a));
                toolButtons.put(a, b);
                if (a == EditorAction.RUN && !runs.canRun()) {
                    // A disabled button shows no tooltip, so the reason sits on a wrapper around it.
                    javafx.scene.layout.StackPane why = new javafx.scene.layout.StackPane(b);
                    why.setId("tool-run-unavailable");
                    Tooltip.install(why, new Tooltip("Run is not available: this editor was opened without the "
                            + "engine. Start it with 'weir edit' to run graphs."));
                    bar.getItems().add(why);
                } else {
                    bar.getItems().add(b);
                }
            }
        }
        return bar;
    }

    private void updateActions() {
        DocumentHistory h = model.history();
        boolean nodes = !model.selection().nodes().isEmpty();
        boolean any = !model.selection().isEmpty();
        setEnabled(EditorAction.UNDO, h.canUndo());
        setEnabled(EditorAction.REDO, h.canRedo());
        menuItems.get(EditorAction.UNDO).setText(h.undoLabel().map(l -> "Undo " + l).orElse("Undo"));
        menuItems.get(EditorAction.REDO).setText(h.redoLabel().map(l -> "Redo " + l).orElse("Redo"));
        setEnabled(EditorAction.CUT, nodes);
        setEnabled(EditorAction.COPY, nodes);
        setEnabled(EditorAction.DUPLICATE, nodes);
        setEnabled(EditorAction.DELETE, any);
        RunController.State run = runs.state();
        setEnabled(EditorAction.RUN, runs.canRun() && run == RunController.State.IDLE);
        setEnabled(EditorAction.PAUSE, run == RunController.State.RUNNING || run == RunController.State.PAUSED);
        setEnabled(EditorAction.STOP, run == RunController.State.STARTING || run == RunController.State.RUNNING
                || run == RunController.State.PAUSED);
        setEnabled(EditorAction.RESTART, runs.canRun() && run != RunController.State.STOPPING);
        boolean paused = run == RunController.State.PAUSED;
        menuItems.get(EditorAction.PAUSE).setText(paused ? "Resume" : EditorAction.PAUSE.label());
        if (toolButtons.get(EditorAction.PAUSE) instanceof javafx.scene.control.ButtonBase pause) {
            pause.setGraphic(new FontIcon(paused ? org.kordamp.ikonli.materialdesign2.MaterialDesignP.PLAY_PAUSE
                    : EditorAction.PAUSE.icon()));
            pause.getTooltip().setText((paused ? "Resume" : "Pause") + "  (F6)");
        }
        int n = model.selection().nodes().size();
        for (EditorAction a : EditorAction.values()) {
            if (a.menu().equals("Arrange")) {
                boolean distribute = a == EditorAction.DISTRIBUTE_H || a == EditorAction.DISTRIBUTE_V;
                setEnabled(a, a == EditorAction.SNAP_SELECTION ? n >= 1 : distribute ? n >= 3 : n >= 2);
            }
        }
    }

    /**
     * Edit actions stay enabled for text fields: when a text field has the focus they act on its text instead,
     * so the menu must not be greyed out by an empty node selection.
     */
    private void setEnabled(EditorAction a, boolean enabled) {
        boolean textEdit = switch (a) {
            case UNDO, REDO, CUT, COPY, DELETE -> true;
            default -> false;
        };
        boolean on = enabled || textEdit && focusedText() != null;
        MenuItem m = menuItems.get(a);
        if (m != null) {
            m.setDisable(!on);
        }
        Node b = toolButtons.get(a);
        if (b != null) {
            b.setDisable(!enabled);
        }
    }

    private TextInputControl focusedText() {
        Scene s = stage.getScene();
        return s != null && s.getFocusOwner() instanceof TextInputControl t ? t : null;
    }

    /** Runs a menu or toolbar action. */
    public void perform(EditorAction a) {
        TextInputControl text = focusedText();
        try {
            switch (a) {
                case NEW -> documents.newDocument();
                case OPEN -> documents.open();
                case SAVE -> documents.save();
                case SAVE_AS -> documents.saveAs();
                case QUIT -> {
                    if (documents.requestClose()) {
                        stage.close();
                    }
                }
                case UNDO -> {
                    if (text != null) {
                        text.undo();
                    } else {
                        model.undo();
                    }
                }
                case REDO -> {
                    if (text != null) {
                        text.redo();
                    } else {
                        model.redo();
                    }
                }
                case CUT -> {
                    if (text != null) {
                        text.cut();
                    } else if (canvas.copyToClipboard()) {
                        Selection sel = model.selection();
                        model.execute(new CompositeCommand("Cut " + sel.nodes().size() + " nodes",
                                List.of(DeleteCommand.of(sel))));
                    }
                }
                case COPY -> {
                    if (text != null) {
                        text.copy();
                    } else if (canvas.copyToClipboard()) {
                        status.show("Copied " + model.selection().nodes().size() + " nodes as .dag text");
                    }
                }
                case PASTE -> {
                    if (text != null) {
                        text.paste();
                    } else {
                        canvas.pasteFromClipboard();
                    }
                }
                case DUPLICATE -> model.duplicateSelection();
                case DELETE -> {
                    if (text != null) {
                        text.deleteNextChar();
                    } else {
                        model.deleteSelection();
                    }
                }
                case SELECT_ALL -> {
                    if (text != null) {
                        text.selectAll();
                    } else {
                        model.select(Selection.all(model.document()));
                    }
                }
                case QUICK_INSERT -> canvas.openQuickInsert("");
                case ZOOM_IN -> canvas.zoomBy(1.25);
                case ZOOM_OUT -> canvas.zoomBy(1 / 1.25);
                case RESET_ZOOM -> canvas.resetZoom();
                case FIT -> canvas.fitToView();
                case SNAP -> {
                    boolean on = !canvas.isSnapToGrid();
                    canvas.setSnapToGrid(on);
                    settings.snapToGrid(on);
                    syncToggle(a, on);
                }
                case DARK_THEME -> {
                    boolean dark = !settings.darkTheme();
                    settings.darkTheme(dark);
                    canvas.setTheme(Themes.apply(dark));
                    previews.setDarkTheme(dark);
                    syncToggle(a, dark);
                }
                case PREVIEW_DOCK -> showPreviewDock(!middle.getItems().contains(previews.dock().view()));
                case PREVIEW_THUMBNAILS -> {
                    boolean on = !previews.thumbnailsEnabled();
                    setPreviewThumbnails(on);
                    settings.previewThumbnails(on);
                    syncToggle(a, on);
                }
                case SHORTCUTS -> ShortcutsWindow.show(stage);
                case ALIGN_LEFT -> model.alignSelection(Arrange.Alignment.LEFT);
                case ALIGN_CENTER_H -> model.alignSelection(Arrange.Alignment.CENTER_HORIZONTALLY);
                case ALIGN_RIGHT -> model.alignSelection(Arrange.Alignment.RIGHT);
                case ALIGN_TOP -> model.alignSelection(Arrange.Alignment.TOP);
                case ALIGN_CENTER_V -> model.alignSelection(Arrange.Alignment.CENTER_VERTICALLY);
                case ALIGN_BOTTOM -> model.alignSelection(Arrange.Alignment.BOTTOM);
                case DISTRIBUTE_H -> model.alignSelection(Arrange.Alignment.DISTRIBUTE_HORIZONTALLY);
                case DISTRIBUTE_V -> model.alignSelection(Arrange.Alignment.DISTRIBUTE_VERTICALLY);
                case SNAP_SELECTION -> model.snapSelectionToGrid(Arrange.GRID);
                case RUN -> runs.run();
                case PAUSE -> runs.togglePause();
                case STOP -> runs.stop();
                case RESTART -> runs.restart();
            }
        } catch (CommandException e) {
            status.show(e.getMessage());
        }
    }

    private void syncToggle(EditorAction a, boolean on) {
        if (menuItems.get(a) instanceof CheckMenuItem c) {
            c.setSelected(on);
        }
        if (toolButtons.get(a) instanceof ToggleButton t) {
            t.setSelected(on);
        }
    }

    /** The window's stage. */
    public Stage stage() {
        return stage;
    }

    /** The options it was opened with. */
    public EditorOptions options() {
        return options;
    }

    /** The model. */
    public EditorModel model() {
        return model;
    }

    /** The canvas. */
    public GraphCanvas canvas() {
        return canvas;
    }

    /** The palette. */
    public PalettePane palette() {
        return palette;
    }

    /** The inspector. */
    public InspectorPane inspector() {
        return inspector;
    }

    /** The problems list. */
    public ProblemsPane problems() {
        return problems;
    }

    /** The status bar. */
    public StatusBar statusBar() {
        return status;
    }

    /** Runs the graph: Run, Pause, Stop, live edits; its runs publish previews to {@link #previewHub()}. */
    public RunController runs() {
        return runs;
    }

    /**
     * The window's {@link dev.weir.engine.api.preview.PreviewHub}: every run started from this window passes it to
     * {@link dev.weir.editor.run.GraphRunner#start}, so that the run's preview nodes show in this window's panels.
     */
    public PreviewBoard previewHub() {
        return previews;
    }

    /** The file controller. */
    public DocumentController documents() {
        return documents;
    }
}

package dev.weir.editor.preview;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import software.coley.bentofx.Bento;
import software.coley.bentofx.dockable.Dockable;
import software.coley.bentofx.layout.container.DockContainerBranch;
import software.coley.bentofx.layout.container.DockContainerLeaf;
import software.coley.bentofx.layout.container.DockContainerRootBranch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where preview panels live: a BentoFX dock (tabs that can be dragged, split side by side, or dragged out into a
 * window of their own) shown below the canvas, plus the operations the editor's menus and the panels' buttons need:
 * {@link #show}, {@link #undock}, {@link #dock} and {@link #close}.
 *
 * <pre>
 *  closed ──show──▶ docked (a tab in the main leaf) ──undock──▶ floating (a window owned by the editor's)
 *    ▲                 │  ▲                                        │
 *    └──── close ──────┘  └───────────────── dock ─────────────────┘   closing a floating window closes its panels
 * </pre>
 *
 * A panel is "open" while Bento holds it in some leaf, in the editor's window or in another; Bento may also move it by
 * drag and drop, so where a panel is is always asked of Bento rather than remembered here. A closed panel keeps its
 * renderer and its last picture; showing it again puts the same panel back.
 *
 * <p>Why BentoFX: it is MIT-licensed, 129 KB with no dependencies, uses AtlantaFX's colour names (so it follows the
 * editor's light and dark themes), and its docking, splitting and floating windows worked on JavaFX 26 as they were
 * (see {@code docs/architecture.md}, "Preview panels"). Used on the FX thread only.
 */
public final class PreviewDock {

    /**
     * Bento's stylesheet minus its own palette, which would override AtlantaFX's: Bento's rules refer to the same
     * looked-up colours ({@code -color-bg-default}, ...) that the Primer themes define.
     */
    static final String STYLESHEET = Objects.requireNonNull(PreviewDock.class.getResource("preview-dock.css"),
            "preview-dock.css").toExternalForm();

    private final Stage owner;
    private final Bento bento = new Bento();
    private final DockContainerRootBranch root;
    private final DockContainerLeaf leaf;
    private final Map<PreviewPanel, Dockable> open = new HashMap<>();
    private final Set<PreviewPanel> followed = new HashSet<>();
    private Runnable onOpened = () -> { };

    /** A dock whose floating windows belong to {@code owner} (they close with it and stay in front of it). */
    public PreviewDock(Stage owner) {
        this.owner = owner;
        root = bento.dockBuilding().root("weir-previews");
        leaf = bento.dockBuilding().leaf("weir-previews-main");
        // The main leaf stays when its last tab leaves (undocked or closed): it is where panels come back to.
        leaf.setPruneWhenEmpty(false);
        root.setPruneWhenEmpty(false);
        root.addContainer(leaf);
        root.setId("preview-dock");
        root.getStylesheets().add(STYLESHEET);
        bento.placeholderBuilding().setContainerPlaceholderFactory(l -> {
            Label hint = new Label(l == leaf ? "Preview nodes show their data here while the graph runs."
                    : "Drop a preview panel here.");
            hint.getStyleClass().add("text-muted");
            return new StackPane(hint);
        });
        bento.stageBuilding().setSceneFactory((source, region, width, height) -> {
            Scene scene = new Scene(region, width, height);
            scene.getStylesheets().add(STYLESHEET);
            return scene;
        });
    }

    /** The dock's node, for the editor's layout. */
    public Region view() {
        return root;
    }

    /** Called after a panel was opened or docked back into the editor's window (so the dock area can be shown). */
    public void setOnOpened(Runnable r) {
        this.onOpened = Objects.requireNonNull(r);
    }

    /**
     * Opens {@code panel} if it is closed (as a tab of the main leaf), selects its tab, and brings its window to the
     * front when it floats.
     */
    public void show(PreviewPanel panel) {
        Dockable d = open.get(panel);
        if (d == null || d.getContainer() == null) {
            d = dockable(panel);
            open.put(panel, d);
            leaf.addDockable(d);
            leaf.selectDockable(d);
            panel.setFloating(false);
            onOpened.run();
            return;
        }
        d.setTitle(panel.title());
        d.getContainer().selectDockable(d);
        if (isFloating(panel)) {
            if (panel.window() instanceof Stage s) {
                s.toFront();
            }
        } else {
            onOpened.run();
        }
    }

    /** Moves {@code panel} into a window of its own (opening it first if it was closed). */
    public void undock(PreviewPanel panel) {
        if (isFloating(panel)) {
            return;
        }
        Dockable d = open.get(panel);
        if (d == null || d.getContainer() == null) {
            d = dockable(panel);
            open.put(panel, d);
        } else {
            d.getContainer().removeDockable(d);
        }
        Scene source = owner.getScene();
        double w = Math.max(520, panel.getWidth());
        double h = Math.max(360, panel.getHeight() + 30);
        Stage stage = bento.stageBuilding().newStageForDockable(source, d, w, h);
        stage.setTitle(panel.title());
        stage.show();
        panel.setFloating(true);
    }

    /** Moves a floating {@code panel} back into the editor's window. */
    public void dock(PreviewPanel panel) {
        Dockable d = open.get(panel);
        if (d == null || d.getContainer() == null) {
            show(panel);
            return;
        }
        if (!isFloating(panel)) {
            return;
        }
        Window window = panel.window();
        d.getContainer().removeDockable(d);
        // A window Bento made for floating panels closes once nothing is left in it.
        if (window instanceof Stage s && s != owner && s.isShowing()
                && s.getScene().getRoot() instanceof DockContainerBranch b && b.getDockables().isEmpty()) {
            s.close();
        }
        leaf.addDockable(d);
        leaf.selectDockable(d);
        panel.setFloating(false);
        onOpened.run();
    }

    /** Docks a floating panel, undocks a docked one; the panels' window buttons call this. */
    void toggleFloating(PreviewPanel panel) {
        if (isFloating(panel)) {
            dock(panel);
        } else {
            undock(panel);
        }
    }

    /** Closes {@code panel} wherever it is; {@link #show} opens it again. */
    public void close(PreviewPanel panel) {
        Dockable d = open.get(panel);
        if (d != null && d.getContainer() != null) {
            d.getContainer().closeDockable(d);
        }
    }

    /** Whether {@code panel} is open, docked or floating. */
    public boolean isOpen(PreviewPanel panel) {
        Dockable d = open.get(panel);
        return d != null && d.getContainer() != null;
    }

    /** Whether {@code panel} is open in a window other than the editor's. */
    public boolean isFloating(PreviewPanel panel) {
        if (!isOpen(panel)) {
            return false;
        }
        Window w = panel.window();
        return w != null && w != owner;
    }

    /** Whether any panel is open in the editor's own window. */
    public boolean hasDockedPanels() {
        return !root.getDockables().isEmpty();
    }

    /**
     * A new Bento tab for {@code panel}. Bento forgets a tab once it is closed, so reopening makes a new one around
     * the same panel.
     */
    private Dockable dockable(PreviewPanel panel) {
        if (followed.add(panel)) {
            // Bento also moves panels by drag and drop; the window button follows wherever the panel went (once the
            // new window has its scene, hence later).
            panel.sceneProperty().addListener((o, was, is) -> Platform.runLater(
                    () -> panel.setFloating(isFloating(panel))));
        }
        Dockable d = bento.dockBuilding().dockable("preview:" + panel.nodeId());
        d.setTitle(panel.title());
        d.setNode(panel);
        d.setClosable(true);
        d.setCanBeDroppedToNewWindow(true);
        d.addCloseListener((path, closed) -> {
            if (open.get(panel) == closed) {
                open.remove(panel);
            }
        });
        d.setContextMenuFactory(x -> menu(panel));
        return d;
    }

    private ContextMenu menu(PreviewPanel panel) {
        boolean floating = isFloating(panel);
        MenuItem move = new MenuItem(floating ? "Dock Back into the Editor" : "Move to Own Window");
        move.setOnAction(e -> toggleFloating(panel));
        MenuItem close = new MenuItem("Close");
        close.setOnAction(e -> close(panel));
        return new ContextMenu(move, close);
    }

    /** The dock's root node (tests find tabs under it). */
    Node root() {
        return root;
    }
}

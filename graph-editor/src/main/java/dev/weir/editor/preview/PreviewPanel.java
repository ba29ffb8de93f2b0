package dev.weir.editor.preview;

import atlantafx.base.theme.Styles;
import dev.weir.engine.api.DataType;
import dev.weir.engine.api.preview.PreviewSpec;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The panel of one preview node: a slim bar (what the lanes hold, the rate of pictures actually shown, a button that
 * moves the panel to a window of its own and back) over the renderer's view. The title (the spec's title and the
 * node id) is the dock tab's, or the window's when it floats. It lives in the {@link PreviewDock}, and stays when a run
 * ends, showing the last picture, until the next run of the node replaces its renderer or reuses it.
 *
 * <p>Node ids: {@code preview-NODE} for the panel, {@code preview-float-NODE} for the window button.
 */
public final class PreviewPanel extends BorderPane {

    private final String nodeId;
    private String title;
    private final Label lanes = new Label();
    private final Label rate = new Label();
    private final Button floatButton = new Button();
    private final FontIcon undockIcon = new FontIcon(MaterialDesignO.OPEN_IN_NEW);
    private final FontIcon dockIcon = new FontIcon(MaterialDesignD.DOCK_BOTTOM);
    private PreviewRenderer renderer;
    private boolean stale = true;
    private Runnable onStale = () -> { };
    private double lastWidth = -1;
    private double lastHeight = -1;

    PreviewPanel(String nodeId, Consumer<PreviewPanel> toggleFloating) {
        this.nodeId = nodeId;
        setId("preview-" + nodeId);
        getStyleClass().add("preview-panel");
        this.title = nodeId;
        lanes.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        lanes.setId("preview-lanes-" + nodeId);
        rate.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        rate.setId("preview-rate-" + nodeId);
        floatButton.setId("preview-float-" + nodeId);
        floatButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        floatButton.setFocusTraversable(false);
        floatButton.setOnAction(e -> toggleFloating.accept(this));
        setFloating(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, lanes, spacer, rate, floatButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 4, 2, 8));
        setTop(bar);
        setMinSize(120, 90);
        // Drawing waits for the panel to be visible; when it becomes visible again (its tab chosen, its window
        // shown, the dock area opened) or changes size, the board must draw it once even without new data.
        sceneProperty().addListener((o, was, is) -> markStale());
    }

    /** The preview node's id. */
    public String nodeId() {
        return nodeId;
    }

    /** The title: the spec's title and the node id. */
    public String title() {
        return title;
    }

    PreviewRenderer renderer() {
        return renderer;
    }

    /**
     * Where the value pair ({@code x} on the horizontal axis, {@code y} on the vertical one, in the axes' units: m,
     * m/s, Hz, dB...) was last drawn, in this panel's coordinates. Empty for kinds without axes (video, table) and
     * before the first picture. It lets a caller point at data (a test sampling the picture at a target's range and
     * velocity, a readout under the mouse) without knowing the renderer's layout.
     */
    public java.util.Optional<javafx.geometry.Point2D> locate(double x, double y) {
        Axes a = renderer == null ? null : renderer.axes();
        if (a == null || a.width() <= 0 || a.height() <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(sceneToLocal(renderer.view().localToScene(a.px(x), a.py(y))));
    }

    /** The plot or image area as last drawn, in this panel's coordinates; empty as for {@link #locate}. */
    public java.util.Optional<javafx.geometry.Bounds> dataArea() {
        Axes a = renderer == null ? null : renderer.axes();
        if (a == null || a.width() <= 0 || a.height() <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(sceneToLocal(renderer.view().localToScene(
                new javafx.geometry.BoundingBox(a.left(), a.top(), a.width(), a.height()))));
    }

    /** Puts {@code r} in the panel, replacing the previous renderer's view. */
    void setRenderer(PreviewRenderer r, PreviewSpec spec, List<DataType> laneTypes) {
        this.renderer = r;
        title = spec.title().isBlank() || spec.title().equals(nodeId) ? nodeId : spec.title() + "  ·  " + nodeId;
        StringBuilder text = new StringBuilder(spec.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        for (DataType t : laneTypes) {
            text.append("  ·  ").append(t.describe());
        }
        lanes.setText(text.toString());
        r.setRedrawRequest(this::markStale);
        setCenter(r.view());
        markStale();
    }

    /** Called when the panel must be drawn again without new data. */
    void setOnStale(Runnable r) {
        this.onStale = r;
    }

    /** The panel must be drawn again even without new data (resized, shown again, new colours). */
    void markStale() {
        stale = true;
        onStale.run();
    }

    /** Whether a redraw without new data is due; clears the flag. */
    boolean takeStale() {
        boolean s = stale;
        stale = false;
        return s;
    }

    /** Shows whether the panel is in its own window: the button then docks it back. */
    void setFloating(boolean floating) {
        floatButton.setGraphic(floating ? dockIcon : undockIcon);
        floatButton.setTooltip(new Tooltip(floating ? "Dock back into the editor" : "Move to its own window"));
    }

    /** Shows the rate of pictures drawn, in pictures per second. */
    void showRate(double perSecond) {
        rate.setText(String.format(Locale.ROOT, "%.1f fps", perSecond));
    }

    /** Shows that a run has started; the rate follows once there is one to tell. */
    void showRunning() {
        rate.setText("running");
    }

    /** Shows that the run has ended and the picture is its last. */
    void showEnded() {
        rate.setText("run ended");
    }

    /**
     * Whether the panel can be seen: in a showing window, every ancestor visible, and not of zero size. Drawing a
     * panel nobody can see would cost the FX thread for nothing.
     */
    boolean isShown() {
        Scene scene = getScene();
        Window window = scene == null ? null : scene.getWindow();
        if (window == null || !window.isShowing() || getWidth() <= 0 || getHeight() <= 0) {
            return false;
        }
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (getWidth() != lastWidth || getHeight() != lastHeight) {
            lastWidth = getWidth();
            lastHeight = getHeight();
            markStale();
        }
    }

    /** The window the panel is in, or null while it is in none. */
    Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}

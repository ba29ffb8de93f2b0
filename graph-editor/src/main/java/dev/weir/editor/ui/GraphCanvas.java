package dev.weir.editor.ui;

import dev.weir.editor.model.Arrange;
import dev.weir.editor.model.CommandException;
import dev.weir.editor.model.EdgeCurve;
import dev.weir.editor.model.EditorModel;
import dev.weir.editor.model.MoveNodesCommand;
import dev.weir.editor.model.NodeShape;
import dev.weir.editor.model.PortShape;
import dev.weir.editor.model.Selection;
import dev.weir.editor.model.DocumentHistory;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.Point;
import dev.weir.engine.model.Problem;
import dev.weir.engine.model.dag.DagFormatException;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The graph canvas: one JavaFX {@link Canvas} redrawn from the model, rather than a scene-graph node per graph
 * node, so a 1000-node graph costs one node in the scene and culling decides what is drawn (see
 * {@code docs/architecture.md}, "Editor"). An overlay pane above it holds the few real controls: the hint label
 * (port types, problems, refused connections) and the quick-insert box.
 *
 * <p>Input becomes {@link Gesture}s (move, connect, marquee, pan), each emitting at most one command on release.
 * Redraws are coalesced: any change marks the canvas dirty and the next pulse draws once.
 *
 * <p>Used on the JavaFX application thread only.
 */
public final class GraphCanvas extends Region {

    /** A wire being dragged: from a port to the cursor, or to a target port, refused or not. */
    record Wire(PortShape from, double x, double y, PortShape target, boolean refused) {
    }

    private static final String HINT_STYLE = "-fx-background-color: -color-bg-default;"
            + " -fx-border-color: -color-border-default; -fx-padding: 4 8; -fx-background-radius: 4;"
            + " -fx-border-radius: 4; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 8, 0, 0, 2);";
    private static final String REFUSED_STYLE = HINT_STYLE
            + " -fx-text-fill: -color-danger-fg; -fx-border-color: -color-danger-emphasis;";

    /** Screen pixels around a port dot that still grab it. */
    private static final double PORT_GRAB_PX = 9;
    /** Screen pixels from an edge's curve that still select it. */
    private static final double EDGE_GRAB_PX = 5;

    private final EditorModel model;
    private final Canvas canvas = new Canvas();
    private final Pane overlay = new Pane();
    private final Label hint = new Label();
    private final QuickInsert quickInsert;
    private final CanvasRenderer renderer;
    private final Viewport viewport = new Viewport();
    private final PauseTransition hintTimeout = new PauseTransition(Duration.seconds(4));
    private final AnimationTimer redrawTimer;

    private boolean dirty = true;
    private boolean snapToGrid = true;
    private boolean spaceDown;
    private Gesture gesture;
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;
    private Consumer<String> status = s -> { };
    private Runnable onViewChanged = () -> { };
    private Consumer<String> onNodeDoubleClicked = id -> { };
    private NodeThumbnails thumbnails = NodeThumbnails.NONE;

    private Map<String, Point> preview = Map.of();
    private Wire wire;
    private double[] marquee;
    private String paletteDragType;
    private boolean paletteDragging;
    private double pressSceneX;
    private double pressSceneY;
    private Point ghost;
    private boolean hintSticky;

    private long lastDrawNanos;
    private RunOverlay runOverlay = RunOverlay.NONE;
    private javafx.scene.Node banner;

    /** A canvas showing {@code model}. */
    public GraphCanvas(EditorModel model) {
        this.model = model;
        this.renderer = new CanvasRenderer(this);
        this.quickInsert = new QuickInsert(this);
        setId("canvas");
        getStyleClass().add("graph-canvas");
        setFocusTraversable(true);
        setMinSize(100, 100);
        setPrefSize(900, 600);

        hint.setId("canvas-hint");
        hint.getStyleClass().add("canvas-hint");
        hint.setMouseTransparent(true);
        hint.setVisible(false);
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        hint.setStyle(HINT_STYLE);
        hintTimeout.setOnFinished(e -> hideReason());

        overlay.setPickOnBounds(false);
        overlay.getChildren().addAll(hint, quickInsert);
        getChildren().addAll(canvas, overlay);

        redrawTimer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty) {
                    draw();
                } else {
                    stop();
                }
            }
        };

        model.addListener(new EditorModel.Listener() {
            @Override
            public void documentChanged(DocumentHistory.Change change) {
                requestRedraw();
            }

            @Override
            public void selectionChanged(Selection selection) {
                requestRedraw();
            }
        });

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            if (gesture == null) {
                mouseX = Double.NaN;
                mouseY = Double.NaN;
            }
            if (!hintSticky) {
                hideReason();
            }
        });
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        addEventHandler(KeyEvent.KEY_RELEASED, this::onKeyReleased);
        addEventHandler(KeyEvent.KEY_TYPED, this::onKeyTyped);
        sceneProperty().addListener((o, was, is) -> {
            if (is != null && was == null) {
                installPaletteDragFilters(is);
            }
        });
        widthProperty().addListener(o -> requestRedraw());
        heightProperty().addListener(o -> requestRedraw());
    }

    // ---- state the gestures and the renderer share ----

    /** The model shown. */
    public EditorModel model() {
        return model;
    }

    /** The view transform; call {@link #viewChanged()} after changing it. */
    public Viewport viewport() {
        return viewport;
    }

    /** Where status messages go (the window's status bar). */
    public void setStatusSink(Consumer<String> sink) {
        this.status = sink;
    }

    /** Called after every pan or zoom (the status bar shows the zoom). */
    public void setOnViewChanged(Runnable r) {
        this.onViewChanged = r;
    }

    /** Called with a node's id when the node is double-clicked (the window opens its preview panel). */
    public void setOnNodeDoubleClicked(Consumer<String> c) {
        this.onNodeDoubleClicked = c;
    }

    /** Pictures to draw under nodes; {@link NodeThumbnails#NONE} for none. Redraws. */
    public void setThumbnails(NodeThumbnails t) {
        this.thumbnails = t;
        requestRedraw();
    }

    NodeThumbnails thumbnails() {
        return thumbnails;
    }

    void status(String message) {
        status.accept(message);
    }

    /** The colours to draw with. */
    public void setTheme(CanvasTheme theme) {
        renderer.theme(theme);
        // An opaque background lets Prism's occlusion culling skip every region under the canvas (the split panes
        // and the window's root), which it would otherwise repaint on every frame the canvas changes.
        setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(theme.background(),
                null, null)));
        requestRedraw();
    }

    /** Whether moved and dropped nodes snap to the grid. */
    public boolean isSnapToGrid() {
        return snapToGrid;
    }

    /** Turns grid snapping on or off. */
    public void setSnapToGrid(boolean snap) {
        this.snapToGrid = snap;
        requestRedraw();
    }

    boolean isSpaceDown() {
        return spaceDown;
    }

    Map<String, Point> preview() {
        return preview;
    }

    void setPreview(Map<String, Point> p) {
        preview = p;
        requestRedraw();
    }

    Wire wire() {
        return wire;
    }

    void setWire(Wire w) {
        wire = w;
        requestRedraw();
    }

    double[] marquee() {
        return marquee;
    }

    void setMarquee(double[] m) {
        marquee = m;
        requestRedraw();
    }

    Point ghost() {
        return ghost;
    }

    /** What a run shows on the canvas: metrics, failures, process groups; {@link RunOverlay#NONE} for nothing. */
    public RunOverlay runOverlay() {
        return runOverlay;
    }

    /**
     * Shows a run's metrics (or none): redrawn on the next pulse, so samples arriving faster than pulses cost one
     * frame per pulse, not one per sample.
     */
    public void setRunOverlay(RunOverlay overlay) {
        this.runOverlay = java.util.Objects.requireNonNull(overlay, "overlay");
        requestRedraw();
    }

    /**
     * A control shown at the top centre of the canvas, above the graph (the "changes queued for the next run"
     * banner), or null for none.
     */
    public void setBanner(javafx.scene.Node node) {
        if (banner != null) {
            overlay.getChildren().remove(banner);
        }
        banner = node;
        if (node != null) {
            overlay.getChildren().add(node);
        }
        requestLayout();
    }

    /** Marks the canvas for a redraw on the next pulse. */
    public void requestRedraw() {
        if (!dirty) {
            dirty = true;
        }
        redrawTimer.start();
    }

    /** The view moved: redraw and tell the listener. */
    void viewChanged() {
        requestRedraw();
        onViewChanged.run();
    }

    /** Runs an edit, reporting a refused command in the status bar instead of throwing. */
    void run(Edit edit) {
        try {
            edit.run();
        } catch (CommandException e) {
            status(e.getMessage());
        }
    }

    /** An edit that may be refused. */
    interface Edit {
        void run() throws CommandException;
    }

    // ---- drawing ----

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        overlay.resizeRelocate(0, 0, w, h);
        if (banner != null) {
            banner.autosize();
            banner.relocate(Math.max(8, (w - banner.getLayoutBounds().getWidth()) / 2), 8);
        }
        quickInsert.autosize();
        hint.autosize();
        if (dirty) {
            draw();
        }
    }

    private void draw() {
        long t0 = System.nanoTime();
        dirty = false;
        renderer.draw(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
        lastDrawNanos = System.nanoTime() - t0;
    }

    /** How long the last draw took on the application thread, in nanoseconds (rendering comes after). */
    public long lastDrawNanos() {
        return lastDrawNanos;
    }

    /** The shape to draw for {@code n}: its model shape, moved to the preview position while it is dragged. */
    NodeShape drawnShape(NodeInstance n) {
        NodeShape s = model.shape(n);
        Point p = preview.get(n.id());
        return p == null ? s : s.movedTo(p.x(), p.y());
    }

    // ---- coordinates ----

    /** The canvas-local pixel position of canvas point (mx, my); tests aim the robot with it. */
    public Point2D toLocal(double mx, double my) {
        return new Point2D(viewport.toScreenX(mx), viewport.toScreenY(my));
    }

    /** The screen position of canvas point (mx, my). */
    public Point2D toScreen(double mx, double my) {
        return localToScreen(viewport.toScreenX(mx), viewport.toScreenY(my));
    }

    /** The canvas point under the mouse, or the centre of the view when the mouse is elsewhere. */
    public Point pointerOrCenter() {
        double x = Double.isNaN(mouseX) ? getWidth() / 2 : mouseX;
        double y = Double.isNaN(mouseY) ? getHeight() / 2 : mouseY;
        return new Point(viewport.toModelX(x), viewport.toModelY(y));
    }

    /** Whether the mouse is over the canvas. */
    public boolean isPointerInside() {
        return !Double.isNaN(mouseX);
    }

    // ---- hit testing ----

    /** The port within grabbing distance of local pixel (x, y), topmost node first. */
    Optional<PortShape> portAt(double x, double y) {
        double mx = viewport.toModelX(x);
        double my = viewport.toModelY(y);
        double slack = PORT_GRAB_PX / viewport.scale();
        Optional<PortShape> hit = Optional.empty();
        for (NodeInstance n : model.document().nodeList()) {
            NodeShape s = drawnShape(n);
            if (mx < s.x() - slack || mx > s.maxX() + slack || my < s.y() || my > s.maxY()) {
                continue;
            }
            Optional<PortShape> p = s.portAt(mx, my, slack);
            if (p.isPresent()) {
                hit = p; // later nodes are drawn on top
            }
        }
        return hit;
    }

    /** The topmost node under local pixel (x, y). */
    Optional<NodeShape> nodeAt(double x, double y) {
        double mx = viewport.toModelX(x);
        double my = viewport.toModelY(y);
        NodeShape hit = null;
        for (NodeInstance n : model.document().nodeList()) {
            NodeShape s = drawnShape(n);
            if (s.contains(mx, my)) {
                hit = s; // later nodes are drawn on top
            }
        }
        return Optional.ofNullable(hit);
    }

    /** The edge whose curve passes within a few pixels of local pixel (x, y). */
    Optional<EdgeInstance> edgeAt(double x, double y) {
        double mx = viewport.toModelX(x);
        double my = viewport.toModelY(y);
        double slack = EDGE_GRAB_PX / viewport.scale();
        EdgeInstance best = null;
        double bestD = slack;
        for (EdgeInstance e : model.document().edgeList()) {
            EdgeCurve c = curve(e);
            if (c == null || !c.mayIntersect(mx - slack, my - slack, 2 * slack, 2 * slack)) {
                continue;
            }
            double d = c.distanceTo(mx, my);
            if (d <= bestD) {
                bestD = d;
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The curve of edge {@code e} as drawn now, or null when an end is missing. */
    EdgeCurve curve(EdgeInstance e) {
        NodeInstance from = model.document().nodes().get(e.from().node());
        NodeInstance to = model.document().nodes().get(e.to().node());
        if (from == null || to == null) {
            return null;
        }
        PortShape out = drawnShape(from).output(e.from().port()).orElse(null);
        PortShape in = drawnShape(to).input(e.to().port()).orElse(null);
        if (out == null || in == null) {
            return null;
        }
        return new EdgeCurve(out.x(), out.y(), in.x(), in.y());
    }

    // ---- mouse ----

    private void onPressed(MouseEvent e) {
        requestFocus();
        mouseX = e.getX();
        mouseY = e.getY();
        if (quickInsert.isShowing()) {
            quickInsert.close();
        }
        if (gesture != null) {
            gesture.cancel();
            gesture = null;
        }
        if (!hintSticky) {
            hideReason();
        }
        double x = e.getX();
        double y = e.getY();
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.PRIMARY && spaceDown) {
            gesture = new PanGesture(this, x, y);
            e.consume();
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        boolean add = e.isShiftDown() || e.isShortcutDown();
        Optional<PortShape> port = portAt(x, y);
        if (port.isPresent()) {
            gesture = new ConnectGesture(this, port.get(), x, y);
            e.consume();
            return;
        }
        Optional<NodeShape> node = nodeAt(x, y);
        if (node.isPresent()) {
            String id = node.get().nodeId();
            Selection sel = model.selection();
            boolean wasSelected = sel.nodes().contains(id);
            if (add) {
                model.select(sel.toggleNode(id));
            } else if (!wasSelected) {
                model.select(Selection.ofNode(id));
            }
            if (model.selection().nodes().contains(id)) {
                gesture = new MoveGesture(this, id, x, y, !add && wasSelected && model.selection().nodes().size() > 1);
            }
            if (e.getClickCount() == 2 && !add) {
                onNodeDoubleClicked.accept(id);
            }
            e.consume();
            return;
        }
        Optional<EdgeInstance> edge = edgeAt(x, y);
        if (edge.isPresent()) {
            String id = edge.get().id();
            model.select(add ? model.selection().toggleEdge(id) : Selection.ofEdge(id));
            e.consume();
            return;
        }
        gesture = new MarqueeGesture(this, x, y, add);
        e.consume();
    }

    private void onDragged(MouseEvent e) {
        mouseX = e.getX();
        mouseY = e.getY();
        if (gesture != null) {
            gesture.drag(e.getX(), e.getY(), e);
            e.consume();
        }
    }

    private void onReleased(MouseEvent e) {
        if (gesture != null) {
            Gesture g = gesture;
            gesture = null;
            g.release(e.getX(), e.getY(), e);
            e.consume();
        }
    }

    private void onMoved(MouseEvent e) {
        mouseX = e.getX();
        mouseY = e.getY();
        if (hintSticky) {
            return;
        }
        Optional<PortShape> port = portAt(e.getX(), e.getY());
        if (port.isPresent()) {
            showHint(port.get().describe(), e.getX(), e.getY());
            return;
        }
        Optional<NodeShape> node = nodeAt(e.getX(), e.getY());
        List<Problem> problems = node.map(n -> model.problemsOfNode(n.nodeId())).orElse(List.of());
        if (problems.isEmpty() && node.isEmpty()) {
            problems = edgeAt(e.getX(), e.getY()).map(ed -> model.problemsOfEdge(ed.id())).orElse(List.of());
        }
        String runText = node.map(n -> runHint(n.nodeId())).orElse("");
        if (!runText.isEmpty()) {
            StringBuilder sb = new StringBuilder(runText);
            for (Problem p : problems) {
                sb.append('\n').append(p.message());
            }
            showHint(sb.toString(), e.getX(), e.getY());
        } else if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Problem p : problems) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(p.message());
            }
            showHint(sb.toString(), e.getX(), e.getY());
        } else {
            hideReason();
        }
    }

    /** What the run says about a node: its whole failure message and its process group's state, or "". */
    private String runHint(String nodeId) {
        StringBuilder sb = new StringBuilder();
        RunOverlay.NodeView v = runOverlay.node(nodeId);
        if (v != null && v.fault() != null) {
            sb.append("Failed: ").append(v.fault());
        }
        NodeInstance n = model.document().nodes().get(nodeId);
        RunOverlay.GroupView g = n == null ? null : runOverlay.groups().get(n.process());
        if (g != null) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(g.detail());
        }
        return sb.toString();
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        viewport.zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
        viewChanged();
        e.consume();
    }

    // ---- keyboard ----

    private void onKeyPressed(KeyEvent e) {
        if (quickInsert.isShowing()) {
            return;
        }
        KeyCode k = e.getCode();
        if (k == KeyCode.SPACE && !e.isShortcutDown()) {
            spaceDown = true;
            if (gesture == null) {
                setCursor(Cursor.OPEN_HAND);
            }
            e.consume();
        } else if (k == KeyCode.ESCAPE) {
            if (gesture != null) {
                gesture.cancel();
                gesture = null;
            } else {
                model.select(Selection.empty());
            }
            hideReason();
            e.consume();
        } else if (k.isArrowKey() && !model.selection().nodes().isEmpty() && !e.isShortcutDown()) {
            double step = e.isShiftDown() ? Arrange.GRID * 5 : snapToGrid ? Arrange.GRID : 1;
            double dx = k == KeyCode.LEFT ? -step : k == KeyCode.RIGHT ? step : 0;
            double dy = k == KeyCode.UP ? -step : k == KeyCode.DOWN ? step : 0;
            Map<String, Point> moved = new LinkedHashMap<>();
            for (String id : model.selection().nodes()) {
                Point p = model.document().nodes().get(id).ui().position();
                moved.put(id, new Point(p.x() + dx, p.y() + dy));
            }
            run(() -> model.execute(MoveNodesCommand.of(moved)));
            e.consume();
        }
    }

    private void onKeyReleased(KeyEvent e) {
        if (e.getCode() == KeyCode.SPACE) {
            spaceDown = false;
            if (!(gesture instanceof PanGesture)) {
                setCursor(Cursor.DEFAULT);
            }
            e.consume();
        }
    }

    private void onKeyTyped(KeyEvent e) {
        if (quickInsert.isShowing() || e.isShortcutDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        String c = e.getCharacter();
        // Typing a name starts a quick insert with what was typed (Blender's and Unreal's search-as-you-type).
        if (c.length() == 1 && Character.isLetterOrDigit(c.charAt(0))) {
            openQuickInsert(c);
            e.consume();
        }
    }

    // ---- quick insert ----

    /** Opens the quick-insert box at the mouse (or the centre) with {@code text} typed in it. */
    public void openQuickInsert(String text) {
        double x = Double.isNaN(mouseX) ? getWidth() / 2 : mouseX;
        double y = Double.isNaN(mouseY) ? getHeight() / 2 : mouseY;
        Point at = new Point(viewport.toModelX(x), viewport.toModelY(y));
        quickInsert.open(x, y, snapToGrid ? Arrange.snap(at, Arrange.GRID) : at, text);
    }

    /** The quick-insert box (tests look into it). */
    QuickInsert quickInsert() {
        return quickInsert;
    }

    // ---- palette drops ----

    /**
     * A palette entry of type {@code type} was pressed at scene point (x, y): if the mouse now travels a few
     * pixels with the button held, it is a drag, followed by the filters {@link #installPaletteDragFilters}
     * put on the scene; released over the canvas, it adds the node there.
     */
    public void armPaletteDrag(String type, double sceneX, double sceneY) {
        this.paletteDragType = type;
        this.paletteDragging = false;
        this.pressSceneX = sceneX;
        this.pressSceneY = sceneY;
    }

    /** Ends a palette drag wherever it ended. */
    public void endPaletteDrag() {
        this.paletteDragType = null;
        this.paletteDragging = false;
        this.ghost = null;
        requestRedraw();
    }

    /**
     * Follows palette drags with filters on the scene, which see every mouse event of the window whichever node
     * receives it. Called once the canvas is in its scene.
     */
    private void installPaletteDragFilters(javafx.scene.Scene scene) {
        scene.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (paletteDragType == null) {
                return;
            }
            if (!paletteDragging && Math.hypot(e.getSceneX() - pressSceneX, e.getSceneY() - pressSceneY)
                    < MoveGesture.THRESHOLD + 2) {
                return;
            }
            paletteDragging = true;
            Point2D local = sceneToLocal(e.getSceneX(), e.getSceneY());
            if (local != null && contains(local)) {
                mouseX = local.getX();
                mouseY = local.getY();
                ghost = dropPoint(local.getX(), local.getY());
            } else {
                ghost = null;
            }
            requestRedraw();
        });
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (paletteDragType == null) {
                return;
            }
            String type = paletteDragType;
            boolean dragging = paletteDragging;
            endPaletteDrag();
            Point2D local = sceneToLocal(e.getSceneX(), e.getSceneY());
            if (dragging && local != null && contains(local)) {
                Point at = dropPoint(local.getX(), local.getY());
                run(() -> model.addNode(type, at));
                requestFocus();
                e.consume();
            }
        });
    }

    private Point dropPoint(double x, double y) {
        // The cursor holds the node by its title bar, a little in from the left edge.
        Point p = new Point(viewport.toModelX(x) - 30, viewport.toModelY(y) - NodeShape.HEADER / 2);
        return snapToGrid ? Arrange.snap(p, Arrange.GRID) : p;
    }

    // ---- hint label ----

    private void showHint(String text, double x, double y) {
        hint.getStyleClass().remove("refused");
        hint.setStyle(HINT_STYLE);
        hint.setText(text);
        place(x, y);
    }

    /**
     * Shows a refused connection's reason at (x, y), in the danger colour; {@code sticky} keeps it a few seconds
     * after the gesture ended.
     */
    void showReason(String text, double x, double y, boolean sticky) {
        hint.setId("connect-reason");
        if (!hint.getStyleClass().contains("refused")) {
            hint.getStyleClass().add("refused");
        }
        hint.setStyle(REFUSED_STYLE);
        hint.setText(text);
        place(x, y);
        hintSticky = sticky;
        if (sticky) {
            hintTimeout.playFromStart();
        }
    }

    private void place(double x, double y) {
        hint.setVisible(true);
        hint.autosize();
        double w = hint.prefWidth(-1);
        double h = hint.prefHeight(Math.min(w, hint.getMaxWidth()));
        double px = Math.min(x + 14, Math.max(0, getWidth() - Math.min(w, hint.getMaxWidth()) - 4));
        double py = y + 18 + h > getHeight() ? Math.max(0, y - h - 8) : y + 18;
        hint.relocate(px, py);
    }

    /** Hides the hint label. */
    void hideReason() {
        hintSticky = false;
        hintTimeout.stop();
        hint.setVisible(false);
        hint.setId("canvas-hint");
    }

    // ---- view commands ----

    /** Zooms by {@code factor} about the centre of the view. */
    public void zoomBy(double factor) {
        viewport.zoomAt(factor, getWidth() / 2, getHeight() / 2);
        viewChanged();
    }

    /** Back to 100 %, keeping the centre of the view where it is. */
    public void resetZoom() {
        viewport.zoomTo(1, getWidth() / 2, getHeight() / 2);
        viewChanged();
    }

    /** Zooms and pans so every node is in view (at most 100 %). */
    public void fitToView() {
        List<NodeShape> shapes = model.shapes();
        if (shapes.isEmpty()) {
            viewport.set(1, 40, 40);
        } else {
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (NodeShape s : shapes) {
                minX = Math.min(minX, s.x());
                minY = Math.min(minY, s.y());
                maxX = Math.max(maxX, s.maxX());
                maxY = Math.max(maxY, s.maxY());
            }
            double w = getWidth() > 0 ? getWidth() : getPrefWidth();
            double h = getHeight() > 0 ? getHeight() : getPrefHeight();
            viewport.fit(minX, minY, maxX - minX, maxY - minY, w, h, 40, 1);
        }
        viewChanged();
    }

    /** Centres node {@code id} in the view. */
    public void reveal(String id) {
        model.shape(id).ifPresent(s -> {
            viewport.centerOn(s.x() + s.width() / 2, s.y() + s.height() / 2, getWidth(), getHeight());
            viewChanged();
        });
    }

    /** Copies the selection to the system clipboard; returns false when no node is selected. */
    public boolean copyToClipboard() {
        Optional<String> text = model.copySelection();
        if (text.isEmpty()) {
            return false;
        }
        javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
        c.putString(text.get());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        return true;
    }

    /** Pastes {@code .dag} text from the system clipboard at the mouse, or beside the originals. */
    public void pasteFromClipboard() {
        String text = javafx.scene.input.Clipboard.getSystemClipboard().getString();
        if (text == null || text.isBlank()) {
            status("The clipboard holds no graph.");
            return;
        }
        try {
            Point at = isPointerInside() ? pointerOrCenter() : null;
            if (at != null && snapToGrid) {
                at = Arrange.snap(at, Arrange.GRID);
            }
            model.paste(text, at);
        } catch (DagFormatException e) {
            status("The clipboard holds no .dag graph: " + e.getMessage());
        } catch (CommandException e) {
            status(e.getMessage());
        }
    }

    /** The document shown (for the renderer). */
    GraphDocument document() {
        return model.document();
    }
}

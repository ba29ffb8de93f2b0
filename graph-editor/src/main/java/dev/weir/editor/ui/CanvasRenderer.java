package dev.weir.editor.ui;

import dev.weir.editor.model.Arrange;
import dev.weir.editor.model.EdgeCurve;
import dev.weir.editor.model.NodeShape;
import dev.weir.editor.model.ParamSummary;
import dev.weir.editor.model.PortShape;
import dev.weir.editor.model.Selection;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.Point;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the canvas: grid, edges, nodes, problem marks, a run's live metrics ({@link RunOverlay}: edge fill bars,
 * a metrics or failure line under each node, worker process badges), then the transient state of the running
 * gesture (the wire, the marquee, a palette drop's ghost).
 *
 * <p>What keeps a 1000-node graph inside a frame, measured with {@code benchmarks/.../CanvasFrameTimes} on Prism's
 * software pipeline (what Xvfb and machines without a GPU get; the GPU pipelines rasterize paths the same way, into
 * masks):
 * <ul>
 *   <li><b>culling</b>: nodes and edges whose bounds miss the view are skipped before any drawing call;</li>
 *   <li><b>axis-aligned rectangles wherever possible</b>: Prism fills an axis-aligned {@code fillRect} directly,
 *       while every other shape goes through the Marlin rasterizer, whose cost grows with the width each scanline
 *       of the shape spans. So grid lines are 1-pixel rectangles, and at low zoom nodes and ports are rectangles;</li>
 *   <li><b>one small path per edge</b>, not one path for all edges: a single path spanning the whole canvas makes
 *       Marlin walk the full width of every scanline, which cost more than a thousand small paths;</li>
 *   <li><b>text in screen space</b>: with a scaling transform Prism rasterizes each glyph's outline; at the identity
 *       transform, with a font scaled to the zoom, it copies glyphs from its cache;</li>
 *   <li><b>level of detail</b>: below {@value #LOD_BOXES} zoom nodes are bare boxes and edges right-angled lines;
 *       below {@value #LOD_TEXT} no text; below {@value #LOD_DETAIL} no summaries or port names, square ports.</li>
 * </ul>
 * Outside this class, the canvas's region has an opaque background and the split panes around it none, so Prism
 * does not repaint the regions underneath on every frame (see {@link GraphCanvas#setTheme}).
 */
final class CanvasRenderer {

    /** Zoom below which nodes are bare boxes without ports and edges are right-angled lines. */
    static final double LOD_BOXES = 0.25;
    /** Zoom below which no text is drawn (it would be under 4 pixels high). */
    static final double LOD_TEXT = 0.35;
    /** Zoom below which summaries and port names are left out and ports are squares. */
    static final double LOD_DETAIL = 0.55;
    /** Canvas units between a node's box and its thumbnail. */
    static final double THUMBNAIL_GAP = 6;

    private final GraphCanvas canvas;
    private final Map<String, Font> fonts = new HashMap<>();
    private CanvasTheme theme = CanvasTheme.LIGHT;
    /** Run fill bars of the frame being drawn: x, y, fill per visible edge with stats; reused across frames. */
    private double[] bars = new double[48];
    private int barCount;

    CanvasRenderer(GraphCanvas canvas) {
        this.canvas = canvas;
    }

    void theme(CanvasTheme t) {
        this.theme = t;
    }

    void draw(GraphicsContext gc, double w, double h) {
        Viewport v = canvas.viewport();
        double s = v.scale();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.setGlobalAlpha(1);
        gc.setLineDashes((double[]) null);
        gc.setFill(theme.background());
        gc.fillRect(0, 0, w, h);
        drawGrid(gc, v, w, h);

        // Visible rectangle in canvas units, with a margin for port dots and strokes.
        double margin = 12 / s;
        double vx = v.toModelX(0) - margin;
        double vy = v.toModelY(0) - margin;
        double vw = w / s + 2 * margin;
        double vh = h / s + 2 * margin;

        gc.setTransform(s, 0, 0, s, v.translateX(), v.translateY());
        GraphDocument doc = canvas.document();
        Selection sel = canvas.model().selection();

        List<NodeShape> visible = new ArrayList<>();
        Map<String, NodeShape> drawn = new HashMap<>();
        for (NodeInstance n : doc.nodeList()) {
            NodeShape shape = canvas.drawnShape(n);
            drawn.put(n.id(), shape);
            if (shape.intersects(vx, vy, vw, vh)) {
                visible.add(shape);
            }
        }
        RunOverlay run = canvas.runOverlay();
        drawEdges(gc, doc, drawn, sel, s, vx, vy, vw, vh, run);
        drawFillBars(gc, s);
        for (NodeShape shape : visible) {
            drawBox(gc, doc.nodes().get(shape.nodeId()), shape, sel.nodes().contains(shape.nodeId()), s, run);
        }
        drawThumbnails(gc, drawn, vx, vy, vw, vh);
        if (s >= LOD_TEXT) {
            gc.setTransform(1, 0, 0, 1, 0, 0);
            for (NodeShape shape : visible) {
                NodeInstance node = doc.nodes().get(shape.nodeId());
                drawText(gc, node, shape, v);
                drawRunText(gc, node, shape, v, run);
            }
            gc.setTransform(s, 0, 0, s, v.translateX(), v.translateY());
        }
        drawWire(gc, s);
        drawGhost(gc, s);

        gc.setTransform(1, 0, 0, 1, 0, 0);
        double[] m = canvas.marquee();
        if (m != null) {
            gc.setFill(theme.marquee());
            gc.fillRect(m[0], m[1], m[2], m[3]);
            gc.setStroke(theme.accent());
            gc.setLineWidth(1);
            gc.strokeRect(m[0] + 0.5, m[1] + 0.5, m[2], m[3]);
        }
    }

    /** Grid lines as 1-pixel rectangles in screen space (see the class comment), every fifth one darker. */
    private void drawGrid(GraphicsContext gc, Viewport v, double w, double h) {
        double step = Arrange.GRID * v.scale();
        boolean majorOnly = step < 6;
        if (majorOnly) {
            step *= 5; // only the major lines when the minor ones would be a grey haze
            if (step < 6) {
                return;
            }
        }
        long firstX = (long) Math.floor(-v.translateX() / step);
        long firstY = (long) Math.floor(-v.translateY() / step);
        for (int pass = 0; pass < 2; pass++) {
            boolean major = pass == 1;
            if (!major && majorOnly) {
                continue;
            }
            gc.setFill(major ? theme.gridMajor() : theme.gridMinor());
            for (long i = firstX; i * step + v.translateX() <= w; i++) {
                if (majorOnly || (Math.floorMod(i, 5) == 0) == major) {
                    gc.fillRect(Math.round(i * step + v.translateX()), 0, 1, h);
                }
            }
            for (long j = firstY; j * step + v.translateY() <= h; j++) {
                if (majorOnly || (Math.floorMod(j, 5) == 0) == major) {
                    gc.fillRect(0, Math.round(j * step + v.translateY()), w, 1);
                }
            }
        }
    }

    private void drawEdges(GraphicsContext gc, GraphDocument doc, Map<String, NodeShape> drawn, Selection sel,
                           double s, double vx, double vy, double vw, double vh, RunOverlay run) {
        barCount = 0;
        // One path per colour: the render thread strokes a few big paths far faster than 1200 small ones.
        Map<Color, List<EdgeCurve>> byColor = new java.util.LinkedHashMap<>();
        List<EdgeCurve> selected = new ArrayList<>();
        List<EdgeCurve> broken = new ArrayList<>();
        for (EdgeInstance e : doc.edgeList()) {
            NodeShape from = drawn.get(e.from().node());
            NodeShape to = drawn.get(e.to().node());
            if (from == null || to == null) {
                continue;
            }
            PortShape out = port(from.outputs(), e.from().port());
            PortShape in = port(to.inputs(), e.to().port());
            if (out == null || in == null) {
                continue;
            }
            EdgeCurve c = new EdgeCurve(out.x(), out.y(), in.x(), in.y());
            if (!c.mayIntersect(vx, vy, vw, vh)) {
                continue;
            }
            Double fill = run.edges().get(e.id());
            if (fill != null && s >= LOD_BOXES) {
                addBar(c, fill);
            }
            if (sel.edges().contains(e.id())) {
                selected.add(c);
            } else if (!canvas.model().problemsOfEdge(e.id()).isEmpty()) {
                broken.add(c);
            } else {
                byColor.computeIfAbsent(out.type() == null ? theme.edge() : PortColors.of(out.type()),
                        k -> new ArrayList<>()).add(c);
            }
        }
        boolean straight = s < LOD_BOXES;
        double width = straight ? 1.0 / s : Math.max(1.6, 1.0 / s);
        for (Map.Entry<Color, List<EdgeCurve>> group : byColor.entrySet()) {
            strokeCurves(gc, group.getValue(), group.getKey(), width, straight);
        }
        gc.setLineDashes(6 / s, 4 / s);
        strokeCurves(gc, broken, theme.danger(), width * 1.4, straight);
        gc.setLineDashes((double[]) null);
        strokeCurves(gc, selected, theme.accent(), Math.max(3, 2.0 / s), straight);
    }

    /** Remembers an edge's fill bar at the middle of its curve (the cubic's point at t = 1/2). */
    private void addBar(EdgeCurve c, double fill) {
        if (3 * barCount + 3 > bars.length) {
            bars = java.util.Arrays.copyOf(bars, bars.length * 2);
        }
        bars[3 * barCount] = (c.x1() + 3 * c.c1x() + 3 * c.c2x() + c.x2()) / 8;
        bars[3 * barCount + 1] = (c.y1() + c.y2()) / 2;
        bars[3 * barCount + 2] = fill;
        barCount++;
    }

    /**
     * Each running edge's fill as a small bar on its middle: a track, and the filled part in green, yellow or red
     * (thresholds in {@link RunOverlay}). Rectangles only, so Prism fills them without the path rasterizer.
     */
    private void drawFillBars(GraphicsContext gc, double s) {
        double w = 30;
        double h = 7;
        double px = 1 / s;
        for (int i = 0; i < barCount; i++) {
            double x = bars[3 * i] - w / 2;
            double y = bars[3 * i + 1] - h / 2;
            double fill = bars[3 * i + 2];
            gc.setFill(theme.nodeBorder());
            gc.fillRect(x - px, y - px, w + 2 * px, h + 2 * px);
            gc.setFill(theme.nodeBody());
            gc.fillRect(x, y, w, h);
            gc.setFill(fill < RunOverlay.FILL_YELLOW ? theme.success()
                    : fill < RunOverlay.FILL_RED ? theme.warning() : theme.danger());
            gc.fillRect(x, y, Math.max(px, w * fill), h);
        }
    }

    private static PortShape port(List<PortShape> ports, String name) {
        for (PortShape p : ports) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Strokes each curve as its own small path (see the class comment for why not one path for all). At low zoom,
     * where an edge is a few pixels long, it is a right-angled line of three axis-aligned rectangles (out of the
     * output, across at the middle, into the input), which Prism fills without the path rasterizer.
     */
    private static void strokeCurves(GraphicsContext gc, List<EdgeCurve> curves, Color color, double width,
                                     boolean straight) {
        if (curves.isEmpty()) {
            return;
        }
        gc.setStroke(color);
        gc.setFill(color);
        gc.setLineWidth(width);
        for (EdgeCurve c : curves) {
            if (straight) {
                double mid = (c.x1() + c.x2()) / 2;
                double half = width / 2;
                gc.fillRect(Math.min(c.x1(), mid), c.y1() - half, Math.abs(mid - c.x1()) + half, width);
                gc.fillRect(mid - half, Math.min(c.y1(), c.y2()) - half, width, Math.abs(c.y2() - c.y1()) + width);
                gc.fillRect(Math.min(mid, c.x2()), c.y2() - half, Math.abs(c.x2() - mid) + half, width);
            } else {
                gc.beginPath();
                gc.moveTo(c.x1(), c.y1());
                gc.bezierCurveTo(c.c1x(), c.y1(), c.c2x(), c.y2(), c.x2(), c.y2());
                gc.stroke();
            }
        }
    }

    /**
     * A node's box in canvas units: outline (thicker when selected or in trouble), body and title band, all
     * axis-aligned rectangles (see the class comment); ports as dots from {@value #LOD_DETAIL} zoom up, as squares
     * from {@value #LOD_BOXES}; the problem badge's disc.
     */
    private void drawBox(GraphicsContext gc, NodeInstance node, NodeShape shape, boolean selected, double s,
                         RunOverlay run) {
        double px = 1 / s; // one screen pixel in canvas units
        double x = shape.x();
        double y = shape.y();
        double w = shape.width();
        double h = shape.height();
        boolean enabled = node == null || node.enabled();
        boolean problem = !canvas.model().problemsOfNode(shape.nodeId()).isEmpty();
        RunOverlay.NodeView rv = run.node(shape.nodeId());
        boolean failed = rv != null && rv.fault() != null;
        gc.setGlobalAlpha(enabled ? 1 : 0.55);
        double b = failed ? Math.max(3 * px, 3) : selected ? Math.max(3 * px, 2.5) : problem ? Math.max(2 * px, 2) : px;
        gc.setFill(failed || !selected && problem ? theme.danger() : selected ? theme.accent() : theme.nodeBorder());
        gc.fillRect(x - b + px, y - b + px, w + 2 * b - 2 * px, h + 2 * b - 2 * px);
        gc.setFill(enabled ? theme.nodeBody() : theme.disabled());
        gc.fillRect(x + px, y + px, w - 2 * px, h - 2 * px);
        if (failed) {
            gc.setFill(theme.danger().deriveColor(0, 1, 1, 0.14));
            gc.fillRect(x + px, y + px, w - 2 * px, h - 2 * px);
        }
        if (s >= LOD_BOXES) {
            gc.setFill(shape.known() ? theme.nodeHeader() : theme.danger().deriveColor(0, 1, 1, 0.18));
            gc.fillRect(x + px, y + px, w - 2 * px, NodeShape.HEADER - px);
            drawPorts(gc, shape, s >= LOD_DETAIL);
        }
        if (problem && s >= LOD_TEXT) {
            gc.setFill(theme.danger());
            gc.fillOval(x + w - 21, y + NodeShape.HEADER / 2 - 8, 16, 16);
        }
        gc.setGlobalAlpha(1);
    }

    /**
     * Each node's thumbnail ({@link NodeThumbnails}, the latest picture of a preview node) just under its box, as
     * wide as the box and at most three quarters as high, with the picture's aspect kept. Culled by its own bounds,
     * which lie outside the node's.
     */
    private void drawThumbnails(GraphicsContext gc, Map<String, NodeShape> drawn, double vx, double vy, double vw,
                                double vh) {
        NodeThumbnails thumbs = canvas.thumbnails();
        if (thumbs == NodeThumbnails.NONE) {
            return;
        }
        for (Map.Entry<String, NodeShape> e : drawn.entrySet()) {
            javafx.scene.image.Image img = thumbs.thumbnail(e.getKey());
            if (img == null || img.getWidth() <= 0 || img.getHeight() <= 0) {
                continue;
            }
            NodeShape shape = e.getValue();
            double w = shape.width();
            double h = Math.min(w * img.getHeight() / img.getWidth(), w * 0.75);
            double iw = h * img.getWidth() / img.getHeight();
            double x = shape.x() + (w - iw) / 2;
            double y = shape.maxY() + THUMBNAIL_GAP;
            if (x > vx + vw || x + iw < vx || y > vy + vh || y + h < vy) {
                continue;
            }
            gc.setFill(theme.nodeBorder());
            gc.fillRect(x - 1, y - 1, iw + 2, h + 2);
            gc.setImageSmoothing(true);
            gc.drawImage(img, x, y, iw, h);
        }
    }

    private void drawPorts(GraphicsContext gc, NodeShape shape, boolean round) {
        double r = NodeShape.PORT_RADIUS;
        GraphCanvas.Wire wire = canvas.wire();
        for (List<PortShape> list : List.of(shape.inputs(), shape.outputs())) {
            for (PortShape p : list) {
                gc.setFill(PortColors.of(p.type()));
                if (round) {
                    gc.fillOval(p.x() - r, p.y() - r, 2 * r, 2 * r);
                } else {
                    gc.fillRect(p.x() - r, p.y() - r, 2 * r, 2 * r);
                }
                if (wire != null && wire.target() == p) {
                    gc.setStroke(wire.refused() ? theme.danger() : theme.success());
                    gc.setLineWidth(2.5);
                    gc.strokeOval(p.x() - r - 3, p.y() - r - 3, 2 * r + 6, 2 * r + 6);
                }
            }
        }
    }

    /**
     * A node's text, drawn in screen pixels with fonts scaled to the zoom rather than through the zoom transform:
     * Prism copies glyphs from its glyph cache only without a scaling transform, and otherwise rasterizes every
     * glyph's outline. Title and badge from {@value #LOD_TEXT} zoom up; summary and port names from
     * {@value #LOD_DETAIL}.
     */
    private void drawText(GraphicsContext gc, NodeInstance node, NodeShape shape, Viewport v) {
        double s = v.scale();
        boolean enabled = node == null || node.enabled();
        int problems = canvas.model().problemsOfNode(shape.nodeId()).size();
        gc.setGlobalAlpha(enabled ? 1 : 0.55);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(font(FontWeight.BOLD, 12 * s));
        gc.setFill(theme.text());
        gc.fillText(cut(shape.title(), problems > 0 ? 21 : 24), v.toScreenX(shape.x() + 9),
                v.toScreenY(shape.y() + NodeShape.HEADER / 2));
        if (problems > 0) {
            gc.setFill(Color.WHITE);
            gc.setFont(font(FontWeight.BOLD, 11 * s));
            gc.setTextAlign(TextAlignment.CENTER);
            gc.fillText(problems > 9 ? "!" : Integer.toString(problems), v.toScreenX(shape.maxX() - 13),
                    v.toScreenY(shape.y() + NodeShape.HEADER / 2));
        }
        if (s >= LOD_DETAIL) {
            gc.setFont(font(FontWeight.NORMAL, 10.5 * s));
            gc.setFill(theme.textMuted());
            for (List<PortShape> list : List.of(shape.inputs(), shape.outputs())) {
                for (PortShape p : list) {
                    gc.setTextAlign(p.input() ? TextAlignment.LEFT : TextAlignment.RIGHT);
                    gc.fillText(cut(p.name(), 12), v.toScreenX(p.input() ? p.x() + 10 : p.x() - 10),
                            v.toScreenY(p.y()));
                }
            }
            double ly = shape.y() + NodeShape.HEADER + NodeShape.PAD
                    + Math.max(1, Math.max(shape.inputs().size(), shape.outputs().size())) * NodeShape.PORT_ROW
                    + NodeShape.LINE / 2;
            for (ParamSummary.Line line : shape.summary()) {
                gc.setTextAlign(TextAlignment.LEFT);
                gc.setFill(theme.textMuted());
                gc.fillText(cut(line.label(), 13), v.toScreenX(shape.x() + 9), v.toScreenY(ly));
                gc.setTextAlign(TextAlignment.RIGHT);
                gc.setFill(theme.text());
                gc.fillText(cut(line.value(), 17), v.toScreenX(shape.maxX() - 9), v.toScreenY(ly));
                ly += NodeShape.LINE;
            }
        }
        gc.setGlobalAlpha(1);
    }

    /**
     * A node's run text, in screen pixels like {@link #drawText}: the worker process group as a badge above the box
     * (always, for a node outside the main process; with the group's state while it runs), and under the box the
     * metrics line, or the failure in the danger colour, cut to the box's width (the hint and the problems list
     * have it whole).
     */
    private void drawRunText(GraphicsContext gc, NodeInstance node, NodeShape shape, Viewport v, RunOverlay run) {
        double s = v.scale();
        if (node != null && !node.inMainProcess()) {
            RunOverlay.GroupView g = run.groups().get(node.process());
            gc.setTextBaseline(VPos.BOTTOM);
            gc.setTextAlign(TextAlignment.LEFT);
            gc.setFont(font(FontWeight.BOLD, 10 * s));
            gc.setFill(g == null || g.level() == RunOverlay.Level.OK ? theme.accent()
                    : g.level() == RunOverlay.Level.WARNING ? theme.warning() : theme.danger());
            gc.fillText(cut((g == null ? node.process() : g.badge()), 34), v.toScreenX(shape.x() + 2),
                    v.toScreenY(shape.y() - 3));
        }
        RunOverlay.NodeView rv = run.node(shape.nodeId());
        if (rv == null) {
            return;
        }
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        double ty = v.toScreenY(shape.maxY() + 4);
        if (rv.fault() != null) {
            gc.setFont(font(FontWeight.BOLD, 10.5 * s));
            gc.setFill(theme.danger());
            gc.fillText(cut(rv.fault(), 36), v.toScreenX(shape.x() + 2), ty);
        } else if (rv.line() != null) {
            gc.setFont(font(FontWeight.NORMAL, 10.5 * s));
            gc.setFill(run.live() ? theme.text() : theme.textMuted());
            gc.fillText(rv.line(), v.toScreenX(shape.x() + 2), ty);
        }
    }

    /** The system font at {@code size} pixels, rounded to half pixels so that a zoom sweep reuses few sizes. */
    private Font font(FontWeight weight, double size) {
        double rounded = Math.max(1, Math.round(size * 2) / 2.0);
        return fonts.computeIfAbsent(weight + "/" + rounded, k -> Font.font("System", weight, rounded));
    }

    private void drawWire(GraphicsContext gc, double s) {
        GraphCanvas.Wire wire = canvas.wire();
        if (wire == null) {
            return;
        }
        Viewport v = canvas.viewport();
        double cx = v.toModelX(wire.x());
        double cy = v.toModelY(wire.y());
        PortShape a = wire.from();
        double ex = wire.target() != null ? wire.target().x() : cx;
        double ey = wire.target() != null ? wire.target().y() : cy;
        EdgeCurve c = a.input() ? new EdgeCurve(ex, ey, a.x(), a.y()) : new EdgeCurve(a.x(), a.y(), ex, ey);
        Color color = wire.target() == null ? theme.accent() : wire.refused() ? theme.danger() : theme.success();
        if (wire.refused()) {
            gc.setLineDashes(6 / s, 4 / s);
        }
        strokeCurves(gc, List.of(c), color, Math.max(2, 1.5 / s), false);
        gc.setLineDashes((double[]) null);
    }

    private void drawGhost(GraphicsContext gc, double s) {
        Point g = canvas.ghost();
        if (g == null) {
            return;
        }
        gc.setLineDashes(5 / s, 4 / s);
        gc.setStroke(theme.accent());
        gc.setLineWidth(Math.max(1.5, 1 / s));
        gc.strokeRoundRect(g.x(), g.y(), NodeShape.WIDTH, NodeShape.HEADER + 2 * NodeShape.PAD + NodeShape.PORT_ROW,
                10, 10);
        gc.setLineDashes((double[]) null);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

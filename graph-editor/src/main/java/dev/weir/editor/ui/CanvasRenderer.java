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
 * Draws the canvas: grid, edges, nodes, problem marks, then the transient state of the running gesture (the wire,
 * the marquee, a palette drop's ghost).
 *
 * <p>What keeps a 1000-node graph inside a frame:
 * <ul>
 *   <li><b>culling</b>: nodes and edges whose bounds miss the view are skipped before any drawing call;</li>
 *   <li><b>batching</b>: edges are stroked as one path per colour, and at low zoom all node boxes are one path, so
 *       the render thread gets a few large paths rather than thousands of small ones;</li>
 *   <li><b>level of detail</b>: below 35 % zoom text is unreadable and is not drawn, below 25 % ports go too, and
 *       below 55 % the summaries and port names.</li>
 * </ul>
 */
final class CanvasRenderer {

    /** Zoom below which node boxes are plain rectangles in one batched path. */
    static final double LOD_BOXES = 0.35;
    /** Zoom below which ports are not drawn. */
    static final double LOD_PORTS = 0.25;
    /** Zoom below which summaries and port names are not drawn. */
    static final double LOD_DETAIL = 0.55;

    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 12);
    private static final Font SMALL = Font.font("System", FontWeight.NORMAL, 10.5);
    private static final Font BADGE = Font.font("System", FontWeight.BOLD, 11);

    private final GraphCanvas canvas;
    private CanvasTheme theme = CanvasTheme.LIGHT;

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
        drawEdges(gc, doc, drawn, sel, s, vx, vy, vw, vh);
        if (s < LOD_BOXES) {
            drawBoxes(gc, doc, visible, sel, s);
        } else {
            for (NodeShape shape : visible) {
                drawNode(gc, doc.nodes().get(shape.nodeId()), shape, sel.nodes().contains(shape.nodeId()), s);
            }
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

    private void drawGrid(GraphicsContext gc, Viewport v, double w, double h) {
        double step = Arrange.GRID * v.scale();
        if (step < 6) {
            step *= 5; // only the major lines when the minor ones would be a grey haze
            if (step < 6) {
                return;
            }
        }
        boolean majorOnly = Arrange.GRID * v.scale() < 6;
        long firstX = (long) Math.floor(-v.translateX() / step);
        long firstY = (long) Math.floor(-v.translateY() / step);
        for (int pass = 0; pass < 2; pass++) {
            boolean major = pass == 1;
            if (!major && majorOnly) {
                continue;
            }
            gc.beginPath();
            for (long i = firstX; i * step + v.translateX() <= w; i++) {
                if (majorOnly || (Math.floorMod(i, 5) == 0) == major) {
                    double x = Math.round(i * step + v.translateX()) + 0.5;
                    gc.moveTo(x, 0);
                    gc.lineTo(x, h);
                }
            }
            for (long j = firstY; j * step + v.translateY() <= h; j++) {
                if (majorOnly || (Math.floorMod(j, 5) == 0) == major) {
                    double y = Math.round(j * step + v.translateY()) + 0.5;
                    gc.moveTo(0, y);
                    gc.lineTo(w, y);
                }
            }
            gc.setStroke(major || majorOnly ? theme.gridMajor() : theme.gridMinor());
            gc.setLineWidth(1);
            gc.stroke();
        }
    }

    private void drawEdges(GraphicsContext gc, GraphDocument doc, Map<String, NodeShape> drawn, Selection sel,
                           double s, double vx, double vy, double vw, double vh) {
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
            if (sel.edges().contains(e.id())) {
                selected.add(c);
            } else if (!canvas.model().problemsOfEdge(e.id()).isEmpty()) {
                broken.add(c);
            } else {
                byColor.computeIfAbsent(out.type() == null ? theme.edge() : PortColors.of(out.type()),
                        k -> new ArrayList<>()).add(c);
            }
        }
        double width = Math.max(1.6, 1.0 / s);
        for (Map.Entry<Color, List<EdgeCurve>> group : byColor.entrySet()) {
            strokeCurves(gc, group.getValue(), group.getKey(), width);
        }
        gc.setLineDashes(6 / s, 4 / s);
        strokeCurves(gc, broken, theme.danger(), width * 1.4);
        gc.setLineDashes((double[]) null);
        strokeCurves(gc, selected, theme.accent(), Math.max(3, 2.0 / s));
    }

    private static PortShape port(List<PortShape> ports, String name) {
        for (PortShape p : ports) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static void strokeCurves(GraphicsContext gc, List<EdgeCurve> curves, Color color, double width) {
        if (curves.isEmpty()) {
            return;
        }
        gc.beginPath();
        for (EdgeCurve c : curves) {
            gc.moveTo(c.x1(), c.y1());
            gc.bezierCurveTo(c.c1x(), c.y1(), c.c2x(), c.y2(), c.x2(), c.y2());
        }
        gc.setStroke(color);
        gc.setLineWidth(width);
        gc.stroke();
    }

    /** Low zoom: every box as one rectangle of one batched path; marks as coloured outlines. */
    private void drawBoxes(GraphicsContext gc, GraphDocument doc, List<NodeShape> visible, Selection sel, double s) {
        gc.beginPath();
        for (NodeShape shape : visible) {
            gc.rect(shape.x(), shape.y(), shape.width(), shape.height());
        }
        gc.setFill(theme.nodeBody());
        gc.fill();
        gc.setStroke(theme.nodeBorder());
        gc.setLineWidth(1 / s);
        gc.stroke();
        List<NodeShape> marked = new ArrayList<>();
        List<NodeShape> chosen = new ArrayList<>();
        for (NodeShape shape : visible) {
            if (sel.nodes().contains(shape.nodeId())) {
                chosen.add(shape);
            } else if (!canvas.model().problemsOfNode(shape.nodeId()).isEmpty()) {
                marked.add(shape);
            }
        }
        outline(gc, marked, theme.danger(), 3 / s);
        outline(gc, chosen, theme.accent(), 3 / s);
        if (s >= LOD_PORTS) {
            for (NodeShape shape : visible) {
                drawPorts(gc, shape, s, false);
            }
        }
    }

    private static void outline(GraphicsContext gc, List<NodeShape> shapes, Color c, double width) {
        if (shapes.isEmpty()) {
            return;
        }
        gc.beginPath();
        for (NodeShape shape : shapes) {
            gc.rect(shape.x(), shape.y(), shape.width(), shape.height());
        }
        gc.setStroke(c);
        gc.setLineWidth(width);
        gc.stroke();
    }

    private void drawNode(GraphicsContext gc, NodeInstance node, NodeShape shape, boolean selected, double s) {
        double x = shape.x();
        double y = shape.y();
        double w = shape.width();
        double h = shape.height();
        boolean enabled = node == null || node.enabled();
        int problems = canvas.model().problemsOfNode(shape.nodeId()).size();
        gc.setGlobalAlpha(enabled ? 1 : 0.55);

        gc.setFill(enabled ? theme.nodeBody() : theme.disabled());
        gc.fillRoundRect(x, y, w, h, 10, 10);
        gc.setFill(shape.known() ? theme.nodeHeader() : theme.danger().deriveColor(0, 1, 1, 0.18));
        gc.fillRoundRect(x, y, w, NodeShape.HEADER, 10, 10);
        gc.fillRect(x, y + NodeShape.HEADER - 5, w, 5);

        gc.setStroke(problems > 0 ? theme.danger() : theme.nodeBorder());
        gc.setLineWidth(problems > 0 ? 2 : 1);
        gc.strokeRoundRect(x, y, w, h, 10, 10);
        if (selected) {
            gc.setStroke(theme.accent());
            gc.setLineWidth(Math.max(2.5, 1.5 / s));
            gc.strokeRoundRect(x - 2, y - 2, w + 4, h + 4, 13, 13);
        }

        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(TITLE);
        gc.setFill(theme.text());
        gc.fillText(cut(shape.title(), problems > 0 ? 21 : 24), x + 9, y + NodeShape.HEADER / 2);

        boolean detail = s >= LOD_DETAIL;
        drawPorts(gc, shape, s, detail);
        if (detail) {
            gc.setFont(SMALL);
            double ly = y + NodeShape.HEADER + NodeShape.PAD
                    + Math.max(1, Math.max(shape.inputs().size(), shape.outputs().size())) * NodeShape.PORT_ROW
                    + NodeShape.LINE / 2;
            for (ParamSummary.Line line : shape.summary()) {
                gc.setTextAlign(TextAlignment.LEFT);
                gc.setFill(theme.textMuted());
                gc.fillText(cut(line.label(), 13), x + 9, ly);
                gc.setTextAlign(TextAlignment.RIGHT);
                gc.setFill(theme.text());
                gc.fillText(cut(line.value(), 17), x + w - 9, ly);
                ly += NodeShape.LINE;
            }
        }
        if (problems > 0) {
            double bx = x + w - 13;
            double by = y + NodeShape.HEADER / 2;
            gc.setFill(theme.danger());
            gc.fillOval(bx - 8, by - 8, 16, 16);
            gc.setFill(Color.WHITE);
            gc.setFont(BADGE);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.fillText(problems > 9 ? "!" : Integer.toString(problems), bx, by);
        }
        gc.setGlobalAlpha(1);
    }

    private void drawPorts(GraphicsContext gc, NodeShape shape, double s, boolean names) {
        double r = NodeShape.PORT_RADIUS;
        GraphCanvas.Wire wire = canvas.wire();
        for (List<PortShape> list : List.of(shape.inputs(), shape.outputs())) {
            for (PortShape p : list) {
                gc.setFill(PortColors.of(p.type()));
                gc.fillOval(p.x() - r, p.y() - r, 2 * r, 2 * r);
                gc.setStroke(theme.nodeBody());
                gc.setLineWidth(1.5);
                gc.strokeOval(p.x() - r, p.y() - r, 2 * r, 2 * r);
                if (wire != null && wire.target() == p) {
                    gc.setStroke(wire.refused() ? theme.danger() : theme.success());
                    gc.setLineWidth(2.5);
                    gc.strokeOval(p.x() - r - 3, p.y() - r - 3, 2 * r + 6, 2 * r + 6);
                }
                if (names) {
                    gc.setFont(SMALL);
                    gc.setFill(theme.textMuted());
                    gc.setTextAlign(p.input() ? TextAlignment.LEFT : TextAlignment.RIGHT);
                    gc.fillText(cut(p.name(), 12), p.input() ? p.x() + 10 : p.x() - 10, p.y());
                }
            }
        }
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
        strokeCurves(gc, List.of(c), color, Math.max(2, 1.5 / s));
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

package dev.weir.editor.model;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The geometry of one node on the canvas, derived from the document and the node's descriptor: its box, its
 * ports and the text drawn in it. The canvas draws it and hit-tests against it; alignment and fit-to-view read
 * its bounds. Pure and immutable, so it is computed once per {@link NodeInstance} value and cached by identity.
 *
 * <pre>
 *   x,y ┌──────────────────────────────┐
 *       │ title              (HEADER)  │
 *       ├──────────────────────────────┤
 *    in ●  in                     out  ● out     one row of PORT_ROW per port, inputs left, outputs right
 *       │  Param label      value unit │         at most ParamSummary.MAX_LINES lines of LINE
 *       └──────────────────────────────┘ WIDTH
 * </pre>
 *
 * @param nodeId   the node
 * @param x        left, canvas units
 * @param y        top
 * @param width    box width
 * @param height   box height
 * @param title    the node's name, or its type's label when the name is empty
 * @param subtitle the type id
 * @param inputs   input ports, top to bottom
 * @param outputs  output ports, top to bottom
 * @param summary  param lines drawn under the ports
 * @param known    whether the node's type is in the registry
 */
public record NodeShape(String nodeId, double x, double y, double width, double height, String title,
                        String subtitle, List<PortShape> inputs, List<PortShape> outputs,
                        List<ParamSummary.Line> summary, boolean known) {

    /** Box width. */
    public static final double WIDTH = 184;
    /** Title bar height. */
    public static final double HEADER = 24;
    /** Height of one port row. */
    public static final double PORT_ROW = 18;
    /** Height of one summary line. */
    public static final double LINE = 15;
    /** Space above the port rows and below the last line. */
    public static final double PAD = 5;
    /** Radius of a port's dot; the hit area is larger (see {@link #portAt}). */
    public static final double PORT_RADIUS = 5;

    public NodeShape {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        summary = List.copyOf(summary);
    }

    /**
     * The shape of {@code node} in {@code doc}. Ports come from the descriptor and the node's params (defaults
     * filled in); when the params cannot size them, from the declared specs; and for a node of an unknown type,
     * from the edges that touch it, so its edges still have ends to draw.
     */
    public static NodeShape of(NodeInstance node, Optional<NodeDescriptor> descriptor, GraphDocument doc) {
        List<PortName> in = new ArrayList<>();
        List<PortName> out = new ArrayList<>();
        List<ParamSummary.Line> summary;
        String title;
        if (descriptor.isPresent()) {
            NodeDescriptor d = descriptor.get();
            Params params = d.withDefaults(node.params());
            ports(d, params, true, in);
            ports(d, params, false, out);
            summary = ParamSummary.lines(d, node.params());
            title = node.name().isEmpty() ? d.label() : node.name();
        } else {
            Set<String> ins = new LinkedHashSet<>();
            Set<String> outs = new LinkedHashSet<>();
            for (EdgeInstance e : doc.edgeList()) {
                if (e.to().node().equals(node.id())) {
                    ins.add(e.to().port());
                }
                if (e.from().node().equals(node.id())) {
                    outs.add(e.from().port());
                }
            }
            ins.forEach(n -> in.add(new PortName(n, null, false)));
            outs.forEach(n -> out.add(new PortName(n, null, false)));
            summary = ParamSummary.lines(node.params());
            title = node.name().isEmpty() ? node.type() : node.name();
        }
        double x = node.ui().position().x();
        double y = node.ui().position().y();
        int rows = Math.max(1, Math.max(in.size(), out.size()));
        double height = HEADER + PAD + rows * PORT_ROW + summary.size() * LINE + PAD;
        return new NodeShape(node.id(), x, y, WIDTH, height, title, node.type(),
                place(node.id(), in, true, x, y), place(node.id(), out, false, x + WIDTH, y), summary,
                descriptor.isPresent());
    }

    private record PortName(String name, DataType type, boolean optional) {
    }

    private static void ports(NodeDescriptor d, Params params, boolean inputs, List<PortName> into) {
        try {
            List<ResolvedPort> resolved = inputs ? d.resolveInputs(params) : d.resolveOutputs(params);
            for (ResolvedPort p : resolved) {
                into.add(new PortName(p.name(), p.type(), p.optional()));
            }
        } catch (RuntimeException e) {
            // Bad params (the validator reports them on the node); keep the declared ports so edges still attach.
            for (PortSpec p : inputs ? d.inputs() : d.outputs()) {
                into.add(new PortName(p.name(), p.type(), p.optional()));
            }
        }
    }

    private static List<PortShape> place(String nodeId, List<PortName> names, boolean input, double x, double y) {
        List<PortShape> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            PortName p = names.get(i);
            out.add(new PortShape(nodeId, p.name(), input, p.type(), p.optional(), x,
                    y + HEADER + PAD + (i + 0.5) * PORT_ROW));
        }
        return out;
    }

    /** Right edge. */
    public double maxX() {
        return x + width;
    }

    /** Bottom edge. */
    public double maxY() {
        return y + height;
    }

    /** Whether the point is inside the box. */
    public boolean contains(double px, double py) {
        return px >= x && px <= x + width && py >= y && py <= y + height;
    }

    /** Whether the box overlaps the rectangle. */
    public boolean intersects(double rx, double ry, double rw, double rh) {
        return x < rx + rw && x + width > rx && y < ry + rh && y + height > ry;
    }

    /** The port whose dot is within {@code slack} canvas units of the point, if any. */
    public Optional<PortShape> portAt(double px, double py, double slack) {
        PortShape best = null;
        double bestD = slack * slack;
        for (List<PortShape> list : List.of(inputs, outputs)) {
            for (PortShape p : list) {
                double dx = p.x() - px;
                double dy = p.y() - py;
                double d = dx * dx + dy * dy;
                if (d <= bestD) {
                    bestD = d;
                    best = p;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The input named {@code name}. */
    public Optional<PortShape> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The output named {@code name}. */
    public Optional<PortShape> output(String name) {
        return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** This shape moved so its top-left corner is at (nx, ny); for drawing a node while it is dragged. */
    public NodeShape movedTo(double nx, double ny) {
        double dx = nx - x;
        double dy = ny - y;
        return new NodeShape(nodeId, nx, ny, width, height, title, subtitle, shift(inputs, dx, dy),
                shift(outputs, dx, dy), summary, known);
    }

    private static List<PortShape> shift(List<PortShape> ports, double dx, double dy) {
        List<PortShape> out = new ArrayList<>(ports.size());
        for (PortShape p : ports) {
            out.add(new PortShape(p.nodeId(), p.name(), p.input(), p.type(), p.optional(), p.x() + dx, p.y() + dy));
        }
        return out;
    }
}

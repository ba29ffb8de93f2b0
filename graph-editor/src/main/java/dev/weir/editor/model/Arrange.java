package dev.weir.editor.model;

import dev.weir.engine.model.Point;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alignment, distribution and grid snapping of nodes. Each operation returns the new positions, which the editor
 * turns into one {@link MoveNodesCommand}.
 */
public final class Arrange {

    /** The default grid spacing, in canvas units. */
    public static final double GRID = 20;

    private Arrange() {
    }

    /** How to line up a selection. */
    public enum Alignment {
        /** Left edges on the leftmost left edge. */
        LEFT("Align left"),
        /** Right edges on the rightmost right edge. */
        RIGHT("Align right"),
        /** Top edges on the topmost top edge. */
        TOP("Align top"),
        /** Bottom edges on the lowest bottom edge. */
        BOTTOM("Align bottom"),
        /** Centres on the vertical line through the middle of the selection. */
        CENTER_HORIZONTALLY("Align centres horizontally"),
        /** Centres on the horizontal line through the middle of the selection. */
        CENTER_VERTICALLY("Align centres vertically"),
        /** Equal horizontal gaps between the first and the last node from the left. */
        DISTRIBUTE_HORIZONTALLY("Distribute horizontally"),
        /** Equal vertical gaps between the top and the bottom node. */
        DISTRIBUTE_VERTICALLY("Distribute vertically");

        private final String label;

        Alignment(String label) {
            this.label = label;
        }

        /** The menu and undo label. */
        public String label() {
            return label;
        }
    }

    /** {@code v} rounded to the nearest multiple of {@code grid}. */
    public static double snap(double v, double grid) {
        return Math.round(v / grid) * grid;
    }

    /** A point with both coordinates snapped. */
    public static Point snap(Point p, double grid) {
        return new Point(snap(p.x(), grid), snap(p.y(), grid));
    }

    /**
     * New top-left corners that line up {@code shapes} as {@code how} says. Nodes already in place are left out,
     * so the result may be empty; fewer than two nodes (three for distribution) never move.
     */
    public static Map<String, Point> align(List<NodeShape> shapes, Alignment how) {
        Map<String, Point> out = new LinkedHashMap<>();
        int needed = how == Alignment.DISTRIBUTE_HORIZONTALLY || how == Alignment.DISTRIBUTE_VERTICALLY ? 3 : 2;
        if (shapes.size() < needed) {
            return out;
        }
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
        double midX = (minX + maxX) / 2;
        double midY = (minY + maxY) / 2;
        switch (how) {
            case DISTRIBUTE_HORIZONTALLY -> distribute(shapes, true, out);
            case DISTRIBUTE_VERTICALLY -> distribute(shapes, false, out);
            default -> {
                for (NodeShape s : shapes) {
                    double x = s.x();
                    double y = s.y();
                    switch (how) {
                        case LEFT -> x = minX;
                        case RIGHT -> x = maxX - s.width();
                        case TOP -> y = minY;
                        case BOTTOM -> y = maxY - s.height();
                        case CENTER_HORIZONTALLY -> x = midX - s.width() / 2;
                        case CENTER_VERTICALLY -> y = midY - s.height() / 2;
                        default -> throw new AssertionError(how);
                    }
                    put(out, s, x, y);
                }
            }
        }
        return out;
    }

    /** Equal gaps between neighbours, keeping the two outermost nodes where they are. */
    private static void distribute(List<NodeShape> shapes, boolean horizontal, Map<String, Point> out) {
        List<NodeShape> sorted = new ArrayList<>(shapes);
        sorted.sort(Comparator.comparingDouble(horizontal ? NodeShape::x : NodeShape::y));
        NodeShape first = sorted.getFirst();
        NodeShape last = sorted.getLast();
        double span = horizontal ? last.maxX() - first.x() : last.maxY() - first.y();
        double total = 0;
        for (NodeShape s : sorted) {
            total += horizontal ? s.width() : s.height();
        }
        double gap = (span - total) / (sorted.size() - 1);
        double at = horizontal ? first.x() : first.y();
        for (NodeShape s : sorted) {
            put(out, s, horizontal ? at : s.x(), horizontal ? s.y() : at);
            at += (horizontal ? s.width() : s.height()) + gap;
        }
    }

    private static void put(Map<String, Point> out, NodeShape s, double x, double y) {
        if (x != s.x() || y != s.y()) {
            out.put(s.nodeId(), new Point(x, y));
        }
    }
}

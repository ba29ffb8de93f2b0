package dev.weir.editor.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSpec;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link PreviewKind#DETECTIONS}: the newest detection records as a table of class, score and box corners (source
 * pixels).
 *
 * <p>Rows are reused: the table's items are the first {@code n} of a pool of {@link Row}s whose properties are set
 * in place, so a frame with as many detections as the last one changes cell texts and nothing else; rows are added
 * to or removed from the end only when the count changes. The table refreshes at most {@value #MAX_FPS} times a
 * second: numbers that change faster cannot be read, and each refresh costs CSS and layout of the visible cells
 * (which format their numbers into strings).
 */
final class DetectionsRenderer extends PreviewRenderer {

    /** Table refreshes per second. */
    static final int MAX_FPS = 10;

    /** One table row; its properties change in place. */
    static final class Row {
        final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
        final ReadOnlyDoubleWrapper score = new ReadOnlyDoubleWrapper();
        final ReadOnlyDoubleWrapper x1 = new ReadOnlyDoubleWrapper();
        final ReadOnlyDoubleWrapper y1 = new ReadOnlyDoubleWrapper();
        final ReadOnlyDoubleWrapper x2 = new ReadOnlyDoubleWrapper();
        final ReadOnlyDoubleWrapper y2 = new ReadOnlyDoubleWrapper();

        String name() {
            return name.get();
        }

        double score() {
            return score.get();
        }

        double x1() {
            return x1.get();
        }

        double y1() {
            return y1.get();
        }

        double x2() {
            return x2.get();
        }

        double y2() {
            return y2.get();
        }
    }

    private final TableView<Row> table = new TableView<>();
    private final ObservableList<Row> items = FXCollections.observableArrayList();
    private final List<Row> pool = new ArrayList<>();
    private final BoxFields fields;
    private final ClassLabels labels;

    DetectionsRenderer(PreviewSpec spec, DataType.RecordsOf type) {
        super(spec);
        this.fields = BoxFields.of(type.schema());
        this.labels = new ClassLabels(spec.classNames(), Font.getDefault());
        table.setId("preview-table");
        table.setItems(items);
        table.setPlaceholder(new javafx.scene.control.Label("No detections"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, String> name = new TableColumn<>("class");
        name.setCellValueFactory(c -> c.getValue().name.getReadOnlyProperty());
        table.getColumns().add(name);
        table.getColumns().add(number("score", 2, r -> r.score));
        table.getColumns().add(number("x1 (px)", 1, r -> r.x1));
        table.getColumns().add(number("y1 (px)", 1, r -> r.y1));
        table.getColumns().add(number("x2 (px)", 1, r -> r.x2));
        table.getColumns().add(number("y2 (px)", 1, r -> r.y2));
        table.setPrefSize(480, 280);
    }

    private static TableColumn<Row, Number> number(String title, int decimals,
                                                  java.util.function.Function<Row, ReadOnlyDoubleWrapper> field) {
        TableColumn<Row, Number> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> field.apply(c.getValue()).getReadOnlyProperty());
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null || Double.isNaN(v.doubleValue()) ? ""
                        : AxisTicks.format(v.doubleValue(), decimals));
            }
        });
        col.setStyle("-fx-alignment: CENTER-RIGHT;");
        return col;
    }

    @Override
    Region view() {
        return table;
    }

    @Override
    void setRedrawRequest(Runnable r) {
        // A table lays itself out; nothing to redraw by hand.
    }

    @Override
    long minIntervalNanos() {
        return 1_000_000_000L / MAX_FPS;
    }

    @Override
    void accept(Frame[] lanes) {
        Frame f = lanes[0];
        int n = f.length();
        while (pool.size() < n) {
            pool.add(new Row());
        }
        for (int r = 0; r < n; r++) {
            Row row = pool.get(r);
            row.name.set(labels.name(fields.classId(f, r)));
            row.score.set(fields.score(f, r));
            row.x1.set(fields.x1(f, r));
            row.y1.set(fields.y1(f, r));
            row.x2.set(fields.x2(f, r));
            row.y2.set(fields.y2(f, r));
        }
        if (items.size() > n) {
            items.remove(n, items.size());
        }
        for (int r = items.size(); r < n; r++) {
            items.add(pool.get(r));
        }
    }

    @Override
    void draw() {
        // The table shows its rows' properties as they change.
    }

    /** The rows shown (tests read them). */
    List<Row> rows() {
        return items;
    }
}

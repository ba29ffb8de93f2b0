package dev.weir.editor.ui;

import atlantafx.base.theme.Styles;
import dev.weir.editor.model.CommandException;
import dev.weir.editor.model.DocumentHistory;
import dev.weir.editor.model.EditorModel;
import dev.weir.editor.model.NodeShape;
import dev.weir.editor.model.PortShape;
import dev.weir.editor.model.RenameGraphCommand;
import dev.weir.editor.model.RenameNodeCommand;
import dev.weir.editor.model.Selection;
import dev.weir.editor.model.SetEdgeSpecCommand;
import dev.weir.editor.model.SetNodeStateCommand;
import dev.weir.editor.model.SetProcessCommand;
import dev.weir.editor.model.SetParamCommand;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeState;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.model.Problem;
import dev.weir.engine.model.Transport;
import javafx.application.Platform;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The inspector: the params of the selected node with a typed editor each ({@link ParamEditor}), its name, state,
 * ports and problems; the spec of a selected edge; the graph's name when nothing is selected. It observes the
 * model and rebuilds only when the selection moves to another node, so a param edit updates the fields in place and
 * keeps the keyboard focus where it was.
 */
public final class InspectorPane extends ScrollPane {

    private final EditorModel model;
    private final Dialogs dialogs;
    private final Supplier<Window> owner;
    private final Consumer<String> status;
    private final Consumer<EditorAction> actions;
    private final VBox content = new VBox(10);

    /** What is shown now: the node id and type, to know whether a change can be shown in place. */
    private String shownNode;
    private String shownType;
    private final Map<String, ParamEditor> editors = new LinkedHashMap<>();
    private final Map<String, Button> resets = new LinkedHashMap<>();
    private Runnable refreshInPlace;

    /**
     * @param actions runs menu actions (the alignment buttons shown for a multiple selection)
     */
    public InspectorPane(EditorModel model, Dialogs dialogs, Supplier<Window> owner, Consumer<String> status,
                         Consumer<EditorAction> actions) {
        this.model = model;
        this.dialogs = dialogs;
        this.owner = owner;
        this.status = status;
        this.actions = actions;
        setId("inspector");
        setFitToWidth(true);
        setMinWidth(240);
        setPrefWidth(330);
        content.setPadding(new Insets(10));
        setContent(content);
        model.addListener(new EditorModel.Listener() {
            @Override
            public void documentChanged(DocumentHistory.Change change) {
                refresh();
            }

            @Override
            public void selectionChanged(Selection selection) {
                refresh();
            }
        });
        refresh();
    }

    private void refresh() {
        Selection sel = model.selection();
        GraphDocument doc = model.document();
        if (sel.nodes().size() == 1) {
            NodeInstance n = doc.nodes().get(sel.nodes().iterator().next());
            if (n.id().equals(shownNode) && n.type().equals(shownType) && refreshInPlace != null) {
                refreshInPlace.run();
            } else {
                showNode(n);
            }
            return;
        }
        shownNode = null;
        shownType = null;
        refreshInPlace = null;
        editors.clear();
        resets.clear();
        if (sel.nodes().isEmpty() && sel.edges().size() == 1) {
            showEdge(doc.edges().get(sel.edges().iterator().next()));
        } else if (!sel.isEmpty()) {
            showMany(sel);
        } else {
            showGraph(doc);
        }
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        l.setWrapText(true);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        l.setWrapText(true);
        return l;
    }

    private void showNode(NodeInstance n) {
        shownNode = n.id();
        shownType = n.type();
        editors.clear();
        resets.clear();
        content.getChildren().clear();
        NodeDescriptor d = model.descriptor(n.type()).orElse(null);
        content.getChildren().add(title(d == null ? n.type() : d.label()));
        Label ids = muted(n.id() + "  ·  " + n.type() + " v" + n.typeVersion());
        ids.setId("inspector-node-id");
        content.getChildren().add(ids);

        VBox problemsBox = new VBox(4);
        problemsBox.setId("inspector-problems");
        content.getChildren().add(problemsBox);

        TextField name = new TextField(n.name());
        name.setId("node-name");
        name.setPromptText(d == null ? n.type() : d.label());
        Runnable commitName = () -> {
            NodeInstance now = model.document().nodes().get(shownNode);
            if (now != null && !now.name().equals(name.getText())) {
                run(new RenameNodeCommand(now.id(), name.getText()));
            }
        };
        name.setOnAction(e -> commitName.run());
        name.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                Platform.runLater(commitName); // not inside a rebuild the focus change came from
            }
        });
        CheckBox enabled = new CheckBox("Enabled");
        enabled.setId("node-enabled");
        enabled.setSelected(n.enabled());
        enabled.setOnAction(e -> run(new SetNodeStateCommand(java.util.Set.of(n.id()),
                enabled.isSelected() ? NodeState.ENABLED : NodeState.DISABLED)));
        GridPane head = grid();
        head.addRow(0, new Label("Name"), name);
        head.add(enabled, 1, 1);
        content.getChildren().add(head);

        if (d == null) {
            content.getChildren().add(muted("This node's type is not installed, so its params cannot be edited. "
                    + "They are kept as they are and saved back unchanged."));
            refreshInPlace = () -> showNode(model.document().nodes().get(shownNode));
            showProblems(problemsBox, n.id());
            return;
        }
        if (!d.description().isEmpty()) {
            content.getChildren().add(muted(d.description()));
        }

        content.getChildren().add(new Separator());
        content.getChildren().add(title("Params"));
        GridPane params = grid();
        int row = 0;
        for (ParamSpec spec : d.params()) {
            ParamEditor editor = ParamEditor.of(model, n.id(), spec, status, dialogs, owner);
            editors.put(spec.key(), editor);
            Label label = new Label(spec.label());
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Tooltip tip = new Tooltip(tooltip(spec));
            tip.setShowDelay(Duration.millis(400));
            tip.setWrapText(true);
            tip.setMaxWidth(380);
            label.setTooltip(tip);
            HBox control = new HBox(4, editor.control());
            HBox.setHgrow(editor.control(), Priority.ALWAYS);
            if (!spec.unit().isEmpty()) {
                Label unit = muted(spec.unit());
                unit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                control.getChildren().add(unit);
            }
            control.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            Button reset = new Button(null, new FontIcon(MaterialDesignR.RESTORE));
            reset.setId("param-reset-" + spec.key());
            reset.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            reset.setTooltip(new Tooltip("Reset to the default, " + dev.weir.editor.model.ParamText.format(
                    spec.defaultValue()) + (spec.unit().isEmpty() ? "" : " " + spec.unit())));
            reset.setOnAction(e -> run(new SetParamCommand(n.id(), spec.key(), spec.defaultValue())));
            resets.put(spec.key(), reset);
            HBox labelBox = new HBox(4, label);
            labelBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            if (spec.hotUpdatable()) {
                FontIcon live = new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignF.FLASH_OUTLINE);
                live.getStyleClass().add(Styles.SUCCESS);
                Tooltip.install(live, new Tooltip("Live: can be changed while the graph runs"));
                labelBox.getChildren().add(live);
            }
            params.add(labelBox, 0, row);
            params.add(control, 1, row);
            params.add(reset, 2, row);
            row++;
            params.add(editor.error, 1, row, 2, 1);
            row++;
        }
        content.getChildren().add(params);

        // Placement comes after the params: it is set once per graph, while params are what a node is edited for.
        ComboBox<String> process = processField(Set.of(n.id()), n.process());
        Label processInfo = muted("");
        processInfo.setId("node-process-info");
        Label processLabel = new Label("Process");
        Tooltip.install(processLabel, new Tooltip("The process group the node runs in: main (the editor's own "
                + "process) or a worker process of that name. Edges between groups travel through shared-memory "
                + "queues; a worker that dies is restarted per the graph's restart policy."));
        GridPane placement = grid();
        placement.addRow(0, processLabel, process);
        placement.add(processInfo, 1, 1, 2, 1);
        content.getChildren().addAll(new Separator(), placement);

        content.getChildren().add(new Separator());
        content.getChildren().add(title("Ports"));
        VBox ports = new VBox(3);
        content.getChildren().add(ports);

        refreshInPlace = () -> {
            NodeInstance now = model.document().nodes().get(shownNode);
            if (!name.isFocused()) {
                name.setText(now.name());
            }
            enabled.setSelected(now.enabled());
            showProcess(process, processInfo, now.process());
            for (ParamSpec spec : d.params()) {
                Object v = now.params().get(spec.key());
                editors.get(spec.key()).show(v);
                Object canonical = v == null ? null : spec.type().check(v).value();
                resets.get(spec.key()).setVisible(v != null && !Objects.equals(canonical, spec.defaultValue()));
            }
            showProblems(problemsBox, now.id());
            ports.getChildren().clear();
            NodeShape shape = model.shape(now);
            for (PortShape p : shape.inputs()) {
                ports.getChildren().add(portRow("input", p));
            }
            for (PortShape p : shape.outputs()) {
                ports.getChildren().add(portRow("output", p));
            }
        };
        refreshInPlace.run();
    }

    /**
     * An editable list of process groups (main, and every group a node of the graph names), committing one
     * {@link SetProcessCommand} for {@code nodes} when a group is picked or typed and Enter pressed or the field
     * left. A name the engine would refuse is reported and the field shows the current group again.
     */
    private ComboBox<String> processField(Set<String> nodes, String current) {
        ComboBox<String> box = new ComboBox<>();
        box.setId("node-process");
        box.setEditable(true);
        box.setMaxWidth(Double.MAX_VALUE);
        box.getItems().setAll(processNames());
        box.setValue(current);
        box.setOnShowing(e -> box.getItems().setAll(processNames()));
        box.setOnAction(e -> {
            String chosen = box.getValue() == null ? "" : box.getValue().strip();
            List<String> ids = nodes.stream().filter(id -> model.document().nodes().containsKey(id)).sorted().toList();
            if (ids.isEmpty() || chosen.isEmpty()) {
                return;
            }
            boolean same = ids.stream().allMatch(id -> model.document().nodes().get(id).process().equals(chosen));
            if (!same) {
                run(new SetProcessCommand(Set.copyOf(ids), chosen));
                // A refused name leaves the document as it was: show what the nodes really run in.
                String now = model.document().nodes().get(ids.getFirst()).process();
                if (!now.equals(chosen)) {
                    Platform.runLater(() -> box.setValue(now));
                }
            }
        });
        return box;
    }

    /** main, then every worker group some node of the graph names, sorted. */
    private List<String> processNames() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (NodeInstance n : model.document().nodeList()) {
            names.add(n.process());
        }
        names.addAll(model.document().processes().keySet());
        names.remove(NodeInstance.MAIN_PROCESS);
        List<String> out = new java.util.ArrayList<>();
        out.add(NodeInstance.MAIN_PROCESS);
        out.addAll(names);
        return out;
    }

    private void showProcess(ComboBox<String> box, Label info, String process) {
        if (!box.isFocused() && !process.equals(box.getValue())) {
            box.setValue(process);
        }
        if (NodeInstance.MAIN_PROCESS.equals(process)) {
            info.setText("Runs in the editor's own process.");
        } else {
            dev.weir.engine.model.ProcessSpec spec = model.document().processSpec(process);
            info.setText("Runs in worker process '" + process + "'; restart "
                    + spec.restart().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (spec.restart() == dev.weir.engine.model.RestartPolicy.NEVER ? ""
                    : " (at most " + spec.maxRestarts() + ")") + ".");
        }
    }

    private static HBox portRow(String dir, PortShape p) {
        Circle dot = new Circle(5, PortColors.of(p.type()));
        Label d = muted(dir);
        d.setMinWidth(44);
        Label l = new Label(p.describe());
        l.getStyleClass().add(Styles.TEXT_SMALL);
        HBox row = new HBox(6, dot, d, l);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private void showProblems(VBox box, String nodeId) {
        box.getChildren().clear();
        for (Problem p : model.problemsOfNode(nodeId)) {
            Label l = new Label(p.message());
            l.setWrapText(true);
            l.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
            box.getChildren().add(l);
        }
    }

    private static String tooltip(ParamSpec spec) {
        StringBuilder sb = new StringBuilder(spec.key()).append(": ").append(spec.type().describe());
        if (!spec.unit().isEmpty()) {
            sb.append(" ").append(spec.unit());
        }
        sb.append("\ndefault ").append(dev.weir.editor.model.ParamText.format(spec.defaultValue()));
        if (spec.hotUpdatable()) {
            sb.append("\ncan change while running");
        }
        if (!spec.doc().isEmpty()) {
            sb.append("\n\n").append(spec.doc());
        }
        return sb.toString();
    }

    private GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(70);
        labels.setPrefWidth(100);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        ColumnConstraints buttons = new ColumnConstraints();
        buttons.setMinWidth(28);
        g.getColumnConstraints().addAll(labels, fields, buttons);
        return g;
    }

    private void showEdge(EdgeInstance e) {
        content.getChildren().clear();
        content.getChildren().add(title("Edge " + e.id()));
        content.getChildren().add(muted(e.from() + "  →  " + e.to()));
        for (Problem p : model.problemsOfEdge(e.id())) {
            Label l = new Label(p.message());
            l.setWrapText(true);
            l.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
            content.getChildren().add(l);
        }
        EdgeSpec spec = e.spec();
        TextField capacity = new TextField(Integer.toString(spec.capacity()));
        capacity.setId("edge-capacity");
        TextField delay = new TextField(Integer.toString(spec.delay()));
        delay.setId("edge-delay");
        ComboBox<OverflowPolicy> overflow = new ComboBox<>();
        overflow.setId("edge-overflow");
        overflow.getItems().setAll(OverflowPolicy.values());
        overflow.setValue(spec.overflow());
        ComboBox<Transport> transport = new ComboBox<>();
        transport.setId("edge-transport");
        transport.getItems().setAll(Transport.values());
        transport.setValue(spec.transport());
        Label error = new Label();
        error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        error.setWrapText(true);
        Runnable commit = () -> {
            try {
                EdgeSpec next = new EdgeSpec(Integer.parseInt(capacity.getText().strip()), overflow.getValue(),
                        Integer.parseInt(delay.getText().strip()), transport.getValue());
                error.setText("");
                if (!next.equals(model.document().edges().get(e.id()).spec())) {
                    run(new SetEdgeSpecCommand(e.id(), next));
                }
            } catch (IllegalArgumentException ex) {
                error.setText(ex instanceof NumberFormatException ? "capacity and delay must be whole numbers"
                        : ex.getMessage());
            }
        };
        for (TextField f : List.of(capacity, delay)) {
            f.setOnAction(x -> commit.run());
            f.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    Platform.runLater(commit);
                }
            });
        }
        overflow.setOnAction(x -> commit.run());
        transport.setOnAction(x -> commit.run());
        GridPane g = grid();
        g.addRow(0, new Label("Capacity"), capacity, muted("frames"));
        g.addRow(1, new Label("Overflow"), overflow);
        g.addRow(2, new Label("Delay"), delay, muted("items"));
        g.addRow(3, new Label("Transport"), transport);
        content.getChildren().addAll(g, error, muted("A delay of at least 1 lets an edge close a feedback loop. "
                + "Overflow " + OverflowPolicy.BACKPRESSURE.name().toLowerCase(Locale.ROOT)
                + " slows the writer down; the lossy policies drop frames instead."));
    }

    private void showMany(Selection sel) {
        content.getChildren().clear();
        content.getChildren().add(title(sel.nodes().size() + " nodes, " + sel.edges().size() + " edges selected"));
        FlowPane buttons = new FlowPane(4, 4);
        for (EditorAction a : EditorAction.values()) {
            if (a.menu().equals("Arrange") && a.icon() != null) {
                Button b = new Button(null, new FontIcon(a.icon()));
                b.getStyleClass().add(Styles.BUTTON_ICON);
                b.setTooltip(new Tooltip(a.label()));
                b.setOnAction(e -> actions.accept(a));
                buttons.getChildren().add(b);
            }
        }
        content.getChildren().addAll(muted("Arrange"), buttons);
        if (!sel.nodes().isEmpty()) {
            java.util.Set<String> groups = new java.util.TreeSet<>();
            for (String id : sel.nodes()) {
                groups.add(model.document().nodes().get(id).process());
            }
            ComboBox<String> process = processField(sel.nodes(), groups.size() == 1 ? groups.iterator().next() : null);
            process.setPromptText(groups.size() + " processes");
            GridPane g = grid();
            g.addRow(0, new Label("Process"), process);
            content.getChildren().addAll(new Separator(), g);
        }
    }

    private void showGraph(GraphDocument doc) {
        content.getChildren().clear();
        content.getChildren().add(title("Graph"));
        TextField name = new TextField(doc.name());
        name.setId("graph-name");
        Runnable commit = () -> {
            if (!model.document().name().equals(name.getText())) {
                run(new RenameGraphCommand(name.getText()));
            }
        };
        name.setOnAction(e -> commit.run());
        name.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                Platform.runLater(commit);
            }
        });
        GridPane g = grid();
        g.addRow(0, new Label("Name"), name);
        content.getChildren().add(g);
        content.getChildren().add(muted(doc.nodes().size() + " nodes, " + doc.edges().size() + " edges"));
        Object description = doc.metadata().get("description");
        if (description instanceof String s && !s.isBlank()) {
            content.getChildren().add(muted(s));
        }
        content.getChildren().add(muted("Select a node to edit its params. Drag node types from the palette, or "
                + "type on the canvas to insert one."));
    }

    private void run(dev.weir.editor.model.Command c) {
        try {
            model.execute(c);
        } catch (CommandException e) {
            status.accept(e.getMessage());
        }
    }
}

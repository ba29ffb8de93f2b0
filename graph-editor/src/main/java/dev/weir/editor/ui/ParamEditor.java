package dev.weir.editor.ui;

import atlantafx.base.theme.Styles;
import dev.weir.editor.model.CommandException;
import dev.weir.editor.model.EditorModel;
import dev.weir.editor.model.ParamText;
import dev.weir.editor.model.SetParamCommand;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The typed editor of one param in the inspector. Each kind of {@link ParamType} gets its own control: a text
 * field for numbers (with unit and limits), text, paths (with a chooser) and lists; a combo box for choices; a
 * check box for booleans. Text is checked on every keystroke with {@link ParamText#parse}, and a value that does
 * not pass (out of range, not a number) is marked with the validator's message and never committed. A committed
 * edit (Enter, leaving the field, picking a value) is one {@link SetParamCommand}.
 */
abstract class ParamEditor {

    final EditorModel model;
    final String nodeId;
    final ParamSpec spec;
    final Label error = new Label();
    private final Consumer<String> status;
    /** The value the document holds now (null: the default applies). */
    Object current;

    ParamEditor(EditorModel model, String nodeId, ParamSpec spec, Consumer<String> status) {
        this.model = model;
        this.nodeId = nodeId;
        this.spec = spec;
        this.status = status;
        error.setId("param-error-" + spec.key());
        error.setWrapText(true);
        error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
    }

    /** The editor of {@code spec}'s kind. */
    static ParamEditor of(EditorModel model, String nodeId, ParamSpec spec, Consumer<String> status, Dialogs dialogs,
                          Supplier<Window> owner) {
        return switch (spec.type()) {
            case ParamType.BoolType b -> new BoolEditor(model, nodeId, spec, status);
            case ParamType.ChoiceType c -> new ChoiceEditor(model, nodeId, spec, status, c);
            case ParamType.PathType p -> new PathEditor(model, nodeId, spec, status, p, dialogs, owner);
            default -> new TextEditor(model, nodeId, spec, status);
        };
    }

    /** The control to lay out. */
    abstract Node control();

    /** Shows the document's value (null when the node does not set it), marking it if it is invalid. */
    final void show(Object value) {
        current = value;
        display(value == null ? spec.defaultValue() : value);
        ParamType.Result r = value == null ? null : spec.type().check(value);
        mark(r == null || r.ok() ? null : r.problem());
    }

    abstract void display(Object value);

    /** Shows or clears a problem on the control. */
    void mark(String problem) {
        boolean bad = problem != null;
        control().pseudoClassStateChanged(Styles.STATE_DANGER, bad);
        error.setText(bad ? problem : "");
        error.setVisible(bad);
    }

    /** Commits {@code value} as one command, unless the document already holds it. */
    void commit(Object value) {
        Object effective = current == null ? spec.defaultValue() : current;
        ParamType.Result canonical = spec.type().check(effective);
        if (Objects.equals(value, canonical.ok() ? canonical.value() : effective)) {
            return;
        }
        try {
            model.execute(new SetParamCommand(nodeId, spec.key(), value));
        } catch (CommandException e) {
            status.accept(e.getMessage());
        }
    }

    /** Numbers, text and lists: a text field checked as the user types. */
    static class TextEditor extends ParamEditor {
        private final TextField field = new TextField();
        private boolean showing;

        TextEditor(EditorModel model, String nodeId, ParamSpec spec, Consumer<String> status) {
            super(model, nodeId, spec, status);
            field.setId("param-" + spec.key());
            String limits = ParamText.limits(spec.type());
            if (!limits.isEmpty()) {
                field.setPromptText(limits);
                field.setTooltip(new Tooltip(limits + (spec.unit().isEmpty() ? "" : " " + spec.unit())
                        + (spec.type() instanceof ParamType.RealListType ? ", comma-separated" : "")));
            }
            field.textProperty().addListener((o, a, b) -> {
                if (!showing) {
                    ParamText.Parsed p = ParamText.parse(b, spec.type());
                    mark(p.ok() ? null : p.problem());
                }
            });
            field.setOnAction(e -> commitText());
            field.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    // Later, not now: the focus may be leaving because the inspector is being rebuilt after a
                    // document change, and the history refuses a new command while it notifies its listeners.
                    javafx.application.Platform.runLater(this::commitText);
                }
            });
        }

        private void commitText() {
            ParamText.Parsed p = ParamText.parse(field.getText(), spec.type());
            if (p.ok()) {
                commit(p.value());
            }
        }

        @Override
        Node control() {
            return field;
        }

        @Override
        void display(Object value) {
            showing = true;
            try {
                String text = ParamText.format(value);
                if (!text.equals(field.getText())) {
                    field.setText(text);
                }
            } finally {
                showing = false;
            }
        }
    }

    /** Booleans. */
    static final class BoolEditor extends ParamEditor {
        private final CheckBox box = new CheckBox();

        BoolEditor(EditorModel model, String nodeId, ParamSpec spec, Consumer<String> status) {
            super(model, nodeId, spec, status);
            box.setId("param-" + spec.key());
            box.setOnAction(e -> commit(box.isSelected()));
        }

        @Override
        Node control() {
            return box;
        }

        @Override
        void display(Object value) {
            box.setSelected(Boolean.TRUE.equals(value));
        }
    }

    /** Choices (enums). */
    static final class ChoiceEditor extends ParamEditor {
        private final ComboBox<String> combo = new ComboBox<>();
        private boolean showing;

        ChoiceEditor(EditorModel model, String nodeId, ParamSpec spec, Consumer<String> status,
                     ParamType.ChoiceType type) {
            super(model, nodeId, spec, status);
            combo.setId("param-" + spec.key());
            combo.getItems().setAll(type.choices());
            combo.setMaxWidth(Double.MAX_VALUE);
            combo.valueProperty().addListener((o, a, b) -> {
                if (!showing && b != null) {
                    commit(b);
                }
            });
        }

        @Override
        Node control() {
            return combo;
        }

        @Override
        void display(Object value) {
            showing = true;
            try {
                if (value instanceof String s && !combo.getItems().contains(s)) {
                    combo.getItems().add(s); // a value from a file that this version does not offer: show it, marked
                }
                combo.setValue(value instanceof String s ? s : null);
            } finally {
                showing = false;
            }
        }
    }

    /** File and directory paths: a text field and a chooser. */
    static final class PathEditor extends ParamEditor {
        private final TextEditor text;
        private final HBox box;

        PathEditor(EditorModel model, String nodeId, ParamSpec spec, Consumer<String> status, ParamType.PathType type,
                   Dialogs dialogs, Supplier<Window> owner) {
            super(model, nodeId, spec, status);
            text = new TextEditor(model, nodeId, spec, status) {
                @Override
                void mark(String problem) {
                    PathEditor.this.mark(problem);
                }
            };
            Button browse = new Button(null, new FontIcon(type.mode() == ParamType.PathMode.DIRECTORY
                    ? MaterialDesignF.FOLDER_OUTLINE : MaterialDesignF.FILE_DOCUMENT_OUTLINE));
            browse.setId("param-" + spec.key() + "-browse");
            browse.getStyleClass().add(Styles.BUTTON_ICON);
            browse.setTooltip(new Tooltip(switch (type.mode()) {
                case READ_FILE -> "Choose a file to read";
                case WRITE_FILE -> "Choose a file to write";
                case DIRECTORY -> "Choose a directory";
            }));
            browse.setOnAction(e -> dialogs.choosePath(owner.get(), type.mode(),
                    current instanceof String s ? s : "").ifPresent(p -> commit(p.toString())));
            HBox.setHgrow(text.field, Priority.ALWAYS);
            box = new HBox(4, text.field, browse);
        }

        @Override
        void mark(String problem) {
            text.field.pseudoClassStateChanged(Styles.STATE_DANGER, problem != null);
            error.setText(problem == null ? "" : problem);
            error.setVisible(problem != null);
        }

        @Override
        Node control() {
            return box;
        }

        @Override
        void display(Object value) {
            text.current = current;
            text.display(value);
        }
    }
}

package dev.weir.editor.ui;

import atlantafx.base.theme.Styles;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * A window listing every keyboard shortcut and mouse gesture: the menu actions from {@link EditorAction} (so the
 * list cannot drift from the menus) and the canvas gestures that have no menu item.
 */
public final class ShortcutsWindow {

    /** Canvas gestures that have no menu item: what to do, and how. */
    static final List<String[]> GESTURES = List.of(
            new String[] {"Add a node", "Drag it from the palette, or type its name on the canvas"},
            new String[] {"Connect", "Drag from an output port to an input port (or back)"},
            new String[] {"Select", "Click; Shift+click or Ctrl+click adds or removes"},
            new String[] {"Select an area", "Drag on empty canvas (with Shift: add to the selection)"},
            new String[] {"Move", "Drag selected nodes; arrow keys nudge (Shift: further)"},
            new String[] {"Pan", "Space+drag, or drag with the middle button"},
            new String[] {"Zoom", "Mouse wheel, about the cursor"},
            new String[] {"Cancel a drag", "Escape"},
            new String[] {"Port type", "Hover over a port"},
            new String[] {"Preview panel", "Double-click a preview node (after it has run)"});

    private ShortcutsWindow() {
    }

    /** Shows the window, owned by {@code owner}. */
    public static Stage show(Window owner) {
        GridPane g = new GridPane();
        g.setId("shortcuts");
        g.setHgap(24);
        g.setVgap(4);
        g.setStyle("-fx-padding: 16;");
        int row = 0;
        String menu = null;
        for (EditorAction a : EditorAction.values()) {
            List<String> keys = new ArrayList<>();
            if (a.keys() != null) {
                keys.add(a.keys().getDisplayText());
            }
            for (KeyCombination k : a.extraKeys()) {
                keys.add(k.getDisplayText());
            }
            if (keys.isEmpty()) {
                continue;
            }
            if (!a.menu().equals(menu)) {
                menu = a.menu();
                Label h = new Label(menu);
                h.getStyleClass().add(Styles.TITLE_4);
                g.add(h, 0, row++, 2, 1);
            }
            g.addRow(row++, new Label(a.label()), keyLabel(String.join("   or   ", keys)));
        }
        Label h = new Label("Canvas");
        h.getStyleClass().add(Styles.TITLE_4);
        g.add(h, 0, row++, 2, 1);
        for (String[] gesture : GESTURES) {
            g.addRow(row++, new Label(gesture[0]), keyLabel(gesture[1]));
        }
        Stage s = new Stage();
        s.initOwner(owner);
        s.initModality(Modality.NONE);
        s.setTitle("Keyboard shortcuts");
        s.setScene(new Scene(new ScrollPane(g), 560, 640));
        s.show();
        return s;
    }

    private static Label keyLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}

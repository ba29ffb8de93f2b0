package dev.weir.editor.ui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * Every command of the menus and the toolbar, with its label, icon and key combination, in one table: the menu
 * bar, the toolbar and the shortcuts window are all built from it, so they cannot disagree.
 */
public enum EditorAction {
    NEW("File", "New", MaterialDesignF.FILE_OUTLINE, "Shortcut+N"),
    OPEN("File", "Open…", MaterialDesignF.FOLDER_OPEN_OUTLINE, "Shortcut+O"),
    SAVE("File", "Save", MaterialDesignC.CONTENT_SAVE_OUTLINE, "Shortcut+S"),
    SAVE_AS("File", "Save As…", MaterialDesignC.CONTENT_SAVE_EDIT_OUTLINE, "Shortcut+Shift+S"),
    QUIT("File", "Quit", null, "Shortcut+Q"),

    UNDO("Edit", "Undo", MaterialDesignU.UNDO, "Shortcut+Z"),
    REDO("Edit", "Redo", MaterialDesignR.REDO, "Shortcut+Shift+Z"),
    CUT("Edit", "Cut", MaterialDesignC.CONTENT_CUT, "Shortcut+X"),
    COPY("Edit", "Copy", MaterialDesignC.CONTENT_COPY, "Shortcut+C"),
    PASTE("Edit", "Paste", MaterialDesignC.CONTENT_PASTE, "Shortcut+V"),
    DUPLICATE("Edit", "Duplicate", MaterialDesignC.CONTENT_DUPLICATE, "Shortcut+D"),
    DELETE("Edit", "Delete", MaterialDesignD.DELETE_OUTLINE, "Delete"),
    SELECT_ALL("Edit", "Select All", null, "Shortcut+A"),
    QUICK_INSERT("Edit", "Quick Insert…", MaterialDesignP.PLUS_BOX_OUTLINE, "Shortcut+Space"),

    ZOOM_IN("View", "Zoom In", MaterialDesignM.MAGNIFY_PLUS_OUTLINE, null),
    ZOOM_OUT("View", "Zoom Out", MaterialDesignM.MAGNIFY_MINUS_OUTLINE, null),
    RESET_ZOOM("View", "Actual Size", null, "Shortcut+0"),
    FIT("View", "Fit to View", MaterialDesignF.FIT_TO_SCREEN_OUTLINE, "Shortcut+Shift+F"),
    SNAP("View", "Snap to Grid", MaterialDesignG.GRID, "Shortcut+Shift+G"),
    DARK_THEME("View", "Dark Theme", MaterialDesignT.THEME_LIGHT_DARK, null),
    PREVIEW_DOCK("View", "Preview Panels", MaterialDesignD.DOCK_BOTTOM, "Shortcut+Shift+P"),
    PREVIEW_THUMBNAILS("View", "Preview Thumbnails on Canvas", MaterialDesignI.IMAGE_OUTLINE, null),
    SHORTCUTS("Help", "Keyboard Shortcuts", MaterialDesignK.KEYBOARD_OUTLINE, "F1"),

    ALIGN_LEFT("Arrange", "Align Left", MaterialDesignA.ALIGN_HORIZONTAL_LEFT, null),
    ALIGN_CENTER_H("Arrange", "Align Centres Horizontally", MaterialDesignA.ALIGN_HORIZONTAL_CENTER, null),
    ALIGN_RIGHT("Arrange", "Align Right", MaterialDesignA.ALIGN_HORIZONTAL_RIGHT, null),
    ALIGN_TOP("Arrange", "Align Top", MaterialDesignA.ALIGN_VERTICAL_TOP, null),
    ALIGN_CENTER_V("Arrange", "Align Centres Vertically", MaterialDesignA.ALIGN_VERTICAL_CENTER, null),
    ALIGN_BOTTOM("Arrange", "Align Bottom", MaterialDesignA.ALIGN_VERTICAL_BOTTOM, null),
    DISTRIBUTE_H("Arrange", "Distribute Horizontally", MaterialDesignD.DISTRIBUTE_HORIZONTAL_CENTER, null),
    DISTRIBUTE_V("Arrange", "Distribute Vertically", MaterialDesignD.DISTRIBUTE_VERTICAL_CENTER, null),
    SNAP_SELECTION("Arrange", "Move Selection onto Grid", null, null),

    // GNU Radio Companion's keys: F5 generates, F6 executes, F7 kills; Weir has no generate step, so F5 runs.
    RUN("Run", "Run", MaterialDesignP.PLAY, "F5"),
    PAUSE("Run", "Pause", MaterialDesignP.PAUSE, "F6"),
    STOP("Run", "Stop", MaterialDesignS.STOP, "F7"),
    RESTART("Run", "Restart (apply queued changes)", MaterialDesignR.RESTART, "Shortcut+F5");

    private final String menu;
    private final String label;
    private final Ikon icon;
    private final KeyCombination keys;

    EditorAction(String menu, String label, Ikon icon, String keys) {
        this.menu = menu;
        this.label = label;
        this.icon = icon;
        this.keys = keys == null ? null : KeyCombination.keyCombination(keys);
    }

    /** The menu it lives in. */
    public String menu() {
        return menu;
    }

    /** Menu and tooltip text. */
    public String label() {
        return label;
    }

    /** Its icon, or null. */
    public Ikon icon() {
        return icon;
    }

    /** Its main key combination (the menu shows it), or null. */
    public KeyCombination keys() {
        return switch (this) {
            // '+' and '-' are spelled differently on every keyboard layout: take the key codes.
            case ZOOM_IN -> new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN);
            case ZOOM_OUT -> new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);
            default -> keys;
        };
    }

    /** Further key combinations for the same action (Ctrl+Y redoes too). */
    public java.util.List<KeyCombination> extraKeys() {
        return switch (this) {
            case REDO -> java.util.List.of(KeyCombination.keyCombination("Shortcut+Y"));
            case ZOOM_IN -> java.util.List.of(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN),
                    new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN));
            case ZOOM_OUT -> java.util.List.of(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN));
            case DELETE -> java.util.List.of(new KeyCodeCombination(KeyCode.BACK_SPACE));
            default -> java.util.List.of();
        };
    }
}

package dev.weir.editor.model;

import dev.weir.editor.testing.TestGraphs;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.Point;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentHistoryTest {

    private final GraphDocument d0 = TestGraphs.fft();

    private static MoveNodesCommand move(String id, double x, double y) {
        return MoveNodesCommand.of(Map.of(id, new Point(x, y)));
    }

    @Test
    void undoAndRedoSwapTheSameDocumentInstances() throws Exception {
        DocumentHistory h = new DocumentHistory(d0);
        h.execute(move("fft", 10, 20));
        GraphDocument d1 = h.current();
        h.execute(move("fft", 30, 40));
        GraphDocument d2 = h.current();

        assertThat(h.undo()).isTrue();
        assertThat(h.current()).isSameAs(d1);
        assertThat(h.undo()).isTrue();
        assertThat(h.current()).isSameAs(d0);
        assertThat(h.undo()).isFalse();
        assertThat(h.redo()).isTrue();
        assertThat(h.current()).isSameAs(d1);
        assertThat(h.redo()).isTrue();
        assertThat(h.current()).isSameAs(d2);
        assertThat(h.redo()).isFalse();
    }

    @Test
    void aNewCommandClearsTheRedoStack() throws Exception {
        DocumentHistory h = new DocumentHistory(d0);
        h.execute(move("fft", 10, 20));
        h.undo();
        assertThat(h.canRedo()).isTrue();
        h.execute(move("fft", 50, 50));
        assertThat(h.canRedo()).isFalse();
        assertThat(h.undoLabel()).contains("Move 1 node");
    }

    @Test
    void aCommandThatChangesNothingIsNotRecorded() throws Exception {
        DocumentHistory h = new DocumentHistory(d0);
        Point at = d0.node("fft").orElseThrow().ui().position();
        assertThat(h.execute(move("fft", at.x(), at.y()))).isFalse();
        assertThat(h.canUndo()).isFalse();
        assertThat(h.isDirty()).isFalse();
        assertThat(h.revision()).isZero();
    }

    @Test
    void aFailingCommandLeavesEverythingAsItWas() {
        DocumentHistory h = new DocumentHistory(d0);
        assertThatThrownBy(() -> h.execute(move("nope", 1, 1)))
                .isInstanceOf(CommandException.class).hasMessageContaining("'nope'");
        assertThat(h.current()).isSameAs(d0);
        assertThat(h.canUndo()).isFalse();
    }

    @Test
    void dirtyFollowsTheSavedStateThroughUndoAndRedo() throws Exception {
        DocumentHistory h = new DocumentHistory(d0);
        assertThat(h.isDirty()).isFalse();
        h.execute(move("fft", 10, 20));
        assertThat(h.isDirty()).isTrue();
        h.markSaved();
        assertThat(h.isDirty()).isFalse();
        h.undo();
        assertThat(h.isDirty()).isTrue();
        h.redo();
        assertThat(h.isDirty()).isFalse();
        // Undo past the save, then a different edit: the saved document can no longer be reached.
        h.undo();
        h.execute(move("fft", 99, 99));
        assertThat(h.isDirty()).isTrue();
        h.undo();
        assertThat(h.isDirty()).isTrue();
    }

    @Test
    void resetClearsBothStacksAndSetsCleanness() throws Exception {
        DocumentHistory h = new DocumentHistory(d0);
        h.execute(move("fft", 10, 20));
        h.reset(GraphDocument.empty("x", "x"), true);
        assertThat(h.canUndo()).isFalse();
        assertThat(h.canRedo()).isFalse();
        assertThat(h.isDirty()).isFalse();
        h.reset(d0, false);
        assertThat(h.isDirty()).isTrue();
    }

    @Test
    void theStackIsBounded() throws Exception {
        DocumentHistory h = new DocumentHistory(d0, 3);
        for (int i = 1; i <= 5; i++) {
            h.execute(move("fft", i, i));
        }
        int undone = 0;
        while (h.undo()) {
            undone++;
        }
        assertThat(undone).isEqualTo(3);
        assertThat(h.current().node("fft").orElseThrow().ui().position()).isEqualTo(new Point(2, 2));
    }

    @Test
    void listenersHearEveryChangeAndMayNotChangeTheHistory() throws Exception {
        DocumentHistory h = new DocumentHistory(d0);
        List<DocumentHistory.ChangeKind> kinds = new ArrayList<>();
        h.addListener(c -> kinds.add(c.kind()));
        h.execute(move("fft", 1, 1));
        h.undo();
        h.redo();
        h.markSaved();
        h.reset(d0, true);
        assertThat(kinds).containsExactly(DocumentHistory.ChangeKind.EXECUTE, DocumentHistory.ChangeKind.UNDO,
                DocumentHistory.ChangeKind.REDO, DocumentHistory.ChangeKind.SAVED, DocumentHistory.ChangeKind.RESET);

        h.addListener(c -> h.undo());
        assertThatThrownBy(() -> h.execute(move("fft", 5, 5))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("listeners");
    }

    @Test
    void revisionCountsDocumentChangesOnly() throws Exception {
        DocumentHistory h = new DocumentHistory(d0);
        h.execute(move("fft", 1, 1));
        h.markSaved();
        assertThat(h.revision()).isEqualTo(1);
        h.undo();
        assertThat(h.revision()).isEqualTo(2);
    }
}

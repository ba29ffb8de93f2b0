package dev.weir.editor.preview;

import dev.weir.engine.api.preview.PreviewSlot;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The board as the engine and the user see it: panels come and stay, the 60 fps cap, docking. */
class PreviewBoardTest extends PreviewFxTest {

    @Test
    void panelsAppearWhenSlotsAreAttachedFromEngineThreads() throws Exception {
        PreviewSlot a = spectrumSlot("spectrum_a", 1024);
        PreviewSlot b = videoSlot("camera", 320, 240, false);
        // Two engine threads open their preview processors at the same time.
        Thread ta = new Thread(() -> board.attach(a));
        Thread tb = new Thread(() -> board.attach(b));
        ta.start();
        tb.start();
        ta.join();
        tb.join();
        waitUntil(() -> board.nodeIds().size() == 2);
        PreviewPanel pa = panel("spectrum_a");
        assertThat(fx(() -> dock.isOpen(pa) && !dock.isFloating(pa))).isTrue();
        assertThat(fx(() -> dock.isOpen(panel("camera")))).isTrue();
        assertThat(pa.title()).isEqualTo("Spectrum  ·  spectrum_a");
        assertThat(fx(() -> ((javafx.scene.control.Label) pa.lookup("#preview-lanes-spectrum_a")).getText()))
                .isEqualTo("spectrum  ·  vector<float32>[1024]");
        // The two threads race, so either panel may be the tab in front: look inside the panel, not the scene.
        assertThat(fx(() -> panel("camera").lookup("#preview-video") != null)).isTrue();
    }

    @Test
    void atMostSixtyPicturesASecondWhenTheNodePublishesFaster() throws Exception {
        PreviewSlot slot = spectrumSlot("fast", 2048);
        board.attach(slot);
        publish(slot, lanes -> fillSpectrum(lanes[0], 1000, 0));
        waitRendered("fast", 1);
        AtomicBoolean stop = new AtomicBoolean();
        // A node that publishes about 2000 sets a second and spends almost no CPU doing it (so that the machine's
        // load, not the writer, decides how often the FX thread gets to draw).
        Thread writer = new Thread(() -> {
            for (long i = 0; !stop.get(); i++) {
                long n = i;
                publish(slot, lanes -> lanes[0].floats()[(int) (n % 2048)] = -3);
                LockSupport.parkNanos(500_000);
            }
        });
        writer.start();
        try {
            Thread.sleep(300);
            long[] first = fx(() -> new long[]{System.nanoTime(), board.stats("fast").orElseThrow().rendered(),
                    slot.publishedCount(), board.passes()});
            Thread.sleep(2500);
            long[] last = fx(() -> new long[]{System.nanoTime(), board.stats("fast").orElseThrow().rendered(),
                    slot.publishedCount(), board.passes()});
            double seconds = (last[0] - first[0]) / 1e9;
            long rendered = last[1] - first[1];
            long published = last[2] - first[2];
            long passes = last[3] - first[3];
            // The cap is an upper bound; a loaded machine (software rendering, two cores) may draw fewer.
            assertThat((double) rendered).as("%d pictures in %.2f s", rendered, seconds)
                    .isLessThanOrEqualTo(60 * seconds + 2);
            assertThat(rendered).as("one picture per pass at most").isLessThanOrEqualTo(passes);
            assertThat(rendered).as("it keeps drawing").isPositive();
            assertThat(published).as("the node is not held back by the viewer").isGreaterThan(5 * rendered);
        } finally {
            stop.set(true);
            writer.join();
        }
    }

    @Test
    void afterTheRunEndsThePanelKeepsItsLastPictureAndTheBoardGoesIdle() throws Exception {
        PreviewSlot slot = videoSlot("cam", 160, 120, false);
        board.attach(slot);
        for (int i = 0; i < 5; i++) {
            publish(slot, lanes -> fillBgr(lanes[0], 0x2060A0));
        }
        waitRendered("cam", 1);
        // The last set is published just before the run ends; the board has not drawn it yet.
        publish(slot, lanes -> fillBgr(lanes[0], 0x40C040));
        board.detach(slot);
        waitUntil(() -> !board.stats("cam").orElseThrow().attached());
        PreviewPanel p = panel("cam");
        waitUntil(() -> centre(snapshotOnFx(p)) == 0xFF40C040);

        long passes = fx(() -> board.passes());
        Thread.sleep(400);
        assertThat(fx(() -> board.passes())).as("no passes once nothing is attached").isEqualTo(passes);
        assertThat(centre(snapshot(p))).isEqualTo(0xFF40C040);
        assertThat(fx(() -> dock.isOpen(p))).isTrue();
    }

    @Test
    void aPanelMovesToAWindowOfItsOwnAndBack() {
        PreviewSlot slot = videoSlot("cam", 160, 120, false);
        board.attach(slot);
        publish(slot, lanes -> fillBgr(lanes[0], 0x3070B0));
        waitRendered("cam", 1);
        PreviewPanel p = panel("cam");
        int windows = fx(() -> Window.getWindows().size());

        clickOn("#preview-float-cam");
        waitUntil(() -> dock.isFloating(p));
        Window own = fx(p::window);
        assertThat(own).isNotSameAs(stage);
        assertThat(fx(own::isShowing)).isTrue();
        assertThat(((Stage) own).getTitle()).isEqualTo(p.title());
        assertThat(fx(() -> Window.getWindows().size())).isEqualTo(windows + 1);
        // It keeps drawing there.
        publish(slot, lanes -> fillBgr(lanes[0], 0xB07030));
        waitUntil(() -> centre(snapshotOnFx(p)) == 0xFFB07030);

        clickOn("#preview-float-cam");
        waitUntil(() -> !dock.isFloating(p) && dock.isOpen(p));
        assertThat(fx(p::window)).isSameAs(stage);
        assertThat(fx(own::isShowing)).isFalse();
        assertThat(fx(() -> Window.getWindows().size())).isEqualTo(windows);
        waitUntil(() -> centre(snapshotOnFx(p)) == 0xFFB07030);
    }

    @Test
    void aClosedPanelIsNotReadAndShowsTheNewestPictureWhenOpenedAgain() throws Exception {
        PreviewSlot slot = videoSlot("cam", 160, 120, false);
        board.attach(slot);
        publish(slot, lanes -> fillBgr(lanes[0], 0x101010));
        waitRendered("cam", 1);
        PreviewPanel p = panel("cam");
        fx(() -> {
            dock.close(p);
            return null;
        });
        assertThat(fx(() -> dock.isOpen(p))).isFalse();
        long acquired = stats("cam").acquired();
        for (int i = 0; i < 10; i++) {
            publish(slot, lanes -> fillBgr(lanes[0], 0xE0E020));
            Thread.sleep(20);
        }
        assertThat(stats("cam").acquired()).as("nobody sees it: not read").isEqualTo(acquired);

        assertThat(fx(() -> board.showPanel("cam"))).isTrue();
        waitUntil(() -> dock.isOpen(p) && centre(snapshotOnFx(p)) == 0xFFE0E020);
        assertThat(stats("cam").acquired()).isEqualTo(acquired + 1); // only the newest of the ten
    }

    @Test
    void aNewRunOfTheSameNodeReusesItsPanelAndRenderer() {
        PreviewSlot first = spectrumSlot("spec", 512);
        board.attach(first);
        publish(first, lanes -> fillSpectrum(lanes[0], 3000, 1));
        waitRendered("spec", 1);
        board.detach(first);
        PreviewPanel panel = panel("spec");
        PreviewRenderer renderer = renderer("spec");

        PreviewSlot second = spectrumSlot("spec", 512);
        board.attach(second);
        waitUntil(() -> board.stats("spec").orElseThrow().attached() && board.stats("spec").orElseThrow()
                .rendered() == 0);
        publish(second, lanes -> fillSpectrum(lanes[0], 9000, 2));
        waitRendered("spec", 1);
        assertThat(panel("spec")).isSameAs(panel);
        assertThat(renderer("spec")).isSameAs(renderer);

        // Another shape (more bins) gets a renderer of its own in the same panel.
        PreviewSlot third = spectrumSlot("spec", 2048);
        board.detach(second);
        board.attach(third);
        waitUntil(() -> board.panel("spec").orElseThrow().renderer() != renderer);
        assertThat(panel("spec")).isSameAs(panel);
    }

    @Test
    void aClosedBoardIgnoresSlotsAttachedLater() throws Exception {
        fx(() -> {
            board.close();
            return null;
        });
        long passes = fx(() -> board.passes());
        PreviewSlot slot = spectrumSlot("late", 64);
        board.attach(slot);
        publish(slot, lanes -> fillSpectrum(lanes[0], 1000, 0));
        Thread.sleep(300);
        assertThat(fx(() -> board.nodeIds())).isEmpty();
        assertThat(fx(() -> board.passes())).isEqualTo(passes);
    }

    /** The centre pixel of a panel's picture. */
    private static int centre(Image img) {
        return img.getPixelReader().getArgb((int) img.getWidth() / 2, (int) img.getHeight() / 2 + 10);
    }

    /** A snapshot, taken on the FX thread (for use inside {@link #waitUntil}). */
    private static Image snapshotOnFx(PreviewPanel p) {
        return p.snapshot(null, null);
    }

}

package dev.weir.editor.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.preview.PreviewHub;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.api.preview.PreviewSpec;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.image.Image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The editor's {@link PreviewHub}: takes the slots a run's preview nodes publish into, gives each node a
 * {@link PreviewPanel} in the {@link PreviewDock}, and draws the newest data on the FX thread at most
 * {@value #MAX_FPS} times a second.
 *
 * <pre>
 *  engine threads                         FX thread
 *  ──────────────                         ─────────
 *  attach(slot) ─┐                        drain(): new slot ─▶ panel (new, or the node's panel of the last run)
 *  detach(slot) ─┴─▶ queue ─runLater─▶             slot gone ─▶ keep the panel and its last picture
 *                                        AnimationTimer, every pulse while slots are attached:
 *                                          FrameCap: at most 60 passes a second, whatever the pulse rate
 *                                          per node: fresh && (panel shown || thumbnails on)
 *                                                    ─▶ lanes = slot.acquire()   one acquire, shared by both
 *                                                    ─▶ renderer.accept(lanes) ─▶ draw() if shown
 *                                                                              ─▶ updateThumbnail() if on
 *                                          thumbnails changed ─▶ canvas redraw, at most 15 a second
 * </pre>
 *
 * <h2>Threads</h2>
 * {@link #attach} and {@link #detach} are called on engine threads, possibly at once for several slots; they only
 * queue the slot and ask the FX thread to look, so they never block and never touch JavaFX. Everything else runs on
 * the FX thread, which is the slots' single reader: {@link PreviewSlot#acquire} is called there only.
 *
 * <h2>Never slowing the pipeline</h2>
 * A slot is a keep-latest triple buffer: the engine's writer never waits for this board, and a slow board only sees
 * fewer, newer pictures. A panel nobody can see and whose node shows no thumbnail is not even read.
 */
public final class PreviewBoard implements PreviewHub {

    /** Most pictures drawn per second, per panel and in all. */
    public static final int MAX_FPS = 60;
    /**
     * Most canvas redraws per second for thumbnails. A thumbnail is a few hundred pixels, but refreshing it redraws
     * the whole graph canvas, a few milliseconds of CPU each time on Prism's software pipeline.
     */
    public static final int THUMBNAIL_FPS = 15;

    /** What the FX thread keeps about one preview node: the slot of the current (or last) run, the panel, counters. */
    private static final class Entry {
        final PreviewPanel panel;
        PreviewSlot slot;
        PreviewSpec spec;
        List<DataType> laneTypes;
        boolean attached;
        long nextDue;
        /** Sets accepted by the renderer since the slot was attached, and the last of them drawn in the panel. */
        long accepted;
        long drawnAccepted;
        long acquired;
        long rendered;
        long rateMark;
        long rateRendered;

        Entry(PreviewPanel panel) {
            this.panel = panel;
        }
    }

    /** A slot change from an engine thread. */
    private record Change(PreviewSlot slot, boolean attach) {
    }

    private final PreviewDock dock;
    private final ConcurrentLinkedQueue<Change> changes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    /** FX thread: every node that ever had a slot, in the order they first came. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** FX thread: the same entries as a list, walked every pass without an iterator. */
    private final List<Entry> order = new ArrayList<>();
    private final FrameCap cap = new FrameCap(MAX_FPS);
    private final FrameCap thumbnailCap = new FrameCap(THUMBNAIL_FPS);
    private final AnimationTimer timer;
    private boolean running;
    private boolean closed;
    private boolean redrawRequested;
    private boolean thumbnails;
    private boolean thumbnailsChanged;
    private Runnable onThumbnailsChanged = () -> { };
    private PreviewTheme theme = PreviewTheme.LIGHT;
    private long passes;
    private long lastPassNanos;

    /** A board whose panels go into {@code dock}. Call on the FX thread. */
    public PreviewBoard(PreviewDock dock) {
        this.dock = Objects.requireNonNull(dock, "dock");
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
    }

    // ---- engine threads ----

    /** Engine thread: a run's preview slot is ready. Queues it for the FX thread and returns. */
    @Override
    public void attach(PreviewSlot slot) {
        changes.add(new Change(Objects.requireNonNull(slot, "slot"), true));
        scheduleDrain();
    }

    /** Engine thread: the run that owned {@code slot} has ended. Its panel keeps the last picture. */
    @Override
    public void detach(PreviewSlot slot) {
        changes.add(new Change(Objects.requireNonNull(slot, "slot"), false));
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (drainQueued.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    // ---- FX thread ----

    private void drain() {
        drainQueued.set(false); // before polling: a change queued from now on schedules another drain
        for (Change c; (c = changes.poll()) != null; ) {
            if (closed) {
                continue; // the window is gone; a slot nobody reads costs its writer nothing
            }
            if (c.attach()) {
                attachNow(c.slot());
            } else {
                Entry e = entries.get(c.slot().nodeId());
                if (e != null && e.slot == c.slot()) {
                    e.attached = false; // the pass still draws a set published just before the end
                    e.panel.showEnded();
                }
            }
        }
        wake();
    }

    private void attachNow(PreviewSlot slot) {
        Entry e = entries.get(slot.nodeId());
        if (e == null) {
            PreviewPanel panel = new PreviewPanel(slot.nodeId(), dock::toggleFloating);
            e = new Entry(panel);
            panel.setOnStale(this::requestRedraw);
            entries.put(slot.nodeId(), e);
            order.add(e);
        }
        boolean sameShape = slot.spec().equals(e.spec) && slot.laneTypes().equals(e.laneTypes);
        e.slot = slot;
        e.attached = true;
        e.nextDue = 0;
        e.accepted = 0;
        e.drawnAccepted = 0;
        e.acquired = 0;
        e.rendered = 0;
        e.rateRendered = 0;
        e.rateMark = 0;
        e.panel.showRunning();
        if (!sameShape) {
            // A new kind, spec or lane shape: a renderer of its own. Otherwise the last run's renderer (its images,
            // arrays, auto ranges) serves the new slot as is.
            e.spec = slot.spec();
            e.laneTypes = slot.laneTypes();
            PreviewRenderer r = PreviewRenderer.create(slot.spec(), slot.laneTypes());
            r.theme(theme);
            e.panel.setRenderer(r, slot.spec(), slot.laneTypes());
        }
        dock.show(e.panel);
    }

    /** Asks for a pass on the next pulse (a panel was resized or shown again). */
    private void requestRedraw() {
        redrawRequested = true;
        wake();
    }

    private void wake() {
        if (!running && !closed) {
            running = true;
            timer.start();
        }
    }

    private void pulse(long now) {
        if (!cap.tryFrame(now)) {
            return;
        }
        long t0 = System.nanoTime();
        passes++;
        redrawRequested = false;
        boolean busy = false;
        for (int i = 0; i < order.size(); i++) {
            busy |= pass(order.get(i), now);
        }
        lastPassNanos = System.nanoTime() - t0;
        if (thumbnailsChanged && thumbnailCap.tryFrame(now)) {
            thumbnailsChanged = false;
            onThumbnailsChanged.run();
        }
        if (!busy && !thumbnailsChanged && !redrawRequested) {
            running = false;
            timer.stop();
        }
    }

    /** One node's share of a pass; returns whether the node still needs passes. */
    private boolean pass(Entry e, long now) {
        PreviewRenderer r = e.panel.renderer();
        boolean shown = e.panel.isShown();
        boolean thumb = thumbnails && r.hasThumbnail();
        boolean wanted = shown || thumb;
        boolean fresh = e.slot != null && e.slot.isFresh();
        if (wanted && fresh && now - e.nextDue >= 0) {
            Frame[] lanes = e.slot.acquire();
            e.acquired++;
            r.accept(lanes);
            e.accepted++;
            e.nextDue = now + r.minIntervalNanos();
            fresh = false;
            if (thumb) {
                r.updateThumbnail();
                thumbnailsChanged = true;
            }
        }
        boolean stale = shown && e.panel.takeStale(); // resized, or visible again: draw what it has
        if (shown && (e.drawnAccepted != e.accepted || stale)) {
            r.draw();
            if (e.drawnAccepted != e.accepted) {
                e.rendered++;
                e.drawnAccepted = e.accepted;
            }
        }
        if (shown) {
            showRate(e, now);
        }
        return e.attached || wanted && fresh;
    }

    /** Updates the panel's "fps" label twice a second from the rendered counter. */
    private static void showRate(Entry e, long now) {
        if (e.rateMark == 0) {
            e.rateMark = now;
            e.rateRendered = e.rendered;
            return;
        }
        long dt = now - e.rateMark;
        if (dt >= 500_000_000L) {
            e.panel.showRate((e.rendered - e.rateRendered) * 1e9 / dt);
            e.rateMark = now;
            e.rateRendered = e.rendered;
        }
    }

    // ---- the editor's side ----

    /**
     * Stops drawing for good: the window is closing. Slots attached later are ignored (their writers never wait for
     * a reader, so nothing is held up). FX thread.
     */
    public void close() {
        closed = true;
        running = false;
        timer.stop();
    }

    /** The dock the panels live in. */
    public PreviewDock dock() {
        return dock;
    }

    /** Preview nodes that have had a slot, in the order they first came. FX thread. */
    public List<String> nodeIds() {
        return List.copyOf(entries.keySet());
    }

    /** The panel of {@code nodeId}, if that node has had a slot. FX thread. */
    public Optional<PreviewPanel> panel(String nodeId) {
        Entry e = entries.get(nodeId);
        return e == null ? Optional.empty() : Optional.of(e.panel);
    }

    /** Opens (or brings forward) the panel of {@code nodeId}; false when the node has none. FX thread. */
    public boolean showPanel(String nodeId) {
        Entry e = entries.get(nodeId);
        if (e == null) {
            return false;
        }
        dock.show(e.panel);
        return true;
    }

    /** Whether nodes with a thumbnail draw it on the canvas. */
    public boolean thumbnailsEnabled() {
        return thumbnails;
    }

    /** Turns canvas thumbnails on or off; the canvas is asked to redraw either way. FX thread. */
    public void setThumbnailsEnabled(boolean on) {
        if (on == thumbnails) {
            return;
        }
        thumbnails = on;
        if (on) {
            for (Entry e : order) {
                if (e.accepted > 0) {
                    e.panel.renderer().updateThumbnail();
                }
            }
        }
        thumbnailsChanged = true;
        wake();
    }

    /** Called (on the FX thread, at most {@value #THUMBNAIL_FPS} times a second) when thumbnails changed. */
    public void setOnThumbnailsChanged(Runnable r) {
        this.onThumbnailsChanged = Objects.requireNonNull(r);
    }

    /**
     * The latest picture of preview node {@code nodeId} for the canvas, or null when thumbnails are off, the node
     * has no preview, its kind has no picture (a table), or nothing has arrived yet. FX thread.
     */
    public Image thumbnail(String nodeId) {
        if (!thumbnails) {
            return null;
        }
        Entry e = entries.get(nodeId);
        return e == null ? null : e.panel.renderer().thumbnail();
    }

    /** Switches the panels to the light or dark colours. FX thread. */
    public void setDarkTheme(boolean dark) {
        theme = dark ? PreviewTheme.DARK : PreviewTheme.LIGHT;
        for (Entry e : order) {
            e.panel.renderer().theme(theme);
            if (e.accepted > 0) {
                e.panel.renderer().updateThumbnail();
            }
            e.panel.markStale(); // draw again in the new colours
        }
        thumbnailsChanged = thumbnails;
        wake();
    }

    /**
     * Counters of one preview node for its current (or last) slot; empty when the node never had one. FX thread.
     *
     * @param nodeId    the preview node
     * @param attached  whether its run is still going
     * @param published sets the node published into the slot
     * @param acquired  sets this board took from the slot (at most one per pass; fewer than published when the node
     *                  publishes faster than 60 a second, or while its panel is hidden)
     * @param rendered  sets drawn in the visible panel
     */
    public record Stats(String nodeId, boolean attached, long published, long acquired, long rendered) {
    }

    /** See {@link Stats}. FX thread. */
    public Optional<Stats> stats(String nodeId) {
        Entry e = entries.get(nodeId);
        if (e == null || e.slot == null) {
            return Optional.empty();
        }
        return Optional.of(new Stats(nodeId, e.attached, e.slot.publishedCount(), e.acquired, e.rendered));
    }

    /** Passes run since the board was made (each draws every panel with new data once). FX thread. */
    public long passes() {
        return passes;
    }

    /**
     * How long the last pass took on the FX thread, in nanoseconds: acquiring, converting and drawing every panel
     * with new data (Prism renders the result afterwards, on its own thread). FX thread.
     */
    public long lastPassNanos() {
        return lastPassNanos;
    }
}

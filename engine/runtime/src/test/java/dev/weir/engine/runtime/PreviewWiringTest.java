package dev.weir.engine.runtime;

import dev.weir.engine.api.Frame;
import dev.weir.engine.api.preview.PreviewHub;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.runtime.testnodes.Collector;
import dev.weir.engine.runtime.testnodes.GraphBuilder;
import dev.weir.engine.runtime.testnodes.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** How a session hands preview slots to the run's {@link PreviewHub} and takes them back. */
class PreviewWiringTest {

    private static final EdgeSpec LATEST = EdgeSpec.DEFAULT.withCapacity(2).withOverflow(OverflowPolicy.KEEP_LATEST);

    private final Collector collector = new Collector();
    private final Engine engine = new Engine(TestNodes.registry(collector));
    private final RecordingHub hub = new RecordingHub(collector);

    @AfterEach
    void noEngineThreadsLeft() {
        assertThat(SessionLifecycleTest.engineThreads()).isEmpty();
    }

    /**
     * Records every attach and detach, and at each detach whether the slot's node had been closed already; the
     * events of one slot must be exactly "attach" then "detach".
     */
    static final class RecordingHub implements PreviewHub {
        private final Collector collector;
        final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        final Map<String, PreviewSlot> slots = new ConcurrentHashMap<>();
        final Map<String, Boolean> closedAtDetach = new ConcurrentHashMap<>();
        volatile boolean failAttach;

        RecordingHub(Collector collector) {
            this.collector = collector;
        }

        @Override
        public void attach(PreviewSlot slot) {
            if (failAttach) {
                throw new IllegalStateException("viewer refuses " + slot.nodeId());
            }
            events.add("attach " + slot.nodeId());
            slots.put(slot.nodeId(), slot);
        }

        @Override
        public void detach(PreviewSlot slot) {
            assertThat(slots.get(slot.nodeId())).as("detach gets the attached slot").isSameAs(slot);
            closedAtDetach.put(slot.nodeId(), collector.closed().contains(slot.nodeId()));
            events.add("detach " + slot.nodeId());
        }
    }

    private RunOptions options(int threads) {
        return RunOptions.defaults().withWorkerThreads(threads).withPreviews(hub);
    }

    @Test
    void completedRunAttachesThenDetachesEverySlotOnceAfterClosingItsNode() {
        GraphDocument doc = new GraphBuilder("previews")
                .node("src", "basic.counter", "count", 10_000, "element", "f32", "chunk", 100)
                .node("p1", "test.preview", "chunk", 100)
                .node("p2", "test.preview", "chunk", 100)
                .edge("src.out", "p1.in", LATEST)
                .edge("src.out", "p2.in", LATEST)
                .build();

        RunResult r = engine.start(doc, options(2)).await(Duration.ofSeconds(10)).orElseThrow();

        assertThat(r.state()).isEqualTo(SessionState.COMPLETED);
        // The events are in the hub as soon as await returns: detaching is part of ending the run.
        assertThat(hub.events).containsExactlyInAnyOrder("attach p1", "attach p2", "detach p1", "detach p2");
        assertThat(hub.events.indexOf("attach p1")).isLessThan(hub.events.indexOf("detach p1"));
        assertThat(hub.events.indexOf("attach p2")).isLessThan(hub.events.indexOf("detach p2"));
        assertThat(hub.closedAtDetach).containsEntry("p1", true).containsEntry("p2", true);
        for (String id : List.of("p1", "p2")) {
            PreviewSlot slot = hub.slots.get(id);
            assertThat(slot.spec().kind()).isEqualTo(PreviewKind.TIME_PLOT);
            Frame[] last = slot.acquire();
            // A keep-latest edge always delivers the newest frame, and the stream's end is its last chunk.
            assertThat(last).as("slot of %s holds something", id).isNotNull();
            assertThat(last[0].index()).as("slot of %s ends on the stream's last chunk", id).isEqualTo(9_900);
            assertThat(last[0].floats()[99]).isEqualTo(9_999f);
        }
    }

    @Test
    void stoppedRunDetachesItsSlots() {
        GraphDocument doc = new GraphBuilder("previews-stop")
                .node("src", "basic.counter", "count", 0, "element", "f32", "chunk", 64)
                .node("p", "test.preview", "chunk", 64)
                .edge("src.out", "p.in", LATEST)
                .build();
        Session s = engine.start(doc, options(1));
        waitUntil(() -> hub.slots.containsKey("p") && hub.slots.get("p").publishedCount() > 10);
        assertThat(hub.events).containsExactly("attach p");

        RunResult r = s.stop();

        assertThat(r.state()).isEqualTo(SessionState.STOPPED);
        assertThat(hub.events).containsExactly("attach p", "detach p");
        assertThat(hub.closedAtDetach).containsEntry("p", true);
        s.stop();
        assertThat(hub.events).as("a second stop detaches nothing again").hasSize(2);
    }

    @Test
    void failingRunDetachesItsSlots() {
        GraphDocument doc = new GraphBuilder("previews-fail")
                .node("src", "basic.counter", "count", 0, "element", "f32", "chunk", 64)
                .node("p", "test.preview", "chunk", 64)
                .node("ticks", "basic.counter", "count", 0)
                .node("bad", "test.fail", "fail_in", "process", "after", 50)
                .node("k", "basic.null_sink")
                .edge("src.out", "p.in", LATEST)
                .edge("ticks.out", "bad.in").edge("bad.out", "k.in")
                .build();

        RunResult r = engine.start(doc, options(2)).await(Duration.ofSeconds(10)).orElseThrow();

        assertThat(r.state()).isEqualTo(SessionState.FAILED);
        assertThat(r.failure().orElseThrow().nodeId()).isEqualTo("bad");
        assertThat(hub.events).containsExactly("attach p", "detach p");
        assertThat(hub.closedAtDetach).containsEntry("p", true);
    }

    @Test
    void slotOfANodeWhoseOpenFailsAfterMakingItIsDetachedToo() {
        GraphDocument doc = new GraphBuilder("previews-open")
                .node("src", "basic.counter", "count", 100, "element", "f32", "chunk", 10)
                .node("p", "test.preview", "chunk", 10, "fail_open", true)
                .edge("src.out", "p.in", LATEST)
                .build();

        RunResult r = engine.start(doc, options(1)).await(Duration.ofSeconds(10)).orElseThrow();

        assertThat(r.state()).isEqualTo(SessionState.FAILED);
        assertThat(r.failure().orElseThrow().phase()).isEqualTo("open");
        assertThat(hub.events).containsExactly("attach p", "detach p");
        assertThat(hub.closedAtDetach).containsEntry("p", true);
    }

    @Test
    void hubThatRefusesASlotFailsThatNodesOpenAndGetsNoDetach() {
        hub.failAttach = true;
        GraphDocument doc = new GraphBuilder("previews-refused")
                .node("src", "basic.counter", "count", 100, "element", "f32", "chunk", 10)
                .node("p", "test.preview", "chunk", 10)
                .edge("src.out", "p.in", LATEST)
                .build();

        RunResult r = engine.start(doc, options(1)).await(Duration.ofSeconds(10)).orElseThrow();

        assertThat(r.state()).isEqualTo(SessionState.FAILED);
        NodeFailure f = r.failure().orElseThrow();
        assertThat(f.nodeId()).isEqualTo("p");
        assertThat(f.phase()).isEqualTo("open");
        assertThat(f.message()).contains("viewer refuses p");
        assertThat(hub.events).isEmpty();
    }

    @Test
    void everyStartOfOnePlanAttachesFreshSlots() {
        GraphDocument doc = new GraphBuilder("previews-again")
                .node("src", "basic.counter", "count", 50, "element", "f32", "chunk", 10)
                .node("p", "test.preview", "chunk", 10)
                .edge("src.out", "p.in", LATEST)
                .build();
        ExecutionPlan plan = engine.plan(doc, options(1));
        List<PreviewSlot> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThat(engine.start(plan).await(Duration.ofSeconds(10)).orElseThrow().state())
                    .isEqualTo(SessionState.COMPLETED);
            seen.add(hub.slots.get("p"));
        }
        assertThat(hub.events).containsExactly("attach p", "detach p", "attach p", "detach p", "attach p", "detach p");
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void runWithoutAHubStillGivesPreviewNodesASlot() {
        GraphDocument doc = new GraphBuilder("previews-none")
                .node("src", "basic.counter", "count", 100, "element", "f32", "chunk", 10)
                .node("p", "test.preview", "chunk", 10)
                .edge("src.out", "p.in", LATEST)
                .build();
        assertThat(RunOptions.defaults().previews()).isSameAs(PreviewHub.NONE);

        RunResult r = engine.start(doc, RunOptions.defaults().withWorkerThreads(1)).await(Duration.ofSeconds(10))
                .orElseThrow();

        assertThat(r.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(hub.events).isEmpty();
    }

    @Test
    void previewsDoNotCountInTheSplitOverWorkersAndRunOnTheirWritersWorker() {
        // src -> gain -> sink, with a preview on each of src and gain: the pipeline's three stages are split over two
        // workers as they would be without previews, and each preview joins the worker of the node feeding it.
        GraphDocument doc = new GraphBuilder("placement")
                .node("src", "basic.counter", "count", 0, "element", "f32", "chunk", 64)
                .node("gain", "basic.multiply", "element", "f32", "chunk", 64)
                .node("sink", "basic.null_sink", "element", "f32", "chunk", 64)
                .node("p_src", "test.preview", "chunk", 64)
                .node("p_gain", "test.preview", "chunk", 64)
                .edge("src.out", "gain.in")
                .edge("gain.out", "sink.in")
                .edge("src.out", "p_src.in", LATEST)
                .edge("gain.out", "p_gain.in", LATEST)
                .build();
        ExecutionPlan plan = new Planner().plan(engine.validate(doc), options(2));
        assertThat(plan.cooperativeGroupsOf("main"))
                .containsExactly(List.of("src", "gain", "p_src", "p_gain"), List.of("sink"));

        GraphDocument onlyPreviews = new GraphBuilder("only-previews")
                .node("src", "basic.counter", "count", 0, "element", "f32", "chunk", 64)
                .node("p", "test.preview", "chunk", 64)
                .edge("src.out", "p.in", LATEST)
                .build();
        assertThat(new Planner().plan(engine.validate(onlyPreviews), options(2)).cooperativeGroupsOf("main"))
                .containsExactly(List.of("src", "p"));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}

package dev.weir.engine.runtime;

import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.runtime.testnodes.Collector;
import dev.weir.engine.runtime.testnodes.GraphBuilder;
import dev.weir.engine.runtime.testnodes.TestNodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's DAG shapes (Dagger.jl's streaming tests), each with the immutable element type (one integer record
 * per frame, copied by value) and the mutable one (float chunks written in place into reused buffers), on 1, 2
 * and 4 worker threads. Outputs are checked exactly.
 */
class SeedShapesTest {

    private static final int N = 3000;
    /** Odd, so the float runs end with a partial chunk. */
    private static final int CHUNK = 97;

    static Stream<Arguments> configs() {
        List<Arguments> out = new ArrayList<>();
        for (int threads : new int[]{1, 2, 4}) {
            for (String element : new String[]{"value", "f32"}) {
                out.add(Arguments.of(threads, element));
            }
        }
        return out.stream();
    }

    private final Collector collector = new Collector();
    private final Engine engine = new Engine(TestNodes.registry(collector));

    private RunResult runToCompletion(GraphDocument doc, int threads) {
        Session s = engine.start(doc, RunOptions.defaults().withWorkerThreads(threads));
        RunResult r = s.await(Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("run did not complete"));
        assertThat(r.failure()).isEmpty();
        assertThat(r.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(collector.closed()).containsExactlyInAnyOrderElementsOf(collector.opened());
        return r;
    }

    private static Object[] el(String element, Object... more) {
        Object[] out = new Object[more.length + 4];
        out[0] = "element";
        out[1] = element;
        out[2] = "chunk";
        out[3] = CHUNK;
        System.arraycopy(more, 0, out, 4, more.length);
        return out;
    }

    private static List<Long> expected(LongUnaryOperator f) {
        return LongStream.range(0, N).map(f).boxed().toList();
    }

    @ParameterizedTest(name = "{0} threads, {1}")
    @MethodSource("configs")
    void singleFiniteTaskCompletes(int threads, String element) {
        GraphDocument doc = new GraphBuilder("single").node("src", "basic.counter", el(element, "count", N)).build();
        RunResult r = runToCompletion(doc, threads);
        long expectedFrames = element.equals("value") ? N : (N + CHUNK - 1) / CHUNK;
        assertThat(r.finalMetrics().node("src").orElseThrow().framesOut()).isEqualTo(expectedFrames);
        assertThat(r.finalMetrics().node("src").orElseThrow().elementsOut()).isEqualTo(N);
    }

    @ParameterizedTest(name = "{0} threads, {1}")
    @MethodSource("configs")
    void singleInfiniteTaskRunsUntilStopped(int threads, String element) {
        GraphDocument doc = new GraphBuilder("infinite").node("src", "basic.counter", el(element, "count", 0)).build();
        Session s = engine.start(doc, RunOptions.defaults().withWorkerThreads(threads));
        assertThat(s.await(Duration.ofMillis(200))).isEmpty();
        RunResult r = s.stop();
        assertThat(r.state()).isEqualTo(SessionState.STOPPED);
        assertThat(r.finalMetrics().node("src").orElseThrow().framesOut()).isPositive();
        assertThat(collector.closed()).contains("src");
    }

    @ParameterizedTest(name = "{0} threads, {1}")
    @MethodSource("configs")
    void oneToTwo(int threads, String element) {
        GraphDocument doc = new GraphBuilder("1to2")
                .node("src", "basic.counter", el(element, "count", N))
                .node("x2", "basic.multiply", el(element, "factor", 2))
                .node("x3", "basic.multiply", el(element, "factor", 3))
                .node("a", "test.collect", el(element))
                .node("b", "test.collect", el(element))
                .edge("src.out", "x2.in").edge("src.out", "x3.in")
                .edge("x2.out", "a.in").edge("x3.out", "b.in")
                .build();
        runToCompletion(doc, threads);
        assertThat(collector.values("a")).isEqualTo(expected(i -> 2 * i));
        assertThat(collector.values("b")).isEqualTo(expected(i -> 3 * i));
    }

    @ParameterizedTest(name = "{0} threads, {1}")
    @MethodSource("configs")
    void twoToOne(int threads, String element) {
        GraphDocument doc = new GraphBuilder("2to1")
                .node("s1", "basic.counter", el(element, "count", N))
                .node("s2", "basic.counter", el(element, "count", N, "start", 1000))
                .node("sum", "basic.sum", el(element))
                .node("k", "test.collect", el(element))
                .edge("s1.out", "sum.in0").edge("s2.out", "sum.in1").edge("sum.out", "k.in")
                .build();
        runToCompletion(doc, threads);
        assertThat(collector.values("k")).isEqualTo(expected(i -> 2 * i + 1000));
    }

    @ParameterizedTest(name = "{0} threads, {1}")
    @MethodSource("configs")
    void diamond(int threads, String element) {
        GraphDocument doc = new GraphBuilder("diamond")
                .node("src", "basic.counter", el(element, "count", N))
                .node("x2", "basic.multiply", el(element, "factor", 2))
                .node("x3", "basic.multiply", el(element, "factor", 3))
                .node("sum", "basic.sum", el(element))
                .node("k", "test.collect", el(element))
                .edge("src.out", "x2.in").edge("src.out", "x3.in")
                .edge("x2.out", "sum.in0").edge("x3.out", "sum.in1").edge("sum.out", "k.in")
                .build();
        runToCompletion(doc, threads);
        assertThat(collector.values("k")).isEqualTo(expected(i -> 5 * i));
    }

    @ParameterizedTest(name = "{0} threads, {1}")
    @MethodSource("configs")
    void hourglass(int threads, String element) {
        GraphDocument doc = new GraphBuilder("hourglass")
                .node("s1", "basic.counter", el(element, "count", N))
                .node("s2", "basic.counter", el(element, "count", N))
                .node("sum", "basic.sum", el(element))
                .node("waist", "basic.multiply", el(element, "factor", 1))
                .node("x2", "basic.multiply", el(element, "factor", 2))
                .node("x3", "basic.multiply", el(element, "factor", 3))
                .node("a", "test.collect", el(element))
                .node("b", "test.collect", el(element))
                .edge("s1.out", "sum.in0").edge("s2.out", "sum.in1").edge("sum.out", "waist.in")
                .edge("waist.out", "x2.in").edge("waist.out", "x3.in")
                .edge("x2.out", "a.in").edge("x3.out", "b.in")
                .build();
        runToCompletion(doc, threads);
        assertThat(collector.values("a")).isEqualTo(expected(i -> 4 * i));
        assertThat(collector.values("b")).isEqualTo(expected(i -> 6 * i));
    }

    @ParameterizedTest(name = "{0} threads, {1}")
    @MethodSource("configs")
    void feedbackLoopThroughDelay(int threads, String element) {
        // y[n] = x[n] + y[n-1]: the sum's second input is its own output, one item late.
        int n = 400;
        GraphDocument doc = new GraphBuilder("feedback")
                .node("src", "basic.counter", el(element, "count", n))
                .node("sum", "basic.sum", el(element))
                .node("back", "basic.multiply", el(element, "factor", 1))
                .node("k", "test.collect", el(element))
                .edge("src.out", "sum.in0")
                .edge("sum.out", "back.in")
                .edge("back.out", "sum.in1", EdgeSpec.DEFAULT.withDelay(1))
                .edge("sum.out", "k.in")
                .build();
        runToCompletion(doc, threads);
        List<Long> expected = new ArrayList<>();
        long acc = 0;
        for (int i = 0; i < n; i++) {
            acc += i;
            expected.add(acc);
        }
        assertThat(collector.values("k")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} threads, {1}")
    @MethodSource("configs")
    void fanOutToFastAndSlowReaderWithBackpressure(int threads, String element) {
        int n = 300;
        GraphDocument doc = fanOut(element, n, OverflowPolicy.BACKPRESSURE);
        runToCompletion(doc, threads);
        // Nothing is lost on either side; the fast reader simply waited for the slow one.
        List<Long> all = LongStream.range(0, n).boxed().toList();
        assertThat(collector.values("fast")).isEqualTo(all);
        assertThat(collector.values("slow")).isEqualTo(all);
    }

    @ParameterizedTest(name = "{0} threads, {1}")
    @MethodSource("configs")
    void fanOutToFastAndSlowReaderWithDropOldest(int threads, String element) {
        int n = 20_000;
        GraphDocument doc = fanOut(element, n, OverflowPolicy.DROP_OLDEST);
        RunResult r = runToCompletion(doc, threads);
        assertThat(collector.values("fast")).isEqualTo(LongStream.range(0, n).boxed().toList());
        List<Long> slow = collector.values("slow");
        assertStrictlyIncreasingSubsequence(slow, n);
        assertThat(slow.size()).isLessThan(n);
        assertThat(slow.getLast()).isEqualTo(n - 1);
        assertThat(r.finalMetrics().edge("e2").orElseThrow().dropped()).isPositive();
    }

    @ParameterizedTest(name = "{0} threads, {1}")
    @MethodSource("configs")
    void fanOutToFastAndSlowReaderWithKeepLatest(int threads, String element) {
        int n = 20_000;
        GraphDocument doc = fanOut(element, n, OverflowPolicy.KEEP_LATEST);
        runToCompletion(doc, threads);
        assertThat(collector.values("fast")).isEqualTo(LongStream.range(0, n).boxed().toList());
        List<Long> slow = collector.values("slow");
        assertStrictlyIncreasingSubsequence(slow, n);
        assertThat(slow.size()).isLessThan(n / 10);
        // The newest item is never dropped by keep-latest.
        assertThat(slow.getLast()).isEqualTo(n - 1);
    }

    /** src feeds "fast" (a plain collector) through e1 and "slow" (1 frame per 2 ms) through e2 with {@code policy}. */
    private static GraphDocument fanOut(String element, int n, OverflowPolicy policy) {
        // The slow side reads one frame per 2 ms; with chunked floats, use one sample per frame there to count items.
        Object[] srcParams = element.equals("value") ? el(element, "count", n) : new Object[]{"element", element, "chunk", 1, "count", n};
        Object[] sinkParams = element.equals("value") ? el(element) : new Object[]{"element", element, "chunk", 1};
        Object[] slowParams = element.equals("value") ? el(element, "period_us", 2000)
                : new Object[]{"element", element, "chunk", 1, "period_us", 2000};
        return new GraphBuilder("fanout-" + policy)
                .node("src", "basic.counter", srcParams)
                .node("fast", "test.collect", sinkParams)
                .node("slow", "test.collect", slowParams)
                .edge("src.out", "fast.in", EdgeSpec.DEFAULT.withCapacity(64))
                .edge("src.out", "slow.in", EdgeSpec.DEFAULT.withCapacity(4).withOverflow(policy))
                .build();
    }

    private static void assertStrictlyIncreasingSubsequence(List<Long> values, int n) {
        assertThat(values).isNotEmpty();
        for (int i = 1; i < values.size(); i++) {
            assertThat(values.get(i)).as("item %d", i).isGreaterThan(values.get(i - 1));
        }
        assertThat(values).allMatch(v -> v >= 0 && v < n);
    }
}

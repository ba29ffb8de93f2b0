package dev.weir.engine.api;

import dev.weir.engine.api.testing.Frames;
import dev.weir.engine.api.testing.TestOutputPort;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestOutputPortTest {

    private static final DataType F32 = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(4));
    private static final DataType VEC = new DataType.VectorOf(ElementType.FLOAT32, Dim.of(3));

    @Test
    void claimReturnsTheSameFrameUntilPublish() {
        TestOutputPort p = new TestOutputPort("out", F32, 4);
        Frame f = p.claim();
        assertThat(p.claim()).isSameAs(f);
        assertThat(p.hasClaim()).isTrue();
        assertThat(p.claims()).isEqualTo(1);
        f.setLength(1).setIndex(9);
        assertThat(p.claim().index()).as("a repeated claim keeps what was written").isEqualTo(9);
        p.publish();
        assertThat(p.hasClaim()).isFalse();
        assertThat(p.claim()).isNotSameAs(f);
    }

    @Test
    void claimResetsTheHeaderAndPoisonsThePayload() {
        TestOutputPort p = new TestOutputPort("out", F32, 4);
        Frame f = p.claim();
        assertThat(f.length()).isZero();
        assertThat(f.index()).isZero();
        assertThat(f.sampleRate()).isZero();
        assertThat(f.flags()).isZero();
        assertThat(f.floats()).containsOnly(Float.NaN);
        assertThat(new TestOutputPort("out", VEC, 1).claim().length()).as("vectors start full").isEqualTo(3);
        assertThat(new TestOutputPort("out", F32, 1).poisonClaimedFrames(false).claim().floats()).containsOnly(0f);
    }

    @Test
    void boundedCapacity() {
        TestOutputPort p = new TestOutputPort("out", F32, 1);
        assertThat(p.capacity()).isEqualTo(1);
        assertThat(p.remaining()).isEqualTo(1);
        p.claim().setLength(1);
        p.publish();
        assertThat(p.remaining()).isZero();
        assertThat(p.queued()).isEqualTo(1);
        assertThatThrownBy(p::claim).isInstanceOf(IllegalStateException.class)
                .hasMessage("output 'out' is full: claim() called while remaining() == 0");
        assertThat(p.drain()).hasSize(1);
        assertThat(p.remaining()).isEqualTo(1);
        assertThatThrownBy(() -> new TestOutputPort("out", F32, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publishNeedsAClaim() {
        assertThatThrownBy(() -> new TestOutputPort("out", F32, 1).publish()).isInstanceOf(IllegalStateException.class)
                .hasMessage("output 'out': publish() called without a claimed frame");
    }

    @Test
    void drainReturnsPublishTimeCopiesInOrder() {
        TestOutputPort p = new TestOutputPort("out", F32, 8);
        for (int i = 0; i < 3; i++) {
            Frame f = p.claim().setLength(1).setIndex(i);
            f.floats()[0] = i * 10;
            p.publish();
        }
        List<Frame> got = p.drain();
        assertThat(got).extracting(Frame::index).containsExactly(0L, 1L, 2L);
        assertThat(got).extracting(f -> f.floats()[0]).containsExactly(0f, 10f, 20f);
        assertThat(p.drain()).isEmpty();
        assertThat(p.published()).isEqualTo(3);
        assertThat(p.queued()).isZero();
    }

    @Test
    void writesAfterPublishAreDetected() {
        TestOutputPort p = new TestOutputPort("out", F32, 8);
        Frame f = p.claim().setLength(1);
        f.floats()[0] = 1;
        p.publish();
        f.floats()[0] = 2;
        assertThatThrownBy(p::drain).isInstanceOf(IllegalStateException.class)
                .hasMessage("output 'out': published frame 0 was modified after publish() (differs at element 0: "
                        + "expected 1.0, was 2.0); a published frame belongs to its readers");

        TestOutputPort q = new TestOutputPort("out", F32, 8);
        Frame g = q.claim().setLength(1);
        q.publish();
        q.drain();
        g.setIndex(5); // after the drain: caught by the final check
        assertThatThrownBy(q::checkPublishedFramesUntouched)
                .hasMessageContaining("published frame 0 was modified after publish() (differs in header field index");
    }

    @Test
    void publishLimit() {
        TestOutputPort p = new TestOutputPort("out", F32, 8).limitPublishes(2);
        assertThat(p.remaining()).isEqualTo(2);
        p.claim();
        p.publish();
        p.claim();
        p.publish();
        assertThat(p.remaining()).isZero();
        assertThatThrownBy(p::claim).hasMessage(
                "output 'out' is full: claim() called while remaining() == 0 (the test's publish limit is reached)");
        p.unlimitedPublishes();
        assertThat(p.remaining()).isEqualTo(6);
        assertThatThrownBy(() -> p.limitPublishes(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void discardModeReusesOneFrameAndCopiesNothing() {
        TestOutputPort p = new TestOutputPort("out", F32, 2).discardPublished();
        assertThat(p.isDiscarding()).isTrue();
        Frame f = p.claim().setLength(2).setIndex(3);
        p.publish();
        assertThat(p.remaining()).isEqualTo(1);
        assertThat(p.claim()).isSameAs(f);
        assertThat(f.index()).as("claim still clears the header").isZero();
        p.publish();
        assertThat(p.remaining()).isZero();
        p.discard();
        assertThat(p.remaining()).isEqualTo(2);
        assertThat(p.drain()).isEmpty();
        assertThat(p.published()).isEqualTo(2);
    }

    @Test
    void discardModeNeedsAnEmptyPort() {
        TestOutputPort p = new TestOutputPort("out", F32, 2);
        p.claim();
        assertThatThrownBy(p::discardPublished).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void discardingAllocatesNothing() {
        TestOutputPort p = new TestOutputPort("out", F32, 4).discardPublished();
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5 && best > 0; round++) {
            long before = bean.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 50_000; i++) {
                p.discard();
                while (p.remaining() > 0) {
                    p.claim().setLength(1).floats()[0] = i;
                    p.publish();
                }
            }
            best = Math.min(best, bean.getCurrentThreadAllocatedBytes() - before);
        }
        assertThat(best).isZero();
    }

    @Test
    void unconnectedPortAcceptsAndDropsEverything() {
        TestOutputPort p = TestOutputPort.unconnected("debug", F32);
        assertThat(p.isConnected()).isFalse();
        for (int i = 0; i < 5; i++) {
            assertThat(p.remaining()).isPositive();
            p.claim();
            p.publish();
        }
        assertThat(p.drain()).isEmpty();
        assertThat(p.published()).isEqualTo(5);
    }

    @Test
    void collectsFramesOfEveryKind() {
        TestOutputPort p = new TestOutputPort("out", Frames.VALUE_TYPE, 2);
        p.claim().setLength(1).setRecordLong(0, 0, 42);
        p.publish();
        assertThat(Frames.difference(Frames.values(42).getFirst(), p.drain().getFirst(), 0)).isEmpty();
    }

    @Test
    void describesItself() {
        assertThat(new TestOutputPort("out", F32, 2)).hasToString(
                "TestOutputPort[out, stream<float32>, capacity=2, queued=0, published=0]");
    }
}

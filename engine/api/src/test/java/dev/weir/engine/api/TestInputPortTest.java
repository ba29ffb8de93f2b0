package dev.weir.engine.api;

import dev.weir.engine.api.testing.Frames;
import dev.weir.engine.api.testing.TestInputPort;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestInputPortTest {

    private static final DataType F32 = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(8));

    private static TestInputPort port(float[]... chunks) {
        return new TestInputPort("in", F32).feed(Frames.floatChunks(F32, chunks));
    }

    @Test
    void servesCopiesInOrder() {
        List<Frame> mine = Frames.floatChunks(F32, new float[] {1, 2}, new float[] {3});
        TestInputPort p = new TestInputPort("in", F32).feed(mine);
        mine.getFirst().floats()[0] = 99; // the caller's frames are not the port's
        assertThat(p.available()).isEqualTo(2);
        assertThat(p.peek()).isNotSameAs(mine.getFirst());
        assertThat(p.peek().floats()[0]).isEqualTo(1);
        assertThat(p.peek()).isSameAs(p.peek());
        p.release();
        assertThat(p.peek().floats()[0]).isEqualTo(3);
        p.release();
        assertThat(p.available()).isZero();
        assertThat(p.framesReleased()).isEqualTo(2);
        assertThat(p.name()).isEqualTo("in");
        assertThat(p.type()).isEqualTo(F32);
        assertThat(p.isConnected()).isTrue();
    }

    @Test
    void emptyPortRefusesReads() {
        TestInputPort p = new TestInputPort("in", F32);
        assertThatThrownBy(p::peek).isInstanceOf(IllegalStateException.class)
                .hasMessage("input 'in' has no frame available: peek() called while available() == 0");
        assertThatThrownBy(p::release).hasMessage("input 'in' has no frame available: release() called while available() == 0");
        assertThatThrownBy(() -> p.consume(1)).hasMessage("input 'in' has no frame available: consume(1) called while available() == 0");
    }

    @Test
    void consumeTakesPartOfTheHeadFrame() {
        TestInputPort p = port(new float[] {1, 2, 3, 4, 5}, new float[] {6});
        assertThat(p.position()).isZero();
        p.consume(2);
        assertThat(p.position()).isEqualTo(2);
        assertThat(p.available()).isEqualTo(2);
        p.consume(0);
        assertThat(p.position()).isEqualTo(2);
        assertThatThrownBy(() -> p.consume(4)).isInstanceOf(IllegalStateException.class)
                .hasMessage("input 'in': consume(4) but only 3 of 5 elements remain in the head frame");
        assertThatThrownBy(() -> p.consume(-1)).isInstanceOf(IllegalArgumentException.class);
        p.consume(3); // reaches the end: released
        assertThat(p.position()).isZero();
        assertThat(p.available()).isEqualTo(1);
        assertThat(p.peek().floats()[0]).isEqualTo(6);
        assertThat(p.elementsConsumed()).isEqualTo(5);
        assertThat(p.framesReleased()).isEqualTo(1);
        assertThat(p.progress()).isEqualTo(6);
    }

    @Test
    void releaseAfterAPartialConsumeDropsTheRest() {
        TestInputPort p = port(new float[] {1, 2, 3}, new float[] {4});
        p.consume(1);
        p.release();
        assertThat(p.position()).isZero();
        assertThat(p.peek().floats()[0]).isEqualTo(4);
    }

    @Test
    void consumingNothingOfAnEmptyFrameReleasesIt() {
        TestInputPort p = port(new float[] {}, new float[] {1});
        p.consume(0);
        assertThat(p.available()).isEqualTo(1);
        assertThat(p.framesReleased()).isEqualTo(1);
    }

    @Test
    void stagedFramesStayHiddenUntilRevealed() {
        TestInputPort p = new TestInputPort("in", F32).stage(Frames.floatChunks(F32, new float[] {1}, new float[] {2}, new float[] {3}));
        assertThat(p.available()).isZero();
        assertThat(p.staged()).isEqualTo(3);
        assertThat(p.reveal(1)).isEqualTo(1);
        assertThat(p.available()).isEqualTo(1);
        assertThat(p.revealed()).isEqualTo(1);
        assertThat(p.reveal(5)).isEqualTo(2);
        assertThat(p.reveal(1)).isZero();
        assertThat(p.available()).isEqualTo(3);
        assertThat(p.fed()).isEqualTo(3);
        assertThat(p.unreleased()).isEqualTo(3);
        assertThatThrownBy(() -> p.reveal(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endOfStreamOnceTheWriterEndedAndEverythingIsReleased() {
        TestInputPort p = new TestInputPort("in", F32).stage(Frames.floatChunks(F32, new float[] {1}));
        assertThat(p.isEndOfStream()).isFalse();
        p.endStream();
        assertThat(p.isEndOfStream()).as("a staged frame is still in flight").isFalse();
        p.revealAll();
        assertThat(p.isEndOfStream()).isFalse();
        p.release();
        assertThat(p.isEndOfStream()).isTrue();
        assertThat(new TestInputPort("in", F32).isEndOfStream()).as("empty but not ended").isFalse();
        assertThat(new TestInputPort("in", F32).endStream().isEndOfStream()).isTrue();
        assertThatThrownBy(() -> p.feed(Frames.floats(F32, 1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("input 'in' has ended; it cannot be fed");
    }

    @Test
    void unconnectedPortIsAlwaysAtEndOfStream() {
        TestInputPort p = TestInputPort.unconnected("aux", F32);
        assertThat(p.isConnected()).isFalse();
        assertThat(p.available()).isZero();
        assertThat(p.isEndOfStream()).isTrue();
        assertThatThrownBy(p::peek).isInstanceOf(IllegalStateException.class)
                .hasMessage("input 'aux' is not connected: peek() called");
        assertThatThrownBy(() -> p.feed(Frames.floats(F32, 1)))
                .hasMessage("input 'aux' is not connected; it cannot be fed");
    }

    @Test
    void releasedFramesArePoisoned() {
        TestInputPort p = port(new float[] {1, 2});
        Frame f = p.peek();
        p.release();
        assertThat(f.floats()).containsOnly(Float.NaN);
        assertThat(f.index()).isEqualTo(Long.MIN_VALUE);
        TestInputPort calm = port(new float[] {1, 2}).poisonReleasedFrames(false);
        Frame g = calm.peek();
        calm.release();
        assertThat(g.floats()).startsWith(1, 2);
    }

    @Test
    void writesByTheReaderAreDetectedOnRelease() {
        TestInputPort p = port(new float[] {1, 2});
        p.peek().floats()[1] = 5;
        assertThatThrownBy(p::release).isInstanceOf(IllegalStateException.class)
                .hasMessage("input 'in': the reader modified frame 0 before releasing it (differs at element 1: "
                        + "expected 2.0, was 5.0); frames are read-only for readers");
        TestInputPort q = port(new float[] {1});
        q.peek().setFlags(Frame.FLAG_CPI_END);
        assertThatThrownBy(q::release).hasMessageContaining("differs in header field flags: expected 0, was 4");
    }

    @Test
    void streamReaderTakesChunksLongerThanItsOwn() {
        // On an edge, frames are sized by the writer: a stream reader may see chunks beyond its declared chunk.
        DataType wide = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(16));
        TestInputPort p = new TestInputPort("in", F32).feed(Frames.floats(wide, new float[9]));
        assertThat(p.peek().length()).isEqualTo(9);
    }

    @Test
    void framesThatDoNotFitAreRefused() {
        DataType f64 = new DataType.SampleStream(ElementType.FLOAT64, Dim.of(8));
        assertThatThrownBy(() -> new TestInputPort("in", F32).feed(Frames.doubles(f64, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("frame 0 fed to input 'in' does not fit stream<float32>: cannot copy stream<float64> into stream<float32>");
        DataType vector4 = new DataType.VectorOf(ElementType.FLOAT32, Dim.of(4));
        DataType vector8 = new DataType.VectorOf(ElementType.FLOAT32, Dim.of(8));
        assertThatThrownBy(() -> new TestInputPort("in", vector4).feed(Frames.floats(vector8, new float[8])))
                .hasMessageStartingWith("frame 0 fed to input 'in' does not fit vector<float32>[4]: length 8 outside 0..4");
        assertThatThrownBy(() -> new TestInputPort("in", new DataType.SampleStream(ElementType.FLOAT32, Dim.param("n"))))
                .hasMessage("input 'in' needs a resolved type, was stream<float32>");
    }

    /** An optional input without an edge never holds a frame, so nothing ever sizes its open type. */
    @Test
    void anUnconnectedPortMayKeepOpenSizes() {
        TestInputPort p = TestInputPort.unconnected("boxes", new DataType.SampleStream(ElementType.FLOAT32, Dim.any()));
        assertThat(p.isConnected()).isFalse();
        assertThat(p.available()).isZero();
        assertThat(p.isEndOfStream()).isTrue();
    }

    @Test
    void cyclingServesBatchesForever() {
        TestInputPort p = port(new float[] {1}, new float[] {2}, new float[] {3}).cycle();
        assertThat(p.isCycling()).isTrue();
        for (int round = 0; round < 3; round++) {
            p.refill();
            assertThat(p.available()).isEqualTo(3);
            float[] seen = new float[3];
            for (int k = 0; k < 3; k++) {
                seen[k] = p.peek().floats()[0];
                p.release();
            }
            assertThat(seen).containsExactly(1, 2, 3);
            assertThat(p.available()).isZero();
            assertThat(p.isEndOfStream()).isFalse();
        }
        // A partial batch: the next refill continues where the reader stopped.
        p.refill();
        p.release();
        p.refill();
        assertThat(p.peek().floats()[0]).isEqualTo(2);
        assertThat(p.peek().floats()).as("no poison in cycling mode").doesNotContain(Float.NaN);
        assertThatThrownBy(p::endStream).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.feed(Frames.floats(F32, 1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cyclingNeedsFrames() {
        assertThatThrownBy(() -> new TestInputPort("in", F32).cycle()).isInstanceOf(IllegalStateException.class)
                .hasMessage("input 'in' can cycle only when connected, fed with at least one frame and not ended");
        assertThatThrownBy(() -> port(new float[] {1}).endStream().cycle()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cyclingAllocatesNothing() {
        TestInputPort p = port(new float[] {1, 2, 3}, new float[] {4}).cycle();
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5 && best > 0; round++) { // the first rounds warm up the JIT
            long before = bean.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 50_000; i++) {
                p.refill();
                p.consume(1);
                p.consume(p.peek().length() - p.position());
                p.release();
            }
            best = Math.min(best, bean.getCurrentThreadAllocatedBytes() - before);
        }
        assertThat(best).isZero();
    }

    @Test
    void describesItself() {
        assertThat(port(new float[] {1})).hasToString(
                "TestInputPort[in, stream<float32>, fed=1, released=0, available=1]");
    }
}

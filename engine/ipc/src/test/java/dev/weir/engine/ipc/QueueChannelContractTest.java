package dev.weir.engine.ipc;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.runtime.channel.Channel;
import dev.weir.engine.runtime.channel.ChannelContractTest;
import dev.weir.engine.runtime.channel.ChannelReader;
import dev.weir.engine.runtime.channel.ChannelWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.weir.engine.model.OverflowPolicy.BACKPRESSURE;
import static dev.weir.engine.model.OverflowPolicy.DROP_OLDEST;
import static dev.weir.engine.model.OverflowPolicy.KEEP_LATEST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime's channel contract for {@link QueueChannel}, writer and readers in this JVM, plus what is specific to
 * the queue: independent ends opened from the same folder (as separate processes do), restarts that resume from the
 * shared cursors, segment rolls and large frames.
 */
class QueueChannelContractTest extends ChannelContractTest {

    @TempDir
    Path tmp;
    private final List<QueueChannel> open = new ArrayList<>();
    private int made;

    @Override
    protected Channel create(DataType type, int capacity, List<OverflowPolicy> readerPolicies) {
        QueueChannel c = QueueChannel.create(tmp.resolve("ch" + made++), "source", "out", type, capacity,
                specs(readerPolicies), false);
        open.add(c);
        return c;
    }

    private static List<QueueChannel.ReaderSpec> specs(List<OverflowPolicy> policies) {
        List<QueueChannel.ReaderSpec> specs = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            specs.add(new QueueChannel.ReaderSpec("sink" + i, "in" + i, policies.get(i)));
        }
        return specs;
    }

    @AfterEach
    void closeAll() {
        for (QueueChannel c : open) {
            c.close();
        }
    }

    /**
     * Adapted: each reader of a queue owns its frame (it may be in another process), so readers get equal frames,
     * not the same object. Independence of release is checked as in the contract.
     */
    @Test
    @Override
    public void readersShareTheSameFrameAndReleaseIndependently() {
        Channel ch = create(4, BACKPRESSURE, BACKPRESSURE);
        ChannelWriter w = ch.writer();
        ChannelReader a = ch.reader(0);
        ChannelReader b = ch.reader(1);
        write(w, 7);
        Frame fa = a.peek();
        Frame fb = b.peek();
        assertThat(fa.recordLong(0, 0)).isEqualTo(7);
        assertThat(fb.recordLong(0, 0)).isEqualTo(7);
        a.release();
        assertThat(a.available()).isZero();
        assertThat(b.available()).isOne();
        assertThat(b.peek()).isSameAs(fb);
        assertThat(w.remaining()).isEqualTo(ch.capacity() - 1);
        b.release();
        assertThat(w.remaining()).isEqualTo(ch.capacity());
    }

    /** Adapted like {@link #readersShareTheSameFrameAndReleaseIndependently}: equal content per policy. */
    @Test
    @Override
    public void readersOfEveryPolicyShareTheSameFrame() {
        Channel ch = create(4, BACKPRESSURE, DROP_OLDEST, KEEP_LATEST);
        write(ch.writer(), 3);
        for (int i = 0; i < 3; i++) {
            assertThat(ch.reader(i).peek().recordLong(0, 0)).isEqualTo(3);
            ch.reader(i).release();
            assertThat(ch.reader(i).available()).isZero();
        }
    }

    /** A second view of the same folder, as another process opens it. */
    private QueueChannel reopen(QueueChannel c, List<OverflowPolicy> policies) {
        QueueChannel other = QueueChannel.open(c.dir(), "source", "out", c.type(), specs(policies), false, () -> false);
        open.add(other);
        return other;
    }

    @Test
    void endsOpenedFromTheFolderSeeEachOther() {
        List<OverflowPolicy> p = List.of(BACKPRESSURE);
        QueueChannel writerSide = (QueueChannel) create(RECORDS, 4, p);
        QueueChannel readerSide = reopen(writerSide, p);
        ChannelWriter w = writerSide.writer();
        ChannelReader r = readerSide.reader(0);
        for (int i = 0; i < 4; i++) {
            write(w, i);
        }
        assertThat(w.remaining()).as("the other view's reader gates this writer").isZero();
        assertThat(read(r)).isZero();
        assertThat(w.remaining()).isOne();
        assertThat(writerSide.reader(0).backlog()).as("metrics from the shared counters").isEqualTo(3);
        w.complete();
        assertThat(drain(r)).containsExactly(1L, 2L, 3L);
        assertThat(r.isEndOfStream()).isTrue();
    }

    /**
     * A reader that goes away holding a frame and comes back (a restarted process) resumes at the first frame it
     * did not release; a writer that comes back continues the numbering in a new segment, and readers move on to
     * it without touching anything the dead writer may have left half-written.
     */
    @Test
    void restartedEndsResumeFromTheSharedCounters() {
        List<OverflowPolicy> p = List.of(BACKPRESSURE);
        QueueChannel c = (QueueChannel) create(RECORDS, 8, p);
        QueueChannel first = reopen(c, p);
        for (int i = 0; i < 6; i++) {
            write(first.writer(), i);
        }
        QueueChannel readerA = reopen(c, p);
        assertThat(read(readerA.reader(0))).isZero();
        assertThat(read(readerA.reader(0))).isOne();
        readerA.reader(0).peek(); // holds frame 2, then "dies"
        readerA.close();
        open.remove(readerA);

        first.close(); // the writer "dies" too
        open.remove(first);
        QueueChannel second = reopen(c, p);
        for (int i = 6; i < 10; i++) {
            write(second.writer(), i);
        }
        QueueChannel readerB = reopen(c, p);
        assertThat(drain(readerB.reader(0))).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(Files.isDirectory(c.dir().resolve("seg-0001"))).as("the restarted writer's segment").isTrue();
    }

    @Test
    void aLossyReaderFarBehindSkipsThroughTheIndexRing() {
        List<OverflowPolicy> p = List.of(DROP_OLDEST);
        QueueChannel c = (QueueChannel) create(RECORDS, 4, p);
        for (int i = 0; i < 1000; i++) {
            write(c.writer(), i);
        }
        QueueChannel late = reopen(c, p);
        assertThat(drain(late.reader(0))).containsExactly(996L, 997L, 998L, 999L);
        assertThat(late.reader(0).framesDropped()).isEqualTo(996);
    }

    @Test
    void segmentsRollAndPassedOnesAreDeleted() {
        List<OverflowPolicy> p = List.of(BACKPRESSURE);
        QueueChannel c = ((QueueChannel) create(RECORDS, 16, p)).withRollBytes(64 * 40);
        long next = 0;
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 16; i++) {
                write(c.writer(), next++);
            }
            assertThat(drain(c.reader(0))).hasSize(16);
        }
        try (var s = Files.list(c.dir())) {
            long segments = s.filter(d -> d.getFileName().toString().startsWith("seg-")).count();
            assertThat(segments).as("320 frames of 64 bytes in segments of 40: old ones deleted").isLessThan(4);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void megabyteFramesRoundTrip() {
        DataType big = new DataType.VectorOf(dev.weir.engine.api.ElementType.FLOAT32, dev.weir.engine.api.Dim.of(1 << 18));
        QueueChannel c = (QueueChannel) create(big, 4, List.of(BACKPRESSURE));
        for (int i = 0; i < 200; i++) {
            Frame f = c.writer().claim();
            float[] a = f.floats();
            for (int k = 0; k < a.length; k += 4099) {
                a[k] = i * 1e-3f + k;
            }
            a[a.length - 1] = -i;
            f.setIndex(i);
            c.writer().publish();
            Frame g = c.reader(0).peek();
            assertThat(g.index()).isEqualTo(i);
            for (int k = 0; k < a.length; k += 4099) {
                assertThat(g.floats()[k]).isEqualTo(i * 1e-3f + k);
            }
            assertThat(g.floats()[a.length - 1]).isEqualTo((float) -i);
            c.reader(0).release();
        }
    }
}

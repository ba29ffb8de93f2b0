package dev.weir.engine.runtime.channel;

import dev.weir.engine.api.DataType;
import dev.weir.engine.model.OverflowPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static dev.weir.engine.model.OverflowPolicy.BACKPRESSURE;
import static dev.weir.engine.model.OverflowPolicy.DROP_OLDEST;
import static dev.weir.engine.model.OverflowPolicy.KEEP_LATEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The channel contract for {@link RingChannel}, plus what is specific to the ring. */
class RingChannelContractTest extends ChannelContractTest {

    @Override
    protected Channel create(DataType type, int capacity, List<OverflowPolicy> readerPolicies) {
        List<RingChannel.ReaderSpec> specs = new ArrayList<>();
        for (int i = 0; i < readerPolicies.size(); i++) {
            specs.add(new RingChannel.ReaderSpec("sink" + i, "in" + i, readerPolicies.get(i)));
        }
        return new RingChannel("source", "out", type, capacity, specs);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "2,2", "3,4", "4,4", "5,8", "7,8", "8,8", "9,16", "1000,1024", "1024,1024", "1025,2048",
            "1073741823,1073741824", "1073741824,1073741824"})
    void capacityIsRoundedUpToAPowerOfTwo(int requested, int expected) {
        assertThat(RingChannel.roundUpToPowerOfTwo(requested)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "3,4", "5,8", "16,16", "17,32"})
    void theRingHoldsItsRoundedCapacity(int requested, int expected) {
        Channel ch = create(RECORDS, requested, List.of(BACKPRESSURE));
        assertThat(ch.capacity()).isEqualTo(expected);
        assertThat(ch.writer().remaining()).isEqualTo(expected);
        for (int i = 0; i < expected; i++) {
            write(ch.writer(), i);
        }
        assertThat(ch.writer().remaining()).isZero();
        assertThat(drain(ch.reader(0))).isEqualTo(range(0, expected));
    }

    @Test
    void invalidCapacitiesAreRejected() {
        assertThatThrownBy(() -> create(RECORDS, 0, List.of(BACKPRESSURE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source.out");
        assertThatThrownBy(() -> create(RECORDS, -4, List.of(BACKPRESSURE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RingChannel.roundUpToPowerOfTwo((1 << 30) + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
    }

    @Test
    void anUnresolvedTypeIsRejected() {
        DataType open = new DataType.VectorOf(dev.weir.engine.api.ElementType.INT64,
                dev.weir.engine.api.Dim.param("n"));
        assertThatThrownBy(() -> create(open, 4, List.of(BACKPRESSURE)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void portsAreNamedAfterTheirSpecs() {
        Channel ch = create(RECORDS, 4, List.of(BACKPRESSURE, KEEP_LATEST));
        assertThat(ch.writer().name()).isEqualTo("out");
        assertThat(ch.reader(0).name()).isEqualTo("in0");
        assertThat(ch.reader(1).name()).isEqualTo("in1");
        assertThat(ch.toString()).contains("source.out", "capacity 4", "readers 2");
    }

    @Test
    void messagesNameNodeAndPort() {
        Channel ch = create(RECORDS, 1, List.of(BACKPRESSURE, DROP_OLDEST));
        for (int i = 0; i < ch.capacity(); i++) {
            write(ch.writer(), i);
        }
        assertThatThrownBy(ch.writer()::claim).hasMessageContaining("source.out");
        drain(ch.reader(0));
        drain(ch.reader(1));
        assertThatThrownBy(ch.reader(0)::peek).hasMessageContaining("sink0.in0");
        assertThatThrownBy(ch.reader(1)::peek).hasMessageContaining("sink1.in1");
        assertThatThrownBy(ch.reader(0)::release).hasMessageContaining("sink0.in0");
        assertThatThrownBy(() -> ch.reader(0).consume(1)).hasMessageContaining("sink0.in0");
    }

    @Test
    void readerSpecRejectsNulls() {
        assertThatThrownBy(() -> new RingChannel.ReaderSpec(null, "in", BACKPRESSURE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RingChannel.ReaderSpec("n", null, BACKPRESSURE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RingChannel.ReaderSpec("n", "in", null)).isInstanceOf(NullPointerException.class);
    }

    /**
     * A ring with a lossy reader has at least two slots: with one, the writer would rewrite the only published
     * frame in place between claim() and publish(), and the reader would have nothing to read meanwhile.
     */
    @ParameterizedTest
    @CsvSource({"BACKPRESSURE,1", "DROP_OLDEST,2", "KEEP_LATEST,2"})
    void aRingWithALossyReaderHasAtLeastTwoSlots(OverflowPolicy policy, int expected) {
        assertThat(create(RECORDS, 1, List.of(policy)).capacity()).isEqualTo(expected);
        assertThat(create(RECORDS, 1, List.of(BACKPRESSURE, policy)).capacity()).isEqualTo(expected);
        assertThat(create(RECORDS, 3, List.of(policy)).capacity()).isEqualTo(4);
    }

    /**
     * The smallest lossy ring with a reader that holds a frame: the writer swaps in the spare on every claim of
     * the held frame's slot and never touches the held one.
     */
    @Test
    void theSmallestLossyRingSwapsInTheSpareWhileTheFrameIsHeld() {
        Channel ch = create(VECTOR, 1, List.of(DROP_OLDEST));
        ChannelWriter w = ch.writer();
        ChannelReader r = ch.reader(0);
        writeVector(w, 0);
        var held = r.peek();
        for (int v = 1; v <= 10; v++) {
            var f = w.claim();
            assertThat(f).isNotSameAs(held);
            fillVector(f, v);
            w.publish();
            assertVector(held, 0);
        }
        r.release();
        assertThat(r.available()).isEqualTo(2);
        assertVector(r.peek(), 9);
        r.release();
        assertVector(r.peek(), 10);
        r.release();
        assertThat(r.framesConsumed()).isEqualTo(3);
        assertThat(r.framesDropped()).isEqualTo(8);
    }
}

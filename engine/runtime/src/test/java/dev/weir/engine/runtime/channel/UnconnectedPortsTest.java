package dev.weir.engine.runtime.channel;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.RecordSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link UnconnectedPorts}: an optional input without an edge, and an output that discards. */
class UnconnectedPortsTest {

    private static final DataType STREAM = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(8));
    private static final DataType RECORDS = new DataType.RecordsOf(RecordSchema.VALUE, Dim.of(2));

    @Test
    void anUnconnectedInputIsAlwaysAtEndOfStream() {
        InputPort in = UnconnectedPorts.input("gate", STREAM);
        assertThat(in.name()).isEqualTo("gate");
        assertThat(in.type()).isEqualTo(STREAM);
        assertThat(in.isConnected()).isFalse();
        assertThat(in.available()).isZero();
        assertThat(in.position()).isZero();
        assertThat(in.isEndOfStream()).isTrue();
        assertThatThrownBy(in::peek).isInstanceOf(IllegalStateException.class).hasMessageContaining("gate");
        assertThatThrownBy(in::release).isInstanceOf(IllegalStateException.class).hasMessageContaining("gate");
        assertThatThrownBy(() -> in.consume(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("gate");
    }

    @Test
    void anUnconnectedInputMayHaveAnOpenType() {
        DataType open = new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk"));
        InputPort in = UnconnectedPorts.input("x", open);
        assertThat(in.type()).isEqualTo(open);
        assertThat(in.isEndOfStream()).isTrue();
    }

    @Test
    void anUnconnectedOutputAcceptsAndCountsEverything() {
        ChannelWriter out = UnconnectedPorts.output("sink", STREAM);
        assertThat(out.name()).isEqualTo("sink");
        assertThat(out.type()).isEqualTo(STREAM);
        assertThat(out.isConnected()).isFalse();
        assertThat(out.isAbandoned()).as("it never makes its node stop").isFalse();
        long elements = 0;
        for (int i = 0; i < 100; i++) {
            assertThat(out.remaining()).isPositive();
            Frame f = out.claim();
            assertThat(f.length()).as("the header is reset on claim").isZero();
            assertThat(f.index()).isZero();
            assertThat(f.flags()).isZero();
            f.setLength(i % 9).setIndex(i).setFlags(Frame.FLAG_FRAME_START);
            elements += i % 9;
            out.publish();
            assertThat(out.framesPublished()).isEqualTo(i + 1);
            assertThat(out.elementsPublished()).isEqualTo(elements);
        }
        out.complete();
        assertThat(out.isAbandoned()).isFalse();
    }

    @Test
    void claimTwiceReturnsTheSameFrameAndKeepsWhatWasWritten() {
        ChannelWriter out = UnconnectedPorts.output("sink", RECORDS);
        Frame f = out.claim();
        f.setLength(1).setRecordLong(0, 0, 3).setIndex(3);
        assertThat(out.claim()).isSameAs(f);
        assertThat(f.index()).isEqualTo(3);
        assertThat(f.length()).isOne();
        out.publish();
        assertThat(out.framesPublished()).isOne();
        assertThat(out.elementsPublished()).isOne();
    }

    @Test
    void publishWithoutClaimThrows() {
        ChannelWriter out = UnconnectedPorts.output("sink", RECORDS);
        assertThatThrownBy(out::publish).isInstanceOf(IllegalStateException.class).hasMessageContaining("sink");
        out.claim();
        out.publish();
        assertThatThrownBy(out::publish).isInstanceOf(IllegalStateException.class);
        assertThat(out.framesPublished()).isOne();
    }

    @Test
    void anOutputWithAnOpenTypeCannotClaim() {
        DataType open = new DataType.VectorOf(ElementType.INT64, Dim.param("n"));
        ChannelWriter out = UnconnectedPorts.output("spectrum", open);
        assertThat(out.remaining()).isPositive();
        assertThatThrownBy(out::claim).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spectrum").hasMessageContaining("${n}");
        assertThatThrownBy(out::publish).isInstanceOf(IllegalStateException.class);
        assertThat(out.framesPublished()).isZero();
    }
}

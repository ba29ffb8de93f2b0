package dev.weir.editor.model;

import dev.weir.engine.api.ParamType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParamTextTest {

    private static final ParamType FFT_SIZE = new ParamType.IntType(2, 1 << 20);
    private static final ParamType RATE = new ParamType.RealType(1e-3, 1e12);
    private static final ParamType LIST = new ParamType.RealListType(-10, 10, 1, 3);

    @Test
    void integersWithLimitsAndSuffixes() {
        assertThat(ParamText.parse("2048", FFT_SIZE).value()).isEqualTo(2048L);
        assertThat(ParamText.parse(" 4k ", FFT_SIZE).value()).isEqualTo(4000L);
        assertThat(ParamText.parse("1_024", FFT_SIZE).value()).isEqualTo(1024L);
        assertThat(ParamText.parse("1", FFT_SIZE).problem()).isEqualTo("must be in 2..1048576, was 1");
        assertThat(ParamText.parse("1.5", FFT_SIZE).problem()).contains("integer");
        assertThat(ParamText.parse("abc", FFT_SIZE).problem()).contains("integer");
        assertThat(ParamText.parse("", FFT_SIZE).ok()).isFalse();
        assertThat(ParamText.parse("9223372036854775807", new ParamType.IntType(Long.MIN_VALUE, Long.MAX_VALUE))
                .value()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void realsRefuseNanAndInfinity() {
        assertThat(ParamText.parse("48k", RATE).value()).isEqualTo(48000.0);
        assertThat(ParamText.parse("2.5e3", RATE).value()).isEqualTo(2500.0);
        assertThat(ParamText.parse("NaN", RATE).ok()).isFalse();
        assertThat(ParamText.parse("Infinity", RATE).ok()).isFalse();
        assertThat(ParamText.parse("0", RATE).problem()).startsWith("must be in");
    }

    @Test
    void listsBoolsChoices() {
        assertThat(ParamText.parse("1, 2.5 -3", LIST).value()).isEqualTo(List.of(1.0, 2.5, -3.0));
        assertThat(ParamText.parse("", LIST).problem()).contains("1..3 elements");
        assertThat(ParamText.parse("1, x", LIST).problem()).isEqualTo("element 1 must be a number, was 'x'");
        assertThat(ParamText.parse("11", LIST).problem()).startsWith("element 0 must be in");
        assertThat(ParamText.parse("yes", new ParamType.BoolType()).value()).isEqualTo(true);
        ParamType choice = new ParamType.ChoiceType(List.of("hann", "hamming"));
        assertThat(ParamText.parse("hann", choice).ok()).isTrue();
        assertThat(ParamText.parse("box", choice).problem()).contains("must be one of");
        assertThat(ParamText.parse(" a b ", new ParamType.TextType(10)).value()).isEqualTo(" a b ");
    }

    @Test
    void formatsForFields() {
        assertThat(ParamText.format(48000.0)).isEqualTo("48000");
        assertThat(ParamText.format(0.01)).isEqualTo("0.01");
        assertThat(ParamText.format(List.of(1000.0, 5250.5))).isEqualTo("1000, 5250.5");
        assertThat(ParamText.format(7L)).isEqualTo("7");
        assertThat(ParamText.limits(FFT_SIZE)).isEqualTo("2 .. 1048576");
        assertThat(ParamText.limits(new ParamType.IntType(Long.MIN_VALUE, Long.MAX_VALUE))).isEmpty();
        assertThat(ParamText.limits(new ParamType.BoolType())).isEmpty();
        // What a field shows parses back to the same value.
        for (Object v : List.of(48000.0, 0.01, 1.0e-9, 123456.789)) {
            assertThat(ParamText.parse(ParamText.format(v), new ParamType.RealType(-1e12, 1e12)).value()).isEqualTo(v);
        }
    }
}

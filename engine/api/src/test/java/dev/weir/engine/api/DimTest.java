package dev.weir.engine.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DimTest {

    @Test
    void fixed() {
        Dim d = Dim.of(480);
        assertThat(d).isEqualTo(new Dim.Fixed(480));
        assertThat(d.isFixed()).isTrue();
        assertThat(d.size()).isEqualTo(480);
        assertThat(d.resolve(Params.empty())).isSameAs(d);
        assertThat(d).hasToString("480");
    }

    @Test
    void fixedMustBePositive() {
        assertThatThrownBy(() -> Dim.of(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dimension must be positive, was 0");
        assertThatThrownBy(() -> Dim.of(-3)).hasMessage("dimension must be positive, was -3");
    }

    @Test
    void fromParam() {
        Dim d = Dim.param("fft_size");
        assertThat(d).isEqualTo(new Dim.FromParam("fft_size"));
        assertThat(d.isFixed()).isFalse();
        assertThat(d).hasToString("${fft_size}");
        assertThat(d.resolve(Params.of("fft_size", 1024))).isEqualTo(Dim.of(1024));
        assertThatThrownBy(d::size).isInstanceOf(IllegalStateException.class)
                .hasMessage("dimension ${fft_size} is not resolved to a fixed size");
        assertThatThrownBy(() -> new Dim.FromParam(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void resolveNamesTheParam() {
        Dim d = Dim.param("n");
        assertThatThrownBy(() -> d.resolve(Params.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("param 'n' is not set");
        assertThatThrownBy(() -> d.resolve(Params.of("n", 2.5)))
                .hasMessage("param 'n' must be an integer, was number 2.5");
        assertThatThrownBy(() -> d.resolve(Params.of("n", 0)))
                .hasMessage("param 'n' sizes a port and must be in 1..2147483647, was 0");
        assertThatThrownBy(() -> d.resolve(Params.of("n", -1)))
                .hasMessage("param 'n' sizes a port and must be in 1..2147483647, was -1");
        assertThatThrownBy(() -> d.resolve(Params.of("n", 1L << 31)))
                .hasMessage("param 'n' sizes a port and must be in 1..2147483647, was 2147483648");
        assertThat(d.resolve(Params.of("n", Integer.MAX_VALUE)).size()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void any() {
        Dim d = Dim.any();
        assertThat(d).isEqualTo(new Dim.Any());
        assertThat(d.isFixed()).isFalse();
        assertThat(d).hasToString("*");
        assertThat(d.resolve(Params.empty())).isSameAs(d);
        assertThatThrownBy(d::size).isInstanceOf(IllegalStateException.class)
                .hasMessage("dimension * is not resolved to a fixed size");
    }

    @Test
    void compatibility() {
        assertThat(Dim.of(4).compatibleWith(Dim.of(4))).isTrue();
        assertThat(Dim.of(4).compatibleWith(Dim.of(5))).isFalse();
        assertThat(Dim.of(4).compatibleWith(Dim.any())).isTrue();
        assertThat(Dim.any().compatibleWith(Dim.of(4))).isTrue();
        assertThat(Dim.any().compatibleWith(Dim.param("n"))).isTrue();
        assertThat(Dim.param("n").compatibleWith(Dim.param("n"))).isTrue();
        assertThat(Dim.param("n").compatibleWith(Dim.param("m"))).isFalse();
        assertThat(Dim.param("n").compatibleWith(Dim.of(4))).isFalse();
    }
}

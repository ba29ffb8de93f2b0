package dev.weir.engine.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamSpecTest {

    @Test
    void factories() {
        ParamSpec n = ParamSpec.integer("fft_size", "FFT size", 1024, 16, 65536, "samples", false, "doc");
        assertThat(n.type()).isEqualTo(new ParamType.IntType(16, 65536));
        assertThat(n.defaultValue()).isEqualTo(1024L);
        assertThat(n.unit()).isEqualTo("samples");
        assertThat(n.hotUpdatable()).isFalse();

        ParamSpec g = ParamSpec.real("gain", "Gain", 1.5, 0, 10, "dB", true, "doc");
        assertThat(g.type()).isEqualTo(new ParamType.RealType(0, 10));
        assertThat(g.defaultValue()).isEqualTo(1.5);
        assertThat(g.hotUpdatable()).isTrue();

        ParamSpec b = ParamSpec.bool("enabled", "Enabled", true, true, "doc");
        assertThat(b.type()).isEqualTo(new ParamType.BoolType());
        assertThat(b.defaultValue()).isEqualTo(true);
        assertThat(b.unit()).isEmpty();
    }

    @Test
    void defaultIsNormalisedAndCanonical() {
        ParamSpec realFromInt = new ParamSpec("gain", "Gain", new ParamType.RealType(0, 10), 3, "", false, "");
        assertThat(realFromInt.defaultValue()).isEqualTo(3.0).isInstanceOf(Double.class);
        ParamSpec intFromInteger = new ParamSpec("n", "N", new ParamType.IntType(0, 10), 3, "", false, "");
        assertThat(intFromInteger.defaultValue()).isEqualTo(3L);
        ParamSpec list = new ParamSpec("taps", "Taps", new ParamType.RealListType(-1, 1, 1, 8),
                List.of(1, 0.5f), "", false, "");
        assertThat(list.defaultValue()).isEqualTo(List.of(1.0, 0.5));
    }

    @Test
    void badDefaultIsRefusedNamingTheParam() {
        assertThatThrownBy(() -> ParamSpec.integer("fft_size", "FFT size", 8, 16, 65536, "", false, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("default of param 'fft_size' must be in 16..65536, was 8");
        assertThatThrownBy(() -> new ParamSpec("window", "Window", new ParamType.ChoiceType(List.of("hann")),
                "box", "", false, ""))
                .hasMessage("default of param 'window' must be one of [hann], was box");
        assertThatThrownBy(() -> ParamSpec.real("gain", "Gain", Double.NaN, 0, 1, "", false, ""))
                .hasMessage("default of param 'gain' must be a finite number, was NaN");
        assertThatThrownBy(() -> new ParamSpec("gain", "Gain", new ParamType.RealType(0, 1), null, "", false, ""))
                .hasMessage("param 'gain' is null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fftSize", "FFT", "_size", "1st", "fft-size", "fft size", "", "é"})
    void keyMustBeSnakeCase(String key) {
        assertThatThrownBy(() -> ParamSpec.bool(key, "x", true, false, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("param key '" + key + "' must be snake_case");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "fft_size", "x2", "cpi_len_2", "trailing_"})
    void snakeCaseKeysAreAccepted(String key) {
        assertThat(ParamSpec.bool(key, "x", true, false, "").key()).isEqualTo(key);
    }

    @Test
    void requiredComponents() {
        ParamType t = new ParamType.BoolType();
        assertThatThrownBy(() -> new ParamSpec(null, "l", t, true, "", false, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ParamSpec("k", null, t, true, "", false, "")).hasMessage("label");
        assertThatThrownBy(() -> new ParamSpec("k", "l", null, true, "", false, "")).hasMessage("type");
        assertThatThrownBy(() -> new ParamSpec("k", "l", t, true, null, false, "")).hasMessage("unit");
        assertThatThrownBy(() -> new ParamSpec("k", "l", t, true, "", false, null)).hasMessage("doc");
    }
}

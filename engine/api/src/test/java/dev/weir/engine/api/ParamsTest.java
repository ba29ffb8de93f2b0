package dev.weir.engine.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamsTest {

    @Test
    void integersAreNormalisedToLong() {
        Params p = Params.of("i", 3, "s", (short) 4, "b", (byte) 5, "l", 6L);
        assertThat(p.get("i")).isEqualTo(3L);
        assertThat(p.get("s")).isEqualTo(4L);
        assertThat(p.get("b")).isEqualTo(5L);
        assertThat(p.get("l")).isEqualTo(6L);
    }

    @Test
    void floatsAreNormalisedToDouble() {
        Params p = Params.of("f", 0.5f, "d", 0.25);
        assertThat(p.get("f")).isEqualTo(0.5);
        assertThat(p.get("d")).isEqualTo(0.25);
        // Widening keeps the float's value, it does not re-round it to the nearest double of its decimal form.
        assertThat(Params.of("f", 0.1f).get("f")).isEqualTo((double) 0.1f).isNotEqualTo(0.1);
    }

    @Test
    void listElementsAreNormalisedAndTheListIsUnmodifiable() {
        Params p = Params.of("taps", List.of(1, 2.5f, "x", true));
        assertThat(p.getList("taps")).isEqualTo(List.of(1L, 2.5, "x", true));
        assertThatThrownBy(() -> p.getList("taps").clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theCallersListIsCopied() {
        List<Object> raw = new ArrayList<>(List.of(1, 2));
        Params p = Params.of("taps", raw);
        raw.add(3);
        assertThat(p.getList("taps")).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void unsupportedValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> Params.of("k", List.of(List.of(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("param 'k' nests lists");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("k", null);
        assertThatThrownBy(() -> Params.of(withNull))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("param 'k' is null");
        assertThatThrownBy(() -> Params.of("k", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("param 'k' has unsupported value type java.lang.Object");
        assertThatThrownBy(() -> Params.of("k", List.of(new StringBuilder())))
                .hasMessage("param 'k' has unsupported value type java.lang.StringBuilder");
        assertThatThrownBy(() -> Params.empty().with("k", 'c'))
                .hasMessage("param 'k' has unsupported value type java.lang.Character");
    }

    @Test
    void keysAndValuesMustAlternate() {
        assertThatThrownBy(() -> Params.of("a", 1, "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("keys and values must alternate");
    }

    @Test
    void keysAreSorted() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("zeta", 1);
        raw.put("alpha", 2);
        raw.put("mid", 3);
        Params p = Params.of(raw);
        assertThat(p.keys()).containsExactly("alpha", "mid", "zeta");
        assertThat(p.asMap().keySet()).containsExactly("alpha", "mid", "zeta");
        assertThat(p.with("beta", 0).keys()).containsExactly("alpha", "beta", "mid", "zeta");
        assertThat(p).hasToString("{alpha=2, mid=3, zeta=1}");
    }

    @Test
    void isImmutable() {
        Params p = Params.of("a", 1);
        Params q = p.with("a", 2).with("b", 3);
        assertThat(p.get("a")).isEqualTo(1L);
        assertThat(p.has("b")).isFalse();
        assertThat(q.without("a").keys()).containsExactly("b");
        assertThat(q.keys()).containsExactly("a", "b");
        assertThatThrownBy(() -> p.asMap().put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p.keys().remove("a")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withAllPutsOverridesOverThisOnes() {
        Params base = Params.of("a", 1, "b", 2);
        assertThat(base.withAll(Params.of("b", 20, "c", 30))).isEqualTo(Params.of("a", 1, "b", 20, "c", 30));
        assertThat(base.withAll(Params.empty())).isEqualTo(base);
    }

    @Test
    void absentKeys() {
        assertThat(Params.empty().keys()).isEmpty();
        assertThat(Params.empty().get("x")).isNull();
        assertThat(Params.empty().has("x")).isFalse();
        assertThat(Params.empty().without("x")).isEqualTo(Params.empty());
    }

    @Test
    void typedGetters() {
        Params p = Params.of("n", 7, "x", 2.5, "on", true, "name", "fft", "taps", List.of(1, 0.5));
        assertThat(p.getLong("n")).isEqualTo(7L);
        assertThat(p.getInt("n")).isEqualTo(7);
        assertThat(p.getDouble("x")).isEqualTo(2.5);
        assertThat(p.getDouble("n")).isEqualTo(7.0); // integers widen
        assertThat(p.getBoolean("on")).isTrue();
        assertThat(p.getString("name")).isEqualTo("fft");
        assertThat(p.getList("taps")).isEqualTo(List.of(1L, 0.5));
        assertThat(p.getDoubleArray("taps")).containsExactly(1.0, 0.5);
    }

    @Test
    void getDoubleArrayReturnsAFreshArray() {
        Params p = Params.of("taps", List.of(1.0, 2.0));
        double[] a = p.getDoubleArray("taps");
        a[0] = 99;
        assertThat(p.getDoubleArray("taps")).containsExactly(1.0, 2.0);
    }

    @Test
    void typedGettersNameTheKeyInTheirMessages() {
        Params p = Params.of("n", 7, "x", 2.5, "on", true, "name", "fft", "taps", List.of(1, "a"),
                "big", 3_000_000_000L);
        assertThatThrownBy(() -> p.getLong("missing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("param 'missing' is not set");
        assertThatThrownBy(() -> p.getLong("x")).hasMessage("param 'x' must be an integer, was number 2.5");
        assertThatThrownBy(() -> p.getInt("big")).hasMessage("param 'big' is out of int range: 3000000000");
        assertThatThrownBy(() -> p.getDouble("on")).hasMessage("param 'on' must be a number, was boolean true");
        assertThatThrownBy(() -> p.getBoolean("name")).hasMessage("param 'name' must be a boolean, was string fft");
        assertThatThrownBy(() -> p.getString("n")).hasMessage("param 'n' must be a string, was integer 7");
        assertThatThrownBy(() -> p.getList("n")).hasMessage("param 'n' must be a list, was integer 7");
        assertThatThrownBy(() -> p.getDoubleArray("taps")).hasMessage("param 'taps' element 1 is not a number");
        assertThatThrownBy(() -> p.getString("taps")).hasMessage("param 'taps' must be a string, was list [1, a]");
    }

    @Test
    void equalityIsByNormalisedValue() {
        assertThat(Params.of("a", 1)).isEqualTo(Params.of("a", 1L)).hasSameHashCodeAs(Params.of("a", 1L));
        assertThat(Params.of("a", 1.5f)).isEqualTo(Params.of("a", 1.5));
        assertThat(Params.of("a", List.of(1, 2))).isEqualTo(Params.of("a", Arrays.asList(1L, 2L)));
        assertThat(Params.of("a", 1)).isNotEqualTo(Params.of("a", 1.0));
        assertThat(Params.of("a", 1, "b", 2)).isEqualTo(Params.of("b", 2, "a", 1));
        assertThat(Params.of("a", 1)).isNotEqualTo(Params.of("a", 1, "b", 2));
        assertThat(Params.of("a", 1)).isNotEqualTo("a=1");
        assertThat(Params.of(Map.of())).isEqualTo(Params.empty());
    }

    @Test
    void kindOfNamesNormalisedKinds() {
        assertThat(Params.kindOf(1L)).isEqualTo("integer");
        assertThat(Params.kindOf(1.0)).isEqualTo("number");
        assertThat(Params.kindOf(true)).isEqualTo("boolean");
        assertThat(Params.kindOf("s")).isEqualTo("string");
        assertThat(Params.kindOf(List.of())).isEqualTo("list");
        assertThat(Params.kindOf(new StringBuilder())).isEqualTo("StringBuilder");
    }
}

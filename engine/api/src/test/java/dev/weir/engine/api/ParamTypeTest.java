package dev.weir.engine.api;

import dev.weir.engine.api.ParamType.BoolType;
import dev.weir.engine.api.ParamType.ChoiceType;
import dev.weir.engine.api.ParamType.IntType;
import dev.weir.engine.api.ParamType.PathMode;
import dev.weir.engine.api.ParamType.PathType;
import dev.weir.engine.api.ParamType.RealListType;
import dev.weir.engine.api.ParamType.RealType;
import dev.weir.engine.api.ParamType.TextType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamTypeTest {

    private static String problem(ParamType t, Object normalised) {
        ParamType.Result r = t.check(normalised);
        assertThat(r.ok()).as("%s accepts %s", t, normalised).isFalse();
        assertThat(r.value()).isNull();
        return r.problemText().orElseThrow();
    }

    private static Object accepted(ParamType t, Object normalised) {
        ParamType.Result r = t.check(normalised);
        assertThat(r.problemText()).as("%s refuses %s", t, normalised).isEmpty();
        assertThat(r.ok()).isTrue();
        return r.value();
    }

    @Test
    void intType() {
        IntType t = new IntType(1, 10);
        assertThat(accepted(t, 1L)).isEqualTo(1L);
        assertThat(accepted(t, 10L)).isEqualTo(10L);
        assertThat(problem(t, 0L)).isEqualTo("must be in 1..10, was 0");
        assertThat(problem(t, 11L)).isEqualTo("must be in 1..10, was 11");
        assertThat(problem(t, 2.0)).isEqualTo("must be an integer, was number 2.0");
        assertThat(problem(t, "3")).isEqualTo("must be an integer, was string 3");
        assertThat(problem(t, true)).isEqualTo("must be an integer, was boolean true");
        assertThat(t.describe()).isEqualTo("int[1..10]");
        assertThat(accepted(new IntType(Long.MIN_VALUE, Long.MAX_VALUE), Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(accepted(new IntType(5, 5), 5L)).isEqualTo(5L);
    }

    @Test
    void intTypeLimitsMustBeOrdered() {
        assertThatThrownBy(() -> new IntType(2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("min 2 > max 1");
    }

    @Test
    void realType() {
        RealType t = new RealType(-1, 1);
        assertThat(accepted(t, 0.5)).isEqualTo(0.5);
        assertThat(accepted(t, -1.0)).isEqualTo(-1.0);
        assertThat(accepted(t, 1L)).isEqualTo(1.0).isInstanceOf(Double.class); // integers widen
        assertThat(problem(t, 1.5)).isEqualTo("must be in -1.0..1.0, was 1.5");
        assertThat(problem(t, 2L)).isEqualTo("must be in -1.0..1.0, was 2.0");
        assertThat(problem(t, Double.NaN)).isEqualTo("must be a finite number, was NaN");
        assertThat(problem(t, Double.POSITIVE_INFINITY)).isEqualTo("must be a finite number, was Infinity");
        assertThat(problem(t, Double.NEGATIVE_INFINITY)).isEqualTo("must be a finite number, was -Infinity");
        assertThat(problem(t, "0.5")).isEqualTo("must be a number, was string 0.5");
        // Unbounded limits still refuse infinities: a param promises a finite value.
        RealType open = new RealType(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertThat(problem(open, Double.POSITIVE_INFINITY)).isEqualTo("must be a finite number, was Infinity");
        assertThat(accepted(open, -1e300)).isEqualTo(-1e300);
        assertThat(problem(t, List.of(0.5))).isEqualTo("must be a number, was list [0.5]");
        assertThat(t.describe()).isEqualTo("real[-1.0..1.0]");
    }

    @Test
    void realTypeLimitsMustBeOrderedAndNotNaN() {
        assertThatThrownBy(() -> new RealType(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("min 1.0 > max 0.0");
        assertThatThrownBy(() -> new RealType(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RealType(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boolType() {
        BoolType t = new BoolType();
        assertThat(accepted(t, true)).isEqualTo(true);
        assertThat(accepted(t, false)).isEqualTo(false);
        assertThat(problem(t, "true")).isEqualTo("must be true or false, was string true");
        assertThat(problem(t, 1L)).isEqualTo("must be true or false, was integer 1");
        assertThat(t.describe()).isEqualTo("bool");
    }

    @Test
    void textType() {
        TextType t = new TextType(3);
        assertThat(accepted(t, "")).isEqualTo("");
        assertThat(accepted(t, "abc")).isEqualTo("abc");
        assertThat(problem(t, "abcd")).isEqualTo("is longer than 3 characters");
        assertThat(problem(t, 1L)).isEqualTo("must be text, was integer 1");
        assertThat(t.describe()).isEqualTo("text");
    }

    @Test
    void choiceType() {
        ChoiceType t = new ChoiceType(List.of("hann", "hamming"));
        assertThat(accepted(t, "hann")).isEqualTo("hann");
        assertThat(problem(t, "blackman")).isEqualTo("must be one of [hann, hamming], was blackman");
        assertThat(problem(t, "HANN")).isEqualTo("must be one of [hann, hamming], was HANN");
        assertThat(problem(t, 1L)).isEqualTo("must be one of [hann, hamming], was 1");
        assertThat(t.describe()).isEqualTo("choice[hann, hamming]");
        assertThatThrownBy(() -> new ChoiceType(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a choice param needs choices");
    }

    @Test
    void choicesAreCopied() {
        List<String> raw = new java.util.ArrayList<>(List.of("a"));
        ChoiceType t = new ChoiceType(raw);
        raw.add("b");
        assertThat(t.choices()).containsExactly("a");
    }

    @Test
    void pathType() {
        PathType t = new PathType(PathMode.READ_FILE);
        assertThat(accepted(t, "/data/in.wav")).isEqualTo("/data/in.wav");
        assertThat(problem(t, "in\0.wav")).isEqualTo("contains a NUL character");
        assertThat(problem(t, 1L)).isEqualTo("must be a path, was integer 1");
        assertThat(t.describe()).isEqualTo("path(read_file)");
        assertThat(new PathType(PathMode.WRITE_FILE).describe()).isEqualTo("path(write_file)");
        assertThat(new PathType(PathMode.DIRECTORY).describe()).isEqualTo("path(directory)");
        assertThatThrownBy(() -> new PathType(null)).isInstanceOf(NullPointerException.class).hasMessage("mode");
    }

    @Test
    void realListType() {
        RealListType t = new RealListType(0, 1, 1, 3);
        assertThat(accepted(t, List.of(0.5, 1L))).isEqualTo(List.of(0.5, 1.0)); // integers widen
        assertThat(problem(t, List.of())).isEqualTo("must have 1..3 elements, had 0");
        assertThat(problem(t, List.of(0.1, 0.2, 0.3, 0.4))).isEqualTo("must have 1..3 elements, had 4");
        assertThat(problem(t, List.of(0.5, 2.0))).isEqualTo("element 1 must be in 0.0..1.0, was 2.0");
        assertThat(problem(t, List.of(Double.NaN))).isEqualTo("element 0 must be a finite number, was NaN");
        assertThat(problem(t, List.of("x"))).isEqualTo("element 0 must be a number, was string x");
        assertThat(problem(t, 0.5)).isEqualTo("must be a list of numbers, was number 0.5");
        assertThatThrownBy(() -> new RealListType(1, 0, 0, 1)).hasMessageContaining("min 1.0 > max 0.0");
        assertThatThrownBy(() -> new RealListType(0, 1, 3, 2)).hasMessageContaining("0 <= min <= max");
        assertThat(t.describe()).isEqualTo("real[0.0..1.0] list");
    }

    @Test
    void resultAccessors() {
        ParamType.Result ok = new IntType(0, 1).check(1L);
        assertThat(ok.ok()).isTrue();
        assertThat(ok.problem()).isNull();
        assertThat(ok.problemText()).isEmpty();
        ParamType.Result bad = new IntType(0, 1).check(2L);
        assertThat(bad.ok()).isFalse();
        assertThat(bad.problemText()).contains("must be in 0..1, was 2");
    }
}

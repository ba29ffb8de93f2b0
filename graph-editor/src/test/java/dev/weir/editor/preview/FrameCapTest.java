package dev.weir.editor.preview;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FrameCapTest {

    private static final long SECOND = 1_000_000_000L;

    /** The pulse times at which the cap lets a frame through. */
    private static List<Long> frames(FrameCap cap, long[] pulses) {
        List<Long> taken = new ArrayList<>();
        for (long t : pulses) {
            if (cap.tryFrame(t)) {
                taken.add(t);
            }
        }
        return taken;
    }

    private static long[] pulses(double hz, double seconds, long jitterNanos, long seed) {
        Random r = new Random(seed);
        int n = (int) (hz * seconds);
        long[] p = new long[n];
        for (int i = 0; i < n; i++) {
            long jitter = jitterNanos == 0 ? 0 : (long) ((r.nextDouble() * 2 - 1) * jitterNanos);
            p[i] = 5 * SECOND + (long) (i * SECOND / hz) + jitter; // an arbitrary epoch, as System.nanoTime has
        }
        return p;
    }

    /** The most frames inside any window of {@code window} nanoseconds. */
    private static int mostInAnyWindow(List<Long> frames, long window) {
        int most = 0;
        for (int i = 0, j = 0; i < frames.size(); i++) {
            while (frames.get(i) - frames.get(j) >= window) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }

    @Test
    void fullSpeedPulsesAreCutToSixtyPerSecond() {
        // -Djavafx.animation.fullspeed=true: a pulse every millisecond.
        List<Long> taken = frames(new FrameCap(60), pulses(1000, 10, 0, 1));
        assertThat(taken).hasSizeBetween(598, 601);
        assertThat(mostInAnyWindow(taken, SECOND)).isLessThanOrEqualTo(61);
    }

    @Test
    void aFastMonitorIsCutToSixtyPerSecond() {
        List<Long> taken = frames(new FrameCap(60), pulses(144, 10, 300_000, 2));
        assertThat(taken.size()).isLessThanOrEqualTo(601);
        // 144 Hz pulses cannot give exactly 60 Hz; every frame waits for the first pulse after it is due.
        assertThat(taken.size()).isGreaterThanOrEqualTo(470);
        assertThat(mostInAnyWindow(taken, SECOND)).isLessThanOrEqualTo(61);
    }

    @Test
    void sixtyHertzPulsesThatJitterAreAllTaken() {
        long[] p = pulses(60, 10, 2_000_000, 3);
        assertThat(frames(new FrameCap(60), p)).hasSize(p.length);
    }

    @Test
    void slowPulsesAreAllTaken() {
        long[] p = pulses(25, 4, 0, 4);
        assertThat(frames(new FrameCap(60), p)).hasSize(p.length);
    }

    @Test
    void anIdleSpellGrantsNoBurst() {
        FrameCap cap = new FrameCap(60);
        assertThat(cap.tryFrame(0)).isTrue();
        // Two seconds without pulses, then pulses every millisecond: frames resume at the normal spacing.
        List<Long> after = new ArrayList<>();
        for (long t = 2 * SECOND; t < 2 * SECOND + 100_000_000L; t += 1_000_000L) {
            if (cap.tryFrame(t)) {
                after.add(t);
            }
        }
        assertThat(after).hasSizeBetween(6, 7);
        for (int i = 1; i < after.size(); i++) {
            assertThat(after.get(i) - after.get(i - 1)).isGreaterThanOrEqualTo(cap.periodNanos() / 2);
        }
    }

    @Test
    void aCapMustBePositive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FrameCap(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}

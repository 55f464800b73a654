package eventlens.model.flow.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencySketchTest {
    @Test
    void smallSamplesAreAnsweredExactlyByNearestRank() {
        LatencySketch s = new LatencySketch();
        assertThat(s.percentile(0.5)).isNull();
        for (long v : new long[] {40, 10, 30, 20, -5}) {
            s.add(v);
        }
        assertThat(s.count()).isEqualTo(5);
        assertThat(s.percentile(0.5)).isEqualTo(20);
        assertThat(s.percentile(0.95)).isEqualTo(40);
        assertThat(s.percentile(0.01)).isEqualTo(-5);
    }

    @Test
    void manySamplesStayWithinOnePercentInFixedMemory() {
        LatencySketch s = new LatencySketch();
        int n = 200_000;
        for (int i = 1; i <= n; i++) {
            s.add((i * 7919L) % n + 1); // 1 … n in a scrambled order
        }
        assertThat(s.count()).isEqualTo(n);
        assertThat(s.percentile(0.5).doubleValue()).isCloseTo(100_000, within(1_000.0));
        assertThat(s.percentile(0.95).doubleValue()).isCloseTo(190_000, within(1_900.0));
        assertThat(s.percentile(1.0).doubleValue()).isCloseTo(n, within(n * 0.01));
    }

    @Test
    void aLoneZeroAndNegativesBecomeZeroInTheHistogram() {
        LatencySketch s = new LatencySketch();
        for (int i = 0; i < LatencySketch.EXACT + 10; i++) {
            s.add(-3);
        }
        assertThat(s.percentile(0.5)).isZero();
    }
}

package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The timeline's axis: a nice step for any zoom, and never more ticks than the width has room for. */
class TimeAxisTest {
    private static final double YEAR_MS = 365 * 24 * 3600_000.0;

    @ParameterizedTest
    @ValueSource(doubles = {1e-15, 1e-12, 3e-8, 1e-6, 1e-3, 0.05, 1, 90, 1e4, 1e6})
    void theStepIsAtLeastTheMinimumGapAndTicksAreBoundedByTheWidth(double pixelsPerMilli) {
        double step = TimeAxis.step(pixelsPerMilli);
        assertThat(step * pixelsPerMilli).isGreaterThanOrEqualTo(TimeAxis.MIN_GAP * (1 - 1e-9));
        for (double scrolled : new double[] {0, 12_345.6, 1e9}) {
            double[] ticks = TimeAxis.ticks(pixelsPerMilli, scrolled, 1_000);
            assertThat(ticks.length).isBetween(1, (int) Math.ceil(1_000 / TimeAxis.MIN_GAP) + 2);
            for (double ms : ticks) {
                assertThat(ms * pixelsPerMilli - scrolled).isBetween(-1e-6 * Math.abs(scrolled) - 1e-6, 1_000.0);
            }
        }
    }

    @Test
    void aYearLongFlowFittedInAThousandPixelsGetsMonthlyTicksNotHourlyOnes() {
        double fitted = 1_000 / YEAR_MS;
        double step = TimeAxis.step(fitted);
        assertThat(step).isEqualTo(60 * 24 * 3600_000.0);
        assertThat(TimeAxis.ticks(fitted, 0, 1_000)).hasSizeBetween(6, 13);
        assertThat(TimeAxis.label(step * 2, step)).isEqualTo("+120 d");
    }

    @Test
    void stepsAreNiceFromMicrosecondsToCenturies() {
        assertThat(TimeAxis.step(90_000)).isEqualTo(0.001);
        assertThat(TimeAxis.step(90 / 0.3)).isEqualTo(0.5);
        assertThat(TimeAxis.step(90 / 700.0)).isEqualTo(1_000);
        assertThat(TimeAxis.step(90 / 40_000.0)).isEqualTo(60_000);
        assertThat(TimeAxis.step(90 / (5 * 3600_000.0))).isEqualTo(6 * 3600_000.0);
        assertThat(TimeAxis.step(90 / (300 * YEAR_MS))).isEqualTo(500 * YEAR_MS);
    }

    @Test
    void labelsAreAsPreciseAsTheStep() {
        assertThat(TimeAxis.label(0, 500)).isEqualTo("0");
        assertThat(TimeAxis.label(0.25, 0.05)).isEqualTo("+0.25 ms");
        assertThat(TimeAxis.label(200, 100)).isEqualTo("+200 ms");
        assertThat(TimeAxis.label(1_500, 500)).isEqualTo("+1.5 s");
        assertThat(TimeAxis.label(90_000, 30_000)).isEqualTo("+1 min 30 s");
        assertThat(TimeAxis.label(600_000, 300_000)).isEqualTo("+10 min");
        assertThat(TimeAxis.label(5_400_000, 1_800_000)).isEqualTo("+1 h 30 min");
        assertThat(TimeAxis.label(3 * 24 * 3600_000.0, 12 * 3600_000.0)).isEqualTo("+3 d 0 h");
        assertThat(TimeAxis.label(2 * YEAR_MS, YEAR_MS)).isEqualTo("+2 y");
    }
}

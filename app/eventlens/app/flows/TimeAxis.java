package eventlens.app.flows;

import java.util.Locale;

/**
 * The timeline's time axis: a "nice" tick step for any zoom (a microsecond to centuries) and the ticks
 * that fall in the visible width. The step is at least {@link #MIN_GAP} pixels wide, so a paint draws at
 * most {@code width / MIN_GAP + 2} ticks however long the flow and however far it is zoomed out.
 */
final class TimeAxis {
    /** Smallest distance between two ticks, in pixels. */
    static final double MIN_GAP = 90;
    private static final double SECOND = 1_000;
    private static final double MINUTE = 60 * SECOND;
    private static final double HOUR = 60 * MINUTE;
    private static final double DAY = 24 * HOUR;
    private static final double YEAR = 365 * DAY;
    /** Steps between a second and a year follow the clock and the calendar, not powers of ten. */
    private static final double[] CLOCK_STEPS = {SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND,
            30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR,
            3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 60 * DAY, 91 * DAY, 182 * DAY};

    private TimeAxis() {
    }

    /**
     * The smallest nice step (in milliseconds) that is at least {@link #MIN_GAP} pixels wide at
     * {@code pixelsPerMilli}: 1-2-5 × 10ⁿ below a second, clock and calendar steps up to half a year,
     * then 1-2-5 × 10ⁿ years.
     */
    static double step(double pixelsPerMilli) {
        if (!(pixelsPerMilli > 0) || Double.isInfinite(pixelsPerMilli)) {
            return YEAR;
        }
        double least = MIN_GAP / pixelsPerMilli;
        if (least <= 0.001) {
            return 0.001;
        }
        if (least <= SECOND / 2) {
            return decimal(least);
        }
        if (least <= SECOND) {
            return SECOND;
        }
        for (double step : CLOCK_STEPS) {
            if (step >= least) {
                return step;
            }
        }
        return decimal(least / YEAR) * YEAR;
    }

    /** The smallest of 1, 2, 5 × 10ⁿ that is at least {@code least} (> 0). */
    private static double decimal(double least) {
        double power = Math.pow(10, Math.floor(Math.log10(least)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= least * (1 - 1e-12)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /**
     * The ticks (milliseconds from the flow's start) whose position lies in {@code [0, width]} pixels of
     * the drawing area scrolled by {@code scrolled} pixels. Never more than {@code width / MIN_GAP + 2}.
     */
    static double[] ticks(double pixelsPerMilli, double scrolled, double width) {
        if (!(pixelsPerMilli > 0) || !(width > 0)) {
            return new double[0];
        }
        double step = step(pixelsPerMilli);
        double firstMs = Math.ceil(Math.max(0, scrolled) / pixelsPerMilli / step) * step;
        int max = (int) Math.ceil(width / MIN_GAP) + 2;
        double[] out = new double[max];
        int n = 0;
        for (int i = 0; i < max; i++) {
            double ms = firstMs + i * step;
            if (ms * pixelsPerMilli - scrolled > width) {
                break;
            }
            out[n++] = ms;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The label of a tick at {@code ms} when ticks are {@code step} apart: as precise as the step, no more. */
    static String label(double ms, double step) {
        if (ms == 0) {
            return "0";
        }
        if (step >= YEAR) {
            return "+" + trim(ms / YEAR, 0) + " y";
        }
        if (step >= DAY) {
            return "+" + trim(ms / DAY, 0) + " d";
        }
        if (step >= HOUR) {
            long hours = Math.round(ms / HOUR);
            return hours >= 48 ? "+" + (hours / 24) + " d " + (hours % 24) + " h" : "+" + hours + " h";
        }
        if (step >= MINUTE) {
            long minutes = Math.round(ms / MINUTE);
            return minutes >= 60 ? "+" + (minutes / 60) + " h " + String.format(Locale.ROOT, "%02d", minutes % 60) + " min"
                    : "+" + minutes + " min";
        }
        if (step >= SECOND) {
            long seconds = Math.round(ms / SECOND);
            return seconds >= 60 ? "+" + (seconds / 60) + " min " + String.format(Locale.ROOT, "%02d", seconds % 60) + " s"
                    : "+" + seconds + " s";
        }
        if (ms >= SECOND) {
            int decimals = step >= 100 ? 1 : step >= 10 ? 2 : step >= 1 ? 3 : 6;
            return "+" + trim(ms / SECOND, decimals) + " s";
        }
        return step >= 1 ? "+" + Math.round(ms) + " ms" : "+" + trim(ms, 3) + " ms";
    }

    /** A number with at most {@code decimals} decimals, trailing zeros dropped. */
    private static String trim(double value, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}

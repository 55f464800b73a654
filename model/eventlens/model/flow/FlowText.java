package eventlens.model.flow;

/** Short human-readable durations for tree texts, labels and anomaly details. */
public final class FlowText {
    private FlowText() {
    }

    /**
     * A duration given in microseconds: {@code 850 µs}, {@code 123 ms}, {@code 4.25 s},
     * {@code 3 min 05 s}; negative values keep their sign.
     */
    public static String duration(long micros) {
        if (micros < 0) {
            return "-" + duration(-micros);
        }
        if (micros < 1_000) {
            return micros + " µs";
        }
        if (micros < 1_000_000) {
            return Math.round(micros / 1_000.0) + " ms";
        }
        if (micros < 60_000_000) {
            return String.format(java.util.Locale.ROOT, "%.2f s", micros / 1_000_000.0);
        }
        long seconds = micros / 1_000_000;
        if (seconds < 3600) {
            return String.format(java.util.Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(java.util.Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }

    /** A latency as shown on an edge: {@code +123 ms}, {@code -40 ms}, or {@code ?} when unknown. */
    public static String latency(Long micros) {
        if (micros == null) {
            return "?";
        }
        return (micros >= 0 ? "+" : "") + duration(micros);
    }
}

package eventlens.app.work;

/** Progress of a task: a fraction in [0, 1], or negative while the total is unknown, and a short message. */
public record Progress(double fraction, String message) {
    public static Progress indeterminate(String message) {
        return new Progress(-1, message);
    }

    public static Progress of(long done, long total, String message) {
        return new Progress(total > 0 ? Math.min(1.0, (double) done / total) : -1, message);
    }
}

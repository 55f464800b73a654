package eventlens.replay;

/**
 * How fast {@link ReplaySession#play()} goes: a multiple of the recorded pace (the virtual time
 * between deliveries divided by {@code factor}, waited through the injected {@link Pacer}), or as fast
 * as possible.
 *
 * @param factor 1, 10, 100 … times the recorded pace; {@code 0} means as fast as possible
 */
public record Speed(double factor) {
    /** As fast as possible: no waiting. */
    public static final Speed MAX = new Speed(0);
    /** The recorded pace. */
    public static final Speed RECORDED = new Speed(1);

    public Speed {
        if (factor < 0 || Double.isNaN(factor)) {
            throw new IllegalArgumentException("speed factor must be 0 (max) or positive");
        }
    }

    /** {@code factor} × the recorded pace. */
    public static Speed times(double factor) {
        return new Speed(factor);
    }

    /** True when nothing is waited. */
    public boolean isMax() {
        return factor == 0;
    }
}

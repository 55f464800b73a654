package eventlens.replay;

/**
 * Why a playing run stopped.
 *
 * @param breakpoint which one
 * @param delivery   the step it stopped at (the next {@link ReplaySession#step()} delivers the event for
 *                   type and condition breakpoints, which stop before delivery; for error and divergence
 *                   breakpoints the step already happened)
 * @param eventId    the event concerned
 */
public record BreakpointHit(Breakpoint breakpoint, long delivery, String eventId) {
    /** True when the run stopped before delivering the event (type and condition breakpoints). */
    public boolean beforeDelivery() {
        return breakpoint instanceof Breakpoint.OnType || breakpoint instanceof Breakpoint.OnCondition;
    }
}

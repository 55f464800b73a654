package eventlens.app.replay;

import eventlens.replay.Breakpoint;

/**
 * Where a breakpoint stopped the run, in the numbers of the Delivered table. Type and condition breakpoints
 * stop before the event is delivered: the engine reports the last step done, but the event will be step
 * {@code delivery + 1}, so that is the step named (naming the last step done pointed at the row before,
 * another event). Error and divergence breakpoints stop after the step that failed or diverged.
 *
 * @param step           the Delivered row (#) of the event the banner names
 * @param beforeDelivery true when that event is not delivered yet
 * @param banner         the text of the stop banner: {@code Stopped before step 67: payment.failed rpl-… · breakpoint type payment.failed}
 */
record StopPlace(long step, boolean beforeDelivery, String banner) {
    static StopPlace of(ReplayFeed.Stop s) {
        Breakpoint b = s.hit().breakpoint();
        boolean before = s.hit().beforeDelivery();
        long step = before ? s.hit().delivery() + 1 : s.hit().delivery();
        String event = s.event().map(e -> e.type() + " " + e.id()).orElse(s.hit().eventId());
        // The event first: when the window is narrow, the end is cut, and the breakpoint is listed anyway.
        String banner = (before ? "Stopped before step " : "Stopped after step ") + step + ": " + event + " · breakpoint "
                + BreakpointKind.describe(b);
        return new StopPlace(step, before, banner);
    }
}

package eventlens.replay;

import eventlens.model.Event;

/**
 * What happens in a run, as it happens, on the thread that drives the run (a GUI batches these to its
 * frame rate; nothing here touches a UI). All methods default to doing nothing.
 */
public interface ReplayListener {
    /** A step is done. */
    default void delivered(Delivery delivery) {
    }

    /** A handler published an event. */
    default void published(Event event) {
    }

    /** A console line. */
    default void logged(LogLine line) {
    }

    /** A handler attempt failed. */
    default void failed(HandlerFailure failure) {
    }

    /** A delivery was given up on. */
    default void deadLettered(ReplayDeadLetter deadLetter) {
    }

    /** Roots mode found a difference. */
    default void diverged(Divergence divergence) {
    }

    /** An event id was delivered again. */
    default void warned(IdempotencyWarning warning) {
    }

    /** A playing run stopped at a breakpoint. */
    default void stopped(BreakpointHit hit) {
    }

    /** The run was restarted from the beginning (step back); everything reported before is void. */
    default void reset() {
    }

    /** Playing ended: paused, stopped at a breakpoint, or finished. */
    default void playEnded(RunSummary summary) {
    }
}

package eventlens.cli;

import eventlens.replay.Delivery;
import eventlens.replay.HandlerFailure;
import eventlens.replay.ReplayDeadLetter;
import eventlens.replay.ReplayListener;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A replay's progress line on standard error while it runs, only when that is a terminal, at most four times a
 * second: a handler stopped by its limits on every event takes seconds a call, and the run would say nothing until
 * its end (decision 0088).
 */
final class ReplayProgress implements ReplayListener {
    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanos;
    private long lastNanos;
    private long failed;
    private long deadLettered;
    private boolean shown;

    ReplayProgress(PrintWriter err, boolean terminal, LongSupplier nanos) {
        this.err = err;
        this.terminal = terminal;
        this.nanos = nanos;
        this.lastNanos = nanos.getAsLong();
    }

    @Override
    public void failed(HandlerFailure failure) {
        failed++;
    }

    @Override
    public void deadLettered(ReplayDeadLetter deadLetter) {
        deadLettered++;
    }

    @Override
    public void delivered(Delivery delivery) {
        if (!terminal) {
            return;
        }
        long now = nanos.getAsLong();
        if (now - lastNanos < EVERY_NANOS) {
            return;
        }
        lastNanos = now;
        shown = true;
        err.printf("\rreplaying: %,d steps, %,d failed, %,d dead-lettered   ", delivery.index(), failed, deadLettered);
        err.flush();
    }

    /** Clears the line, if one was shown, before the summary is printed. */
    void clear() {
        if (shown) {
            err.printf("\r%-70s\r", "");
            err.flush();
            shown = false;
        }
    }
}

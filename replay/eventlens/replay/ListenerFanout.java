package eventlens.replay;

import eventlens.model.Event;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Forwards a run's events to a session's listeners, except while the session re-executes silently (step back). */
final class ListenerFanout implements ReplayListener {
    private final List<ReplayListener> listeners;
    private final BooleanSupplier silent;

    ListenerFanout(List<ReplayListener> listeners, BooleanSupplier silent) {
        this.listeners = listeners;
        this.silent = silent;
    }

    @Override
    public void delivered(Delivery d) {
        if (!silent.getAsBoolean()) {
            listeners.forEach(l -> l.delivered(d));
        }
    }

    @Override
    public void published(Event e) {
        if (!silent.getAsBoolean()) {
            listeners.forEach(l -> l.published(e));
        }
    }

    @Override
    public void logged(LogLine line) {
        if (!silent.getAsBoolean()) {
            listeners.forEach(l -> l.logged(line));
        }
    }

    @Override
    public void failed(HandlerFailure f) {
        if (!silent.getAsBoolean()) {
            listeners.forEach(l -> l.failed(f));
        }
    }

    @Override
    public void deadLettered(ReplayDeadLetter dl) {
        if (!silent.getAsBoolean()) {
            listeners.forEach(l -> l.deadLettered(dl));
        }
    }

    @Override
    public void diverged(Divergence d) {
        if (!silent.getAsBoolean()) {
            listeners.forEach(l -> l.diverged(d));
        }
    }

    @Override
    public void warned(IdempotencyWarning w) {
        if (!silent.getAsBoolean()) {
            listeners.forEach(l -> l.warned(w));
        }
    }

    @Override
    public void stopped(BreakpointHit hit) {
        listeners.forEach(l -> l.stopped(hit));
    }

    @Override
    public void reset() {
        listeners.forEach(ReplayListener::reset);
    }

    @Override
    public void playEnded(RunSummary summary) {
        listeners.forEach(l -> l.playEnded(summary));
    }
}

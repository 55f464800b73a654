package eventlens.app.replay;

import eventlens.model.Event;
import eventlens.replay.BreakpointHit;
import eventlens.replay.Delivery;
import eventlens.replay.Divergence;
import eventlens.replay.HandlerFailure;
import eventlens.replay.LogLine;
import eventlens.replay.ReplayDeadLetter;
import eventlens.replay.ReplayListener;
import eventlens.replay.ReplaySession;
import eventlens.replay.RunOutputs;
import eventlens.replay.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The replay listener of the view, called on the thread that drives the run. It keeps what happened
 * since the last {@link #take()} in a {@link Taken}: for each kind of output the last {@code cap} items
 * and how many there were, the stops and ends in order. {@link ReplayOutput#drain} takes it on the FX
 * thread at most ten times a second. A run at full speed delivers more between two drains than the view
 * can show; queuing all of it (as an unbounded queue did) kept every delivery alive until the drain and
 * made the drain walk them all on the FX thread (stalls of 120–350 ms while the machine was busy).
 * Nothing here touches a property or the scene graph.
 */
final class ReplayFeed implements ReplayListener {
    /** The run was rebuilt (step back): everything before is void; these are the outputs now. */
    record Reset(List<Delivery> deliveries, RunOutputs outputs, RunSummary summary) {
    }

    /**
     * A playing run stopped; {@code event} is the event concerned (the next one, for type and condition
     * breakpoints), {@code before} and {@code after} its aggregate's state JSON before and after its step
     * (null: none), for the state pane: at a stop before the delivery, "after" is computed without
     * delivering the event; at a stop after it, "before" is the state the run kept from before the step.
     */
    record Stop(BreakpointHit hit, Optional<Event> event, RunSummary summary, String before, String after) {
    }

    /** Playing ended (paused, stopped or finished). */
    record Ended(RunSummary summary) {
    }

    /** What happened between two drains; a reset, when there was one, comes first. */
    static final class Taken {
        Reset reset;
        final Tail<Delivery> delivered;
        final Tail<Event> published;
        final Tail<ConsoleLine> console;
        final Tail<ReplayDeadLetter> deadLetters;
        final Tail<Divergence> divergences;
        /** Log position of the last recorded event delivered; -1: none. */
        long lastRecordedPosition = -1;
        /** {@link Stop}s and {@link Ended}s, in order; applied after the lists. */
        final List<Record> after = new ArrayList<>();
        private boolean empty = true;

        Taken(int cap) {
            delivered = new Tail<>(cap);
            published = new Tail<>(cap);
            console = new Tail<>(cap);
            deadLetters = new Tail<>(cap);
            divergences = new Tail<>(cap);
        }

        boolean isEmpty() {
            return empty;
        }
    }

    private final ReplaySession session;
    private final int cap;
    private Taken pending;

    ReplayFeed(ReplaySession session, int cap) {
        this.session = session;
        this.cap = cap;
        this.pending = new Taken(cap);
    }

    /** Everything since the last call (empty: nothing happened). */
    synchronized Taken take() {
        Taken t = pending;
        pending = new Taken(cap);
        return t;
    }

    /** What is being collected now; callers hold the lock. */
    private Taken pending() {
        pending.empty = false;
        return pending;
    }

    @Override
    public synchronized void delivered(Delivery delivery) {
        Taken t = pending();
        t.delivered.add(delivery);
        if (!delivery.published()) {
            t.lastRecordedPosition = Math.max(t.lastRecordedPosition, delivery.event().position());
        }
    }

    @Override
    public synchronized void published(Event event) {
        pending().published.add(event);
    }

    @Override
    public synchronized void logged(LogLine line) {
        pending().console.add(ConsoleLine.of(line));
    }

    @Override
    public synchronized void failed(HandlerFailure failure) {
        pending().console.add(ConsoleLine.of(failure));
    }

    @Override
    public synchronized void deadLettered(ReplayDeadLetter deadLetter) {
        pending().deadLetters.add(deadLetter);
    }

    @Override
    public synchronized void diverged(Divergence divergence) {
        pending().divergences.add(divergence);
    }

    @Override
    public void stopped(BreakpointHit hit) {
        // Called while the session holds its lock: reading it here is safe and consistent.
        Optional<Event> event = session.next().filter(e -> e.id().equals(hit.eventId()));
        if (event.isEmpty()) {
            event = session.deliveries().stream().filter(d -> d.index() == hit.delivery()).findFirst().map(Delivery::event);
        }
        boolean beforeDelivery = hit.beforeDelivery();
        String before = event.map(e -> beforeDelivery ? stateNow(e) : session.stateBefore(e)).orElse(null);
        String after = event.map(e -> beforeDelivery ? session.stateAfter(e) : stateNow(e)).orElse(null);
        Stop stop = new Stop(hit, event, session.summary(), before, after);
        synchronized (this) {
            pending().after.add(stop);
        }
    }

    private String stateNow(Event e) {
        return e.aggregateId() == null ? null : session.state(e.aggregateId());
    }

    @Override
    public void reset() {
        Reset r = new Reset(session.deliveries(), session.outputs(), session.summary());
        synchronized (this) {
            pending = new Taken(cap);
            pending.empty = false;
            pending.reset = r;
        }
    }

    @Override
    public synchronized void playEnded(RunSummary summary) {
        pending().after.add(new Ended(summary));
    }
}

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
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The replay listener of the view: it only appends what happens to a concurrent queue, on the thread
 * that drives the run; {@link ReplayOutput#drain} empties the queue on the FX thread at most once a
 * frame. Nothing here touches a property or the scene graph.
 */
final class ReplayFeed implements ReplayListener {
    /** What the feed queues: one of the run's outputs, or a change of the run's state. */
    sealed interface Item permits Delivered, Published, Logged, Failed, DeadLettered, Diverged, Reset, Stop, Ended {
    }

    /** An event was delivered to its handlers. */
    record Delivered(Delivery delivery) implements Item {
    }

    /** A handler published an event. */
    record Published(Event event) implements Item {
    }

    /** A handler logged a line. */
    record Logged(LogLine line) implements Item {
    }

    /** A handler failed. */
    record Failed(HandlerFailure failure) implements Item {
    }

    /** A delivery was dead-lettered. */
    record DeadLettered(ReplayDeadLetter deadLetter) implements Item {
    }

    /** What the handlers produced differs from what was recorded. */
    record Diverged(Divergence divergence) implements Item {
    }

    /** The run was rebuilt (step back): everything queued before is void; these are the outputs now. */
    record Reset(List<Delivery> deliveries, RunOutputs outputs, RunSummary summary) implements Item {
    }

    /**
     * A playing run stopped; {@code event} is the event concerned (the next one, for type and condition
     * breakpoints), {@code before} and {@code after} its aggregate's state JSON before and after its step
     * (null: none), for the state pane: at a stop before the delivery, "after" is computed without
     * delivering the event; at a stop after it, "before" is the state the run kept from before the step.
     */
    record Stop(BreakpointHit hit, Optional<Event> event, RunSummary summary, String before, String after) implements Item {
    }

    /** Playing ended (paused, stopped or finished). */
    record Ended(RunSummary summary) implements Item {
    }

    private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
    private final ReplaySession session;

    ReplayFeed(ReplaySession session) {
        this.session = session;
    }

    /** Everything queued since the last call, in order. */
    List<Item> take() {
        List<Item> out = new ArrayList<>();
        for (Item o = queue.poll(); o != null; o = queue.poll()) {
            out.add(o);
        }
        return out;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    @Override
    public void delivered(Delivery delivery) {
        queue.add(new Delivered(delivery));
    }

    @Override
    public void published(Event event) {
        queue.add(new Published(event));
    }

    @Override
    public void logged(LogLine line) {
        queue.add(new Logged(line));
    }

    @Override
    public void failed(HandlerFailure failure) {
        queue.add(new Failed(failure));
    }

    @Override
    public void deadLettered(ReplayDeadLetter deadLetter) {
        queue.add(new DeadLettered(deadLetter));
    }

    @Override
    public void diverged(Divergence divergence) {
        queue.add(new Diverged(divergence));
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
        queue.add(new Stop(hit, event, session.summary(), before, after));
    }

    private String stateNow(Event e) {
        return e.aggregateId() == null ? null : session.state(e.aggregateId());
    }

    @Override
    public void reset() {
        queue.clear();
        queue.add(new Reset(session.deliveries(), session.outputs(), session.summary()));
    }

    @Override
    public void playEnded(RunSummary summary) {
        queue.add(new Ended(summary));
    }
}

package eventlens.app.replay;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.app.aggregates.StateRow;
import eventlens.app.aggregates.StateRows;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.state.Change;
import eventlens.model.state.JsonDiff;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The state pane of the Replay view: the aggregate of the event at a stop or a step, before and after that
 * step as the run rebuilt it, with the fields the step added, changed or removed marked (the Aggregates
 * view's {@link StateRows} and {@link JsonDiff}, so both views mark changes alike).
 *
 * <p>Both states are shown wherever the run stands: after a Step; at a type or condition breakpoint, where
 * the event is not delivered yet, with "after" computed by the reducer without delivering it; at an error
 * or divergence breakpoint, where the step has happened, with "before" the state the run kept from before
 * its last step.
 */
public final class StepState {
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("Stop at a breakpoint or Step to see the state.");
    private final ReadOnlyObjectWrapper<StateRow> tree = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<Change>> changes = new ReadOnlyObjectWrapper<>(List.of());

    /** After step {@code step} delivered {@code e}: the state before and after it (JSON, null when absent). */
    void stepped(long step, Event e, String before, String after) {
        if (noAggregate(step, e)) {
            return;
        }
        List<Change> diff = diff(before, after);
        show(step, e, "step " + step, parse(after), diff);
        note.set(diff.isEmpty() ? "Step " + step + " changed nothing in " + aggregate(e) + "."
                : String.format("Step %d: %s.", step, count(diff)));
    }

    /** Stopped before step {@code step} delivers {@code e}: the state it will start from. */
    void before(long step, Event e, String before) {
        if (noAggregate(step, e)) {
            return;
        }
        show(step, e, "before step " + step, parse(before), List.of());
        note.set(before == null ? aggregate(e) + " does not exist yet. Step delivers the event and shows what it changes."
                : "The state before the event. Step delivers it and marks what it changes.");
    }

    /**
     * Stopped at a breakpoint at step {@code step} of {@code e}: the state before and after that step. At a
     * stop before the delivery, "after" is what the event will make of the state, computed without
     * delivering it (null when the reducer fails on it: then the state before only).
     */
    void stopped(long step, Event e, String before, String after, boolean beforeDelivery) {
        if (noAggregate(step, e)) {
            return;
        }
        if (beforeDelivery && after == null) {
            before(step, e, before);
            return;
        }
        List<Change> diff = diff(before, after);
        show(step, e, beforeDelivery ? "step " + step + " (not delivered yet)" : "step " + step, parse(after), diff);
        String what = diff.isEmpty() ? "no change to " + aggregate(e) : count(diff);
        note.set(beforeDelivery ? "Before step " + step + ": delivering the event will make " + what + "."
                : "Step " + step + " made " + what + ".");
    }

    private static List<Change> diff(String before, String after) {
        JsonNode was = parse(before);
        JsonNode now = parse(after);
        return JsonDiff.diff(was.isMissingNode() ? Json.mapper().createObjectNode() : was,
                now.isMissingNode() ? Json.mapper().createObjectNode() : now);
    }

    void clear() {
        title.set("");
        tree.set(null);
        changes.set(List.of());
        note.set("Stop at a breakpoint or Step to see the state.");
    }

    private boolean noAggregate(long step, Event e) {
        if (e != null && e.aggregateId() != null) {
            return false;
        }
        clear();
        if (e != null) {
            title.set(e.type() + " · step " + step);
            note.set(e.type() + " names no aggregate: no state to show.");
        }
        return true;
    }

    private void show(long step, Event e, String when, JsonNode state, List<Change> diff) {
        title.set(aggregate(e) + " · " + when + " · " + e.type());
        changes.set(List.copyOf(diff));
        tree.set(state.isMissingNode() ? null : StateRows.of(state, diff));
    }

    private static String aggregate(Event e) {
        return (e.aggregateType() == null ? "" : e.aggregateType() + " ") + e.aggregateId();
    }

    private static String count(List<Change> diff) {
        long added = diff.stream().filter(c -> c.kind() == Change.Kind.ADDED).count();
        long changed = diff.stream().filter(c -> c.kind() == Change.Kind.CHANGED).count();
        long removed = diff.stream().filter(c -> c.kind() == Change.Kind.REMOVED).count();
        return added + " added · " + changed + " changed · " + removed + " removed";
    }

    private static JsonNode parse(String json) {
        return json == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : Json.parseOrMissing(json);
    }

    /** Which aggregate, at which step, for which event ("" when nothing is shown). */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What the tree shows and how to see more. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The state (after the step when known, else before it), the step's changes marked; null when none. */
    public ReadOnlyObjectProperty<StateRow> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    /** The changes the step made (empty unless both states are known). */
    public ReadOnlyObjectProperty<List<Change>> changesProperty() {
        return changes.getReadOnlyProperty();
    }
}

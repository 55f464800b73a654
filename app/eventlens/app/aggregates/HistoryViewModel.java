package eventlens.app.aggregates;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.Event;
import eventlens.model.state.AggregateState;
import eventlens.model.state.Change;
import eventlens.model.state.FieldChange;
import eventlens.model.state.HistoryStep;
import eventlens.model.state.JsonDiff;
import eventlens.model.state.JsonPath;
import eventlens.model.state.StateAt;
import eventlens.model.state.StateMeta;
import eventlens.model.state.WhoChanged;
import eventlens.model.store.ProjectStore;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One aggregate's history and the moment being looked at: the step index (the state after that
 * event; -1 is before the first), what that event changed, a diff against a second moment, and
 * "who changed this field". The moment follows the application's time cursor and moves it.
 */
public final class HistoryViewModel {
    private final BackgroundWork work;
    private final ObjectProperty<Instant> timeCursor;
    private final ChangeListener<Instant> followCursor = (obs, old, now) -> followTimeCursor(now);
    private final ObservableList<HistoryStep> steps = FXCollections.observableArrayList();
    /** The moment while no aggregate is shown. */
    public static final int NONE = -2;

    private final ReadOnlyIntegerWrapper moment = new ReadOnlyIntegerWrapper(NONE);
    private final ReadOnlyStringWrapper momentText = new ReadOnlyStringWrapper("Select an aggregate.");
    private final ReadOnlyStringWrapper bookkeeping = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AggregateState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StateRow> tree = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Change> changes = FXCollections.observableArrayList();
    private final BooleanProperty diffMode = new SimpleBooleanProperty();
    private final IntegerProperty compareWith = new SimpleIntegerProperty(0);
    private final ObservableList<Change> diff = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper diffText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper whoChangedPath = new ReadOnlyStringWrapper("");
    private final ObservableList<FieldChange> whoChanged = FXCollections.observableArrayList();
    private final ObservableList<HistoryStep> readOnlySteps = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<Change> readOnlyChanges = FXCollections.unmodifiableObservableList(changes);
    private final ObservableList<Change> readOnlyDiff = FXCollections.unmodifiableObservableList(diff);
    private final ObservableList<FieldChange> readOnlyWhoChanged = FXCollections.unmodifiableObservableList(whoChanged);
    private ProjectStore store;
    private String aggregateId;
    private boolean settingCursor;
    /** True when the time cursor, not the user, chose the moment (the text says so and offers the latest version). */
    private final javafx.beans.property.ReadOnlyBooleanWrapper byCursor = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper behindLatest = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private static final java.time.format.DateTimeFormatter CURSOR_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneOffset.UTC);
    private long whoGeneration;

    HistoryViewModel(BackgroundWork work, ObjectProperty<Instant> timeCursor) {
        this.work = work;
        this.timeCursor = timeCursor;
        timeCursor.addListener(followCursor);
        diffMode.addListener((obs, old, now) -> refresh());
        compareWith.addListener((obs, old, now) -> refresh());
    }

    void setStore(ProjectStore store) {
        this.store = store;
        show(null, List.of());
    }

    /** Shows another aggregate's history (null: none), at the time cursor if one is set, else at its end. */
    void show(String id, List<HistoryStep> history) {
        aggregateId = id;
        whoGeneration++;
        whoChanged.clear();
        whoChangedPath.set("");
        steps.setAll(history);
        compareWith.set(0);
        moment.set(NONE);
        if (history.isEmpty()) {
            refresh();
        } else if (timeCursor.get() != null) {
            byCursor.set(true);
            moment.set(indexAt(timeCursor.get()));
            refresh();
        } else {
            moveTo(history.size() - 1);
        }
    }

    public void first() {
        moveTo(0);
    }

    public void previous() {
        moveTo(Math.max(0, moment.get() - 1));
    }

    public void next() {
        moveTo(moment.get() + 1);
    }

    public void last() {
        moveTo(steps.size() - 1);
    }

    /** Moves to the state after step {@code index} (clamped) and sets the time cursor to its event's time. */
    public void moveTo(int index) {
        if (steps.isEmpty()) {
            return;
        }
        int i = Math.max(0, Math.min(index, steps.size() - 1));
        byCursor.set(false);
        moment.set(i);
        refresh();
        Instant time = steps.get(i).event().time();
        if (time != null) {
            setCursor(time);
        }
    }

    /** Moves to the state at {@code time} (the slider) and sets the time cursor there. */
    public void moveToTime(Instant time) {
        if (steps.isEmpty() || time == null) {
            return;
        }
        byCursor.set(false);
        moment.set(indexAt(time));
        refresh();
        setCursor(time);
    }

    /** Moves to the step of this event (a who-changed entry, a history row). */
    public void moveToEvent(Event event) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).event().position() == event.position()) {
                moveTo(i);
                return;
            }
        }
    }

    /** Lists, off the FX thread, the events that changed the value at {@code path}. */
    public void whoChanged(JsonPath path) {
        if (store == null || aggregateId == null) {
            return;
        }
        long current = ++whoGeneration;
        ProjectStore from = store;
        String id = aggregateId;
        whoChangedPath.set(path.toString() + " — looking…");
        BackgroundTask.of(context -> new WhoChanged(new StateAt(from)).of(id, path))
                .onSuccess(found -> {
                    if (current == whoGeneration) {
                        whoChanged.setAll(found);
                        whoChangedPath.set(path + " — changed by " + found.size()
                                + (found.size() == 1 ? " event" : " events"));
                    }
                })
                .onFailure(error -> {
                    if (current == whoGeneration) {
                        whoChangedPath.set(path + " — cannot tell: " + error.getMessage());
                    }
                })
                .executeWith(work);
    }

    /** The step index of the state at {@code time}: the fold stops at the first event after it. */
    int indexAt(Instant time) {
        for (int i = 0; i < steps.size(); i++) {
            Instant t = steps.get(i).event().time();
            if (t != null && t.isAfter(time)) {
                return i - 1;
            }
        }
        return steps.size() - 1;
    }

    private void followTimeCursor(Instant time) {
        if (!settingCursor && time != null && !steps.isEmpty()) {
            byCursor.set(true);
            moment.set(indexAt(time));
            refresh();
        }
    }

    private void setCursor(Instant time) {
        settingCursor = true;
        try {
            timeCursor.set(time);
        } finally {
            settingCursor = false;
        }
    }

    private AggregateState stateAt(int index) {
        return index < 0 ? steps.get(0).before() : steps.get(index).after();
    }

    private void refresh() {
        int i = moment.get();
        if (steps.isEmpty() || i < -1) {
            state.set(null);
            tree.set(null);
            changes.clear();
            diff.clear();
            diffText.set("");
            bookkeeping.set("");
            momentText.set(aggregateId == null ? "Select an aggregate." : "No events.");
            behindLatest.set(false);
            return;
        }
        AggregateState now = stateAt(i);
        state.set(now);
        changes.setAll(i < 0 ? List.of() : steps.get(i).changes());
        int other = Math.max(0, Math.min(compareWith.get(), steps.size() - 1));
        if (diffMode.get()) {
            diff.setAll(JsonDiff.diff(stateAt(other).data(), now.data()));
            diffText.set(label(other) + " → " + label(i) + ": " + diff.size()
                    + (diff.size() == 1 ? " change" : " changes"));
        } else {
            diff.clear();
            diffText.set("");
        }
        tree.set(StateRows.of(now.data(), diffMode.get() ? diff : changes));
        behindLatest.set(byCursor.get() && i < steps.size() - 1);
        Instant cursor = timeCursor.get();
        momentText.set(byCursor.get() && cursor != null && i >= 0
                ? "At time cursor " + CURSOR_TIME.format(cursor) + " — " + describe(i) : describe(i));
        bookkeeping.set(bookkeeping(now.meta()));
    }

    private String describe(int i) {
        if (i < 0) {
            Instant cursor = timeCursor.get();
            return "Before " + label(0) + (cursor == null ? "" : " · " + cursor) + " · not yet created";
        }
        Event e = steps.get(i).event();
        return label(i) + " of " + (steps.size()) + " · " + (e.time() == null ? "no time" : e.time()) + " · " + e.type();
    }

    /** "v3" for a versioned event, "#3" (its place in the history) otherwise. */
    String label(int index) {
        if (index < 0) {
            return "start";
        }
        Long v = steps.get(index).event().version();
        return v != null ? "v" + v : "#" + (index + 1);
    }

    private static String bookkeeping(StateMeta m) {
        if (m.eventCount() == 0) {
            return "No events yet";
        }
        return "version " + (m.version() == null ? "—" : m.version()) + " · " + m.eventCount()
                + (m.eventCount() == 1 ? " event" : " events") + " · last " + m.lastEventType() + " at "
                + (m.lastEventTime() == null ? "—" : m.lastEventTime());
    }

    /** Stops following the time cursor. */
    void close() {
        timeCursor.removeListener(followCursor);
    }

    public ObservableList<HistoryStep> steps() {
        return readOnlySteps;
    }

    /** The step index shown: the state after that event; -1 before the first; {@link #NONE} for no aggregate. */
    public ReadOnlyIntegerProperty momentProperty() {
        return moment.getReadOnlyProperty();
    }

    /** "v3 of 4 · 2024-01-15T09:12:00Z · MoneyWithdrawn". */
    /** True when the time cursor chose the moment and a later version exists: "go to latest" is offered. */
    public javafx.beans.property.ReadOnlyBooleanProperty behindLatestProperty() {
        return behindLatest.getReadOnlyProperty();
    }

    /** True when the time cursor, not the user, chose the moment shown. */
    public javafx.beans.property.ReadOnlyBooleanProperty byCursorProperty() {
        return byCursor.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty momentTextProperty() {
        return momentText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bookkeepingProperty() {
        return bookkeeping.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AggregateState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The state as rows, marked with the current event's changes (or the diff's in diff mode). */
    public ReadOnlyObjectProperty<StateRow> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    /** What the current event changed. */
    public ObservableList<Change> changes() {
        return readOnlyChanges;
    }

    public BooleanProperty diffModeProperty() {
        return diffMode;
    }

    /** The step index of the second moment of diff mode. */
    public IntegerProperty compareWithProperty() {
        return compareWith;
    }

    /** From the compared moment to the shown one. */
    public ObservableList<Change> diff() {
        return readOnlyDiff;
    }

    public ReadOnlyStringProperty diffTextProperty() {
        return diffText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whoChangedPathProperty() {
        return whoChangedPath.getReadOnlyProperty();
    }

    public ObservableList<FieldChange> whoChanged() {
        return readOnlyWhoChanged;
    }
}

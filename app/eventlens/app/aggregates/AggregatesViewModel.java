package eventlens.app.aggregates;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.work.TaskHandle;
import eventlens.model.state.AggregateList;
import eventlens.model.state.HistoryStep;
import eventlens.model.state.Reducers;
import eventlens.model.state.StateAt;
import eventlens.model.store.AggregateCursor;
import eventlens.model.store.AggregateStore;
import eventlens.model.store.AggregateSummary;
import eventlens.model.store.ProjectStore;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The aggregates view's state: the aggregate list (keyset pages, loaded as the user scrolls, filtered
 * by id substring and {@code type:}), the selected aggregate whose history is loaded off the FX thread,
 * and the way over to the events and flows views. The moment and its state are {@link #history()}.
 */
public final class AggregatesViewModel implements AutoCloseable {
    static final int PAGE_SIZE = 200;
    /** History steps held for one aggregate; a longer history shows its first steps and says so. */
    static final int HISTORY_LIMIT = 5_000;

    private final BackgroundWork work;
    private final int pageSize;
    private final HistoryViewModel history;
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObservableList<AggregateSummary> rows = FXCollections.observableArrayList();
    private final ObservableList<AggregateSummary> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AggregateSummary> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty rebuiltByReplay = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper replayLabel = new ReadOnlyStringWrapper("");
    /** The last replay run's reducers (null: no run, or its script defines none). */
    private Reducers replayReducers;
    private ProjectStore store;
    private long listGeneration;
    private boolean loadingPage;
    private long selectGeneration;
    /** An aggregate asked for by id before its list page arrived: selected when it does. */
    private String pendingOpen;
    private TaskHandle loading = TaskHandle.NONE;
    private Consumer<String> showInEvents = filter -> {
    };
    private Consumer<String> showFlow = eventId -> {
    };

    /** @param timeCursor the application's time cursor, which the moment follows and moves */
    public AggregatesViewModel(BackgroundWork work, ObjectProperty<Instant> timeCursor) {
        this(work, timeCursor, PAGE_SIZE);
    }

    AggregatesViewModel(BackgroundWork work, ObjectProperty<Instant> timeCursor, int pageSize) {
        this.work = work;
        this.pageSize = pageSize;
        this.history = new HistoryViewModel(work, timeCursor);
        rebuiltByReplay.addListener((obs, old, now) -> reselect());
    }

    /**
     * The reducers of the last replay run (null: none, or its script defines no {@code reduce}); while
     * {@link #rebuiltByReplayProperty()} is on, histories are folded with them instead of merge-patch.
     */
    public void setReplayRun(long runId, Reducers reducers) {
        replayReducers = reducers;
        replayLabel.set(reducers == null ? "" : "State as rebuilt by replay run #" + runId);
        if (reducers == null) {
            rebuiltByReplay.set(false);
        }
        reselect();
    }

    /** How histories are folded: with the replay run's reducers when asked for and available. */
    private StateAt stateAt(ProjectStore from, Reducers replay) {
        return replay == null ? new StateAt(from) : new StateAt(new AggregateStore(from), replay);
    }

    /** Loads the shown aggregate's history again (it may have grown, or is folded another way). */
    private void reselect() {
        AggregateSummary shown = selected.get();
        if (shown != null) {
            selected.set(null);
            select(shown);
        }
    }

    /** Shows another project (null: none). */
    public void setStore(ProjectStore next) {
        loading.cancel();
        selectGeneration++;
        store = next;
        selected.set(null);
        history.setStore(next);
        reload();
    }

    /** Where "Show in events" and "Show flow" go: MainViewModel switches views. */
    public void setNavigation(Consumer<String> showInEvents, Consumer<String> showFlow) {
        this.showInEvents = showInEvents;
        this.showFlow = showFlow;
    }

    /** Re-reads the list from its first page with the current search. */
    public void reload() {
        listGeneration++;
        loadingPage = false;
        rows.clear();
        hasMore.set(false);
        summary.set("");
        loadMore();
    }

    /** After an import: re-reads the list and the shown aggregate's history (it may have grown). */
    public void refresh() {
        reload();
        reselect();
    }

    /** Loads the next page of the list, if there is one and none is loading (the table calls it at its end). */
    public void loadMore() {
        if (store == null || loadingPage || (!rows.isEmpty() && !hasMore.get())) {
            return;
        }
        long current = listGeneration;
        ProjectStore from = store;
        Search search = Search.parse(searchText.get());
        String after = rows.isEmpty() ? null : rows.get(rows.size() - 1).aggregateId();
        loadingPage = true;
        BackgroundTask.of(context -> new AggregateList(new StateAt(from))
                        .page(search.type(), search.idContains(), after, pageSize))
                .onSuccess(page -> {
                    if (current == listGeneration) {
                        loadingPage = false;
                        rows.addAll(page);
                        selectPending(page);
                        hasMore.set(page.size() == pageSize);
                        summary.set(rows.size() + (hasMore.get() ? "+" : "")
                                + (rows.size() == 1 ? " aggregate" : " aggregates"));
                    }
                })
                .onFailure(error -> {
                    if (current == listGeneration) {
                        loadingPage = false;
                        summary.set("Cannot read aggregates: " + error.getMessage());
                    }
                })
                .executeWith(work);
    }

    /** Shows this aggregate (null: none): its history is loaded off the FX thread. */
    public void select(AggregateSummary row) {
        if (row != null && selected.get() != null && row.aggregateId().equals(selected.get().aggregateId())) {
            return;
        }
        selected.set(row);
        long current = ++selectGeneration;
        loading.cancel();
        if (row == null || store == null) {
            history.show(null, List.of());
            message.set("");
            return;
        }
        ProjectStore from = store;
        Reducers replay = rebuiltByReplay.get() ? replayReducers : null;
        String id = row.aggregateId();
        message.set("Loading " + id + "…");
        loading = BackgroundTask.of(context -> stateAt(from, replay).history(id, AggregateCursor.START, HISTORY_LIMIT))
                .onSuccess(steps -> {
                    if (current == selectGeneration) {
                        message.set(steps.size() < row.events()
                                ? "Showing the first " + steps.size() + " of " + row.events() + " events" : "");
                        history.show(id, steps);
                    }
                })
                .onFailure(error -> {
                    if (current == selectGeneration) {
                        message.set("Cannot load " + id + ": " + error.getMessage());
                    }
                })
                .executeWith(work);
    }

    /** Finds an aggregate by its exact id (search, then select once the page arrives). */
    public void open(String aggregateId) {
        searchText.set(aggregateId);
        pendingOpen = aggregateId;
        reload();
    }

    private void selectPending(List<AggregateSummary> page) {
        if (pendingOpen != null) {
            String id = pendingOpen;
            pendingOpen = null;
            page.stream().filter(r -> r.aggregateId().equals(id)).findFirst().ifPresent(this::select);
        }
    }

    /** Switches to the events view filtered to the selected aggregate. */
    public void showInEvents() {
        if (selected.get() != null) {
            showInEvents.accept("agg:" + selected.get().aggregateId());
        }
    }

    /** Switches to the flows view showing the flow of this history step's event. */
    public void showFlow(HistoryStep step) {
        if (step != null) {
            showFlow.accept(step.event().id());
        }
    }

    @Override
    public void close() {
        loading.cancel();
        history.close();
    }

    /** The project shown (null: none). */
    ProjectStore store() {
        return store;
    }

    public HistoryViewModel history() {
        return history;
    }

    /** Part of an id, and {@code type:Name} for one aggregate type. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** The pages loaded so far. */
    public ObservableList<AggregateSummary> rows() {
        return readOnlyRows;
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AggregateSummary> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** On: the history is folded with the last replay run's reducers (offered only when it has some). */
    public BooleanProperty rebuiltByReplayProperty() {
        return rebuiltByReplay;
    }

    /** "State as rebuilt by replay run #N" when the last run's script defines reducers, else "". */
    public ReadOnlyStringProperty replayLabelProperty() {
        return replayLabel.getReadOnlyProperty();
    }

    /** Loading and error messages. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The search text split into a type and an id substring. */
    record Search(String type, String idContains) {
        static Search parse(String text) {
            String type = null;
            StringBuilder id = new StringBuilder();
            for (String term : (text == null ? "" : text.trim()).split("\\s+")) {
                if (term.startsWith("type:") && term.length() > 5) {
                    type = term.substring(5);
                } else if (!term.isEmpty()) {
                    id.append(id.isEmpty() ? "" : " ").append(term);
                }
            }
            return new Search(type, id.isEmpty() ? null : id.toString());
        }
    }
}

package eventlens.app.events;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.work.PagedRows;
import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.query.QueryException;
import eventlens.model.query.QueryParser;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The events view's state: the filter text and its parse error (with the column it is at), the paged
 * rows of the current query, what an empty table says, and the selected event (shown by
 * {@link EventDetailViewModel}).
 */
public final class EventsViewModel {
    static final String NO_PROJECT = "No project open. Create one with File → New project… or open one with File → Open project…";
    static final String NO_EVENTS = "This project has no events yet. Import a log with File → Import log… or drop log "
            + "files on the window (or run: eventlens import PROJECT FILE).";
    /** What an empty project says while an import runs: its events are written in one go, at its end. */
    static final String IMPORTING = "Importing… the events show here when the import ends (its progress is in the "
            + "status bar).";
    private final BackgroundWork work;
    private final EventDetailViewModel detail;
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper filterErrorColumn = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper filterErrorLength = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(NO_PROJECT);
    private final javafx.beans.property.BooleanProperty importing = new javafx.beans.property.SimpleBooleanProperty();
    /** What the table says when it has no rows: {@link #emptyText}, unless an import is filling an empty project. */
    private final javafx.beans.binding.StringBinding shownEmptyText = javafx.beans.binding.Bindings.createStringBinding(
            () -> importing.get() && NO_EVENTS.equals(emptyText.get()) ? IMPORTING : emptyText.get(), importing, emptyText);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ObservableList<Event>> rows =
            new ReadOnlyObjectWrapper<>(FXCollections.emptyObservableList());
    private final ReadOnlyLongWrapper matchCount = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper pagesLoaded = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<Event> selected = new ReadOnlyObjectWrapper<>();
    private Consumer<String> showFlow = id -> {
    };
    private Consumer<java.time.Instant> timeCursor = time -> {
    };
    private EventPages source;
    private EventQuery query = EventQuery.ALL;
    private final ReadOnlyObjectWrapper<EventQuery> countedQuery = new ReadOnlyObjectWrapper<>(EventQuery.ALL);
    /** The brushed time range of the histogram ({@code [from, to)}, either null: open). */
    private java.time.Instant rangeFrom;
    private java.time.Instant rangeTo;
    private String queryText = "";
    private PagedRows<Event> paged;
    private int selectedIndex = -1;
    /** A row to select once the next filter's rows are there ({@code gui --select}); -1: none. */
    private int selectAfterReload = -1;
    private final javafx.beans.property.ReadOnlyIntegerWrapper requestedRow =
            new javafx.beans.property.ReadOnlyIntegerWrapper(-1);
    private long generation;
    private final QueryAssist assist;
    private boolean textIndexRequested;
    private final ReadOnlyStringWrapper textIndexState = new ReadOnlyStringWrapper("");

    public EventsViewModel(BackgroundWork work, EventDetailViewModel detail) {
        this.work = work;
        this.detail = detail;
        this.assist = new QueryAssist(work, filterText);
        selected.addListener((obs, old, event) -> detail.show(event));
    }

    /** Shows another project (null: none) with the current filter. */
    public void setSource(EventPages newSource) {
        this.source = newSource;
        textIndexRequested = false;
        textIndexState.set("");
        reload();
        assist.setSource(newSource);
    }

    /** What the filter bar offers to complete the word that ends at {@code caret} of the filter text. */
    public java.util.List<QueryCompletion.Suggestion> completions(int caret) {
        return assist.completions(caret);
    }

    /** ↑ in the filter bar: the previous query of this project's history (newest first); false when none. */
    public boolean historyBack() {
        return assist.historyBack();
    }

    /** ↓ in the filter bar: the next newer query of the history, or an empty bar after the newest. */
    public boolean historyForward() {
        return assist.historyForward();
    }

    /** History, completion and saved queries of the filter bar. */
    public QueryAssist assist() {
        return assist;
    }

    /** "Indexing the text…" while the free-text index is being built for this project, else empty. */
    public ReadOnlyStringProperty textIndexStateProperty() {
        return textIndexState.getReadOnlyProperty();
    }

    /**
     * Parses the filter text; on success reloads the rows, else shows the parse error with its column and
     * keeps the rows of the last query that parsed (a query that is not understood is never run).
     */
    public void applyFilter() {
        String text = filterText.get() == null ? "" : filterText.get();
        try {
            String run = assist.resolveSaved(text);
            query = run.isBlank() ? EventQuery.ALL : QueryParser.parse(run);
            queryText = text.strip();
            filterErrorColumn.set(0);
            filterError.set("");
            assist.remember(queryText);
            reload();
            indexTextIfSearched();
        } catch (QueryException e) {
            filterErrorColumn.set(0); // so that a new error at the same column is still news to listeners
            filterErrorLength.set(e.length());
            filterErrorColumn.set(e.column());
            filterError.set("Column " + e.column() + ": " + e.reason());
        }
    }

    /**
     * The first free-text search of a project builds its text index in the background (decision 0038);
     * queries scan meanwhile, with the same answers.
     */
    private void indexTextIfSearched() {
        if (textIndexRequested || source == null || !query.searchesText()) {
            return;
        }
        textIndexRequested = true;
        EventPages from = source;
        textIndexState.set("Indexing the text for faster search…"); // cleared at once when it is there already
        BackgroundTask.of(context -> from.textIndexed() || from.indexText(context::cancelled))
                .named("index the text").onFinished(() -> {
            if (source == from) {
                textIndexState.set("");
            }
        }).executeWith(work);
    }

    /** Re-reads the count and drops cached pages (after an import, for instance). */
    public void reload() {
        long current = ++generation;
        replaceRows(null, 0);
        if (source == null) {
            summary.set("");
            emptyText.set(NO_PROJECT);
            return;
        }
        EventPages from = source;
        EventQuery filtered = query;
        EventQuery q = inRange(filtered);
        boolean ranged = rangeFrom != null || rangeTo != null;
        String text = !ranged ? queryText : queryText.isEmpty() ? "the brushed time range"
                : queryText + " in the brushed time range";
        summary.set("Counting…");
        emptyText.set("Counting…");
        EventQuery counted = countedQuery.get();
        // Compared on the worker: a record's first equals makes a class, which cost a frame on the FX thread.
        BackgroundTask.of(context -> new Counted(from.count(q), !filtered.equals(counted)))
                .onSuccess(result -> {
                    long count = result.count();
                    if (current == generation) {
                        replaceRows(new PagedRows<>((offset, limit) -> from.page(q, offset, limit), count, work,
                                this::pageLoaded, this::pageFailed), count);
                        summary.set(String.format("%,d", count) + (q.isAll() ? "" : " matching")
                                + (count == 1 ? " event" : " events"));
                        emptyText.set(q.isAll() ? NO_EVENTS : "No events match " + text);
                        if (result.queryChanged()) {
                            countedQuery.set(filtered);
                        }
                    }
                })
                .onFailure(error -> {
                    if (current == generation) {
                        summary.set("Cannot read events: " + error.getMessage());
                        emptyText.set(summary.get());
                    }
                })
                .executeQuicklyWith(work); // the rows wait for it: not behind a count over time
    }

    /** A count, and whether its query (without the brush) differs from the last one counted. */
    private record Counted(long count, boolean queryChanged) {
    }

    /**
     * Shows only the events timed in {@code [from, to)} (the histogram's brush; both null: all), on top of
     * the filter: where the filter has its own {@code after:} and {@code before:}, the narrower bound holds.
     */
    public void setTimeRange(java.time.Instant from, java.time.Instant to) {
        if (java.util.Objects.equals(from, rangeFrom) && java.util.Objects.equals(to, rangeTo)) {
            return;
        }
        rangeFrom = from;
        rangeTo = to;
        reload();
    }

    private EventQuery inRange(EventQuery q) {
        if (rangeFrom == null && rangeTo == null) {
            return q;
        }
        java.time.Instant after = later(q.after(), rangeFrom);
        java.time.Instant before = q.before() == null ? rangeTo : rangeTo == null || q.before().isBefore(rangeTo)
                ? q.before() : rangeTo;
        return q.between(after, before);
    }

    private static java.time.Instant later(java.time.Instant a, java.time.Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** Selects the row at {@code index} (-1: none); a row still loading is shown once its page arrives. */
    public void select(int index) {
        selectedIndex = index;
        selected.set(paged == null || index < 0 || index >= paged.size() ? null : paged.get(index));
    }

    /** What "Show flow" does with an event id: MainViewModel switches to the flows view. */
    public void setShowFlow(Consumer<String> action) {
        this.showFlow = action;
    }

    /** What "Set time cursor here" does with an event's time: MainViewModel sets the application's cursor. */
    public void setTimeCursor(Consumer<java.time.Instant> action) {
        this.timeCursor = action;
    }

    /** Sets the application's time cursor to the selected event's time, if it has one. */
    public void setTimeCursorToSelected() {
        if (selected.get() != null && selected.get().time() != null) {
            timeCursor.accept(selected.get().time());
        }
    }

    /** Shows the flow of the selected event, if any. */
    public void showFlowOfSelected() {
        if (selected.get() != null) {
            showFlow.accept(selected.get().id());
        }
    }

    private void replaceRows(PagedRows<Event> next, long count) {
        if (paged != null) {
            paged.dispose();
        }
        paged = next;
        selectedIndex = -1;
        selected.set(null);
        matchCount.set(count);
        rows.set(next == null ? FXCollections.emptyObservableList() : next);
        requestedRow.set(-1);
        if (next != null) { // the rows, not the emptying before a reload
            int wanted = selectAfterReload;
            selectAfterReload = -1;
            if (wanted >= 0 && wanted < count) {
                requestedRow.set(wanted);
            }
        }
    }

    /** Asks the table to select this row of the rows the next filter finds (the first match of {@code id:X}). */
    public void selectAfterReload(int row) {
        selectAfterReload = row;
    }

    /** A row the table should select and scroll to (-1: none); the table answers with {@link #select}. */
    public javafx.beans.property.ReadOnlyIntegerProperty requestedRowProperty() {
        return requestedRow.getReadOnlyProperty();
    }

    private void pageLoaded(long page) {
        pagesLoaded.set(pagesLoaded.get() + 1);
        if (selected.get() == null && selectedIndex >= 0 && PagedRows.pageOf(selectedIndex) == page) {
            selected.set(paged.peek(selectedIndex));
        }
    }

    private void pageFailed(Throwable error) {
        summary.set("Cannot read events: " + error.getMessage());
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /**
     * The filter's query (without the histogram's brush) once its matches are counted: what the histogram
     * counts over time, started after the table's count so the two never hold both workers.
     */
    public ReadOnlyObjectProperty<EventQuery> countedQueryProperty() {
        return countedQuery.getReadOnlyProperty();
    }

    /** The parse error of the last applied filter, empty when it was understood. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    /** The 1-based column of the last filter's parse error, 0 when it was understood. */
    public ReadOnlyIntegerProperty filterErrorColumnProperty() {
        return filterErrorColumn.getReadOnlyProperty();
    }

    /** How many characters from the error's column are wrong (what the filter bar underlines); set before the column. */
    public ReadOnlyIntegerProperty filterErrorLengthProperty() {
        return filterErrorLength.getReadOnlyProperty();
    }

    /**
     * What the table says when it has no rows: no project, no events yet (or, while an import runs, that they come
     * at its end), or nothing matches the filter.
     */
    public javafx.beans.value.ObservableStringValue emptyTextProperty() {
        return shownEmptyText;
    }

    /** Whether an import into the project is running (set by the window's model while it runs). */
    public javafx.beans.property.BooleanProperty importingProperty() {
        return importing;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ObservableList<Event>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    /** Counts pages that arrived: the view redraws the table when it changes. */
    public ReadOnlyLongProperty pagesLoadedProperty() {
        return pagesLoaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Event> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public EventDetailViewModel detail() {
        return detail;
    }
}

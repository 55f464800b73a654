package eventlens.app.events;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.work.PagedRows;
import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.query.QueryException;
import eventlens.model.query.QueryParser;
import java.util.function.Consumer;
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
 * The events view's state: the filter text and its parse error, the paged rows of the current query,
 * and the selected event (shown by {@link EventDetailViewModel}).
 */
public final class EventsViewModel {
    private final BackgroundWork work;
    private final EventDetailViewModel detail;
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
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
    private EventSource source;
    private EventQuery query = EventQuery.ALL;
    private PagedRows<Event> paged;
    private int selectedIndex = -1;
    private long generation;

    public EventsViewModel(BackgroundWork work, EventDetailViewModel detail) {
        this.work = work;
        this.detail = detail;
        selected.addListener((obs, old, event) -> detail.show(event));
    }

    /** Shows another project (null: none) with the current filter. */
    public void setSource(EventSource newSource) {
        this.source = newSource;
        reload();
    }

    /** Parses the filter text; on success reloads the rows, else shows the parse error and keeps the rows. */
    public void applyFilter() {
        String text = filterText.get() == null ? "" : filterText.get().trim();
        try {
            query = text.isEmpty() ? EventQuery.ALL : QueryParser.parse(text);
            filterError.set("");
            reload();
        } catch (QueryException e) {
            filterError.set(e.getMessage());
        }
    }

    /** Re-reads the count and drops cached pages (after an import, for instance). */
    public void reload() {
        long current = ++generation;
        replaceRows(null, 0);
        if (source == null) {
            summary.set("");
            return;
        }
        EventSource from = source;
        EventQuery q = query;
        summary.set("Counting…");
        BackgroundTask.of(context -> from.count(q))
                .onSuccess(count -> {
                    if (current == generation) {
                        replaceRows(new PagedRows<>((offset, limit) -> from.page(q, offset, limit), count, work,
                                this::pageLoaded, this::pageFailed), count);
                        summary.set(count + (q.isAll() ? "" : " matching") + (count == 1 ? " event" : " events"));
                    }
                })
                .onFailure(error -> {
                    if (current == generation) {
                        summary.set("Cannot read events: " + error.getMessage());
                    }
                })
                .executeWith(work);
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

    /** The parse error of the last applied filter, empty when it was understood. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
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

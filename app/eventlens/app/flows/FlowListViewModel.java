package eventlens.app.flows;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.work.PagedRows;
import eventlens.model.flow.FlowFilter;
import eventlens.model.flow.FlowSort;
import eventlens.model.flow.FlowSummary;
import eventlens.model.store.ProjectStore;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
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
 * The flows view's list: the paged, filtered, sorted flows of the project, their count and what an empty
 * list says. Selecting a row opens its flow in the {@link OpenFlowViewModel}; a flow opened by other means
 * (another view, {@code --select}) becomes the {@link #requestedRowProperty() requested row} when listed.
 */
public final class FlowListViewModel implements AutoCloseable {
    private final BackgroundWork work;
    private final OpenFlowViewModel shown;
    private final StringProperty filterText = new SimpleStringProperty("");
    private final BooleanProperty withAnomalies = new SimpleBooleanProperty();
    private final BooleanProperty withFailures = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<FlowSort> sort = new ReadOnlyObjectWrapper<>(FlowSort.START);
    private final ReadOnlyBooleanWrapper descending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper requestedRow = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<ObservableList<FlowSummary>> rows =
            new ReadOnlyObjectWrapper<>(FXCollections.emptyObservableList());
    private final ReadOnlyLongWrapper pagesLoaded = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(FlowFilterText.NO_PROJECT);
    private final ReadOnlyObjectWrapper<FlowFilter> countedFilter = new ReadOnlyObjectWrapper<>(FlowFilter.ALL);
    /** The brushed time range of the histogram ({@code [from, to)}; both null: any time). */
    private java.time.Instant rangeFrom;
    private java.time.Instant rangeTo;
    private FlowListSource list;
    private PagedRows<FlowSummary> paged;
    private long listGeneration;
    /** A row selected while its page was loading: shown when the page arrives. */
    private int pendingRow = -1;

    /** The list whose rows open in {@code shown}, and which finds the row of whatever flow {@code shown} shows. */
    public FlowListViewModel(BackgroundWork work, OpenFlowViewModel shown) {
        this.work = work;
        this.shown = shown;
        withAnomalies.addListener((obs, old, now) -> reload());
        withFailures.addListener((obs, old, now) -> reload());
        shown.flowProperty().addListener((obs, old, now) -> locateShownFlow());
    }

    /** Lists the flows of another project (null: none); closes the flow list of the previous one. */
    public void setStore(ProjectStore store) {
        closeList();
        list = store == null ? null : new FlowListSource(store);
        reload();
    }

    /** Re-reads the count with the current filter and order, dropping cached pages. */
    public void reload() {
        long current = ++listGeneration;
        replaceRows(null);
        if (list == null) {
            summary.set("");
            emptyText.set(FlowFilterText.NO_PROJECT);
            return;
        }
        FlowListSource from = list;
        FlowFilter filter = filter();
        FlowFilter anyTime = filter.during(null, null);
        String nothing = FlowFilterText.nothingMatches(filterText.get(), withAnomalies.get(), withFailures.get(),
                rangeFrom != null);
        FlowSort order = sort.get();
        boolean desc = descending.get();
        summary.set("Counting flows…");
        emptyText.set("Counting flows…");
        FlowFilter counted = countedFilter.get();
        // Compared on the worker: a record's first equals makes a class, which cost a frame on the FX thread.
        BackgroundTask.of(context -> new Counted(from.count(filter), !anyTime.equals(counted)))
                .onSuccess(result -> {
                    long count = result.count();
                    if (current == listGeneration) {
                        replaceRows(new PagedRows<>((offset, limit) -> from.page(filter, order, desc, offset, limit),
                                count, work, this::pageLoaded, this::failed));
                        summary.set(count + (count == 1 ? " flow" : " flows"));
                        emptyText.set(nothing);
                        locateShownFlow();
                        if (result.filterChanged()) {
                            countedFilter.set(anyTime);
                        }
                    }
                })
                .onFailure(error -> {
                    if (current == listGeneration) {
                        failed(error);
                    }
                })
                .executeWith(work);
    }

    /**
     * The filter of the text, toggles and brushed time range: {@code type:} for the root type, anything
     * else a correlation id.
     */
    FlowFilter filter() {
        return FlowFilterText.parse(filterText.get(), withAnomalies.get(), withFailures.get()).during(rangeFrom, rangeTo);
    }

    /** Lists only the flows whose span meets {@code [from, to)} (the histogram's brush; both null: any time). */
    public void setTimeRange(java.time.Instant from, java.time.Instant to) {
        if (java.util.Objects.equals(from, rangeFrom) && java.util.Objects.equals(to, rangeTo)) {
            return;
        }
        rangeFrom = from;
        rangeTo = to;
        reload();
    }

    /**
     * The filter without the brush once the list is counted: whose flows' events the histogram counts,
     * from the flow table that count brought up to date.
     */
    public ReadOnlyObjectProperty<FlowFilter> countedFilterProperty() {
        return countedFilter.getReadOnlyProperty();
    }

    /** A count, and whether its filter (without the brush) differs from the last one counted. */
    private record Counted(long count, boolean filterChanged) {
    }

    /** Sorts by a column; the same column again reverses the order. */
    public void sortBy(FlowSort column) {
        if (sort.get() == column) {
            descending.set(!descending.get());
        } else {
            sort.set(column);
            descending.set(column != FlowSort.START && column != FlowSort.CORRELATION
                    && column != FlowSort.ROOT_TYPE);
        }
        reload();
    }

    /** Sorts by a column in the given direction (the table's header clicks); reloads only on a change. */
    public void sort(FlowSort column, boolean desc) {
        if (sort.get() != column || descending.get() != desc) {
            sort.set(column);
            descending.set(desc);
            reload();
        }
    }

    /** Shows the flow of the list row at {@code index} (a row still loading is shown once its page arrives). */
    public void selectRow(int index) {
        pendingRow = -1;
        FlowSummary row = paged == null || index < 0 || index >= paged.size() ? null : paged.get(index);
        if (row == null && paged != null && index >= 0 && index < paged.size()) {
            pendingRow = index;
        }
        LoadedFlow open = shown.flowProperty().get();
        if (row != null && (open == null || !row.correlationId().equals(open.title()))) {
            shown.open(row.correlationId());
        }
    }

    /**
     * Asks the list to select the shown flow's row (shown from another view, from {@code --select}, or
     * before the list was counted), when the filter lists it and it is not the selected row already.
     */
    private void locateShownFlow() {
        LoadedFlow flow = shown.flowProperty().get();
        PagedRows<FlowSummary> rows = paged;
        if (flow == null || list == null || rows == null) {
            return;
        }
        FlowListSource from = list;
        FlowFilter filter = filter();
        FlowSort order = sort.get();
        boolean desc = descending.get();
        long generation = listGeneration;
        BackgroundTask.of(context -> from.indexOf(filter, order, desc, flow.title()))
                .onSuccess(index -> {
                    if (generation == listGeneration && shown.flowProperty().get() == flow && index >= 0
                            && index < Integer.MAX_VALUE) {
                        requestedRow.set(-1);
                        requestedRow.set(index.intValue());
                    }
                })
                .executeWith(work);
    }

    private void pageLoaded(long page) {
        pagesLoaded.set(pagesLoaded.get() + 1);
        if (pendingRow >= 0 && PagedRows.pageOf(pendingRow) == page) {
            selectRow(pendingRow);
        }
    }

    private void replaceRows(PagedRows<FlowSummary> next) {
        pendingRow = -1;
        if (paged != null) {
            paged.dispose();
        }
        paged = next;
        rows.set(next == null ? FXCollections.emptyObservableList() : next);
    }

    private void failed(Throwable error) {
        summary.set("Cannot read flows: " + error.getMessage());
        emptyText.set(summary.get());
    }

    private void closeList() {
        if (list != null) {
            list.closeWith(work);
            list = null;
        }
    }

    @Override
    public void close() {
        replaceRows(null);
        closeList();
    }

    /** The row of the list to select and scroll to, set when a flow is shown by other means (-1: none). */
    public ReadOnlyIntegerProperty requestedRowProperty() {
        return requestedRow.getReadOnlyProperty();
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty withAnomaliesProperty() {
        return withAnomalies;
    }

    public BooleanProperty withFailuresProperty() {
        return withFailures;
    }

    public ReadOnlyObjectProperty<FlowSort> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty descendingProperty() {
        return descending.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ObservableList<FlowSummary>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty pagesLoadedProperty() {
        return pagesLoaded.getReadOnlyProperty();
    }

    /** What the empty flow list says: which filter matched nothing, or why there are no flows at all. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}

package eventlens.app;

import eventlens.app.events.EventsViewModel;
import eventlens.app.flows.FlowListViewModel;
import eventlens.app.time.TimeHistogramViewModel;
import eventlens.app.time.TimeRange;
import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.flow.FlowFilter;
import eventlens.model.flow.FlowList;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.TimeScan.Scope;
import eventlens.model.time.Histograms;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;

/**
 * The histograms under the events and flows views (decision 0042): one count of the project's events over
 * time that both share, each histogram counting what its view lists (the events filter's matches, the
 * listed flows' events) and its brush narrowing that view to a time range.
 */
final class ViewHistograms {
    private final BackgroundWork work;
    private final TimeHistogramViewModel events;
    private final TimeHistogramViewModel flows;
    private final EventsViewModel eventList;
    private final FlowListViewModel flowList;
    private ProjectStore store;
    private Histograms counts;

    ViewHistograms(BackgroundWork work, ObjectProperty<Instant> cursor, EventsViewModel eventList,
            FlowListViewModel flowList) {
        this.work = work;
        this.events = new TimeHistogramViewModel(work, cursor);
        this.flows = new TimeHistogramViewModel(work, cursor);
        this.eventList = eventList;
        this.flowList = flowList;
        events.brushProperty().subscribe(range -> eventList.setTimeRange(from(range), to(range)));
        flows.brushProperty().subscribe(range -> flowList.setTimeRange(from(range), to(range)));
        eventList.countedQueryProperty().subscribe(this::countEvents);
        flowList.countedFilterProperty().subscribe(this::countFlows);
    }

    /** Counts another project's events (null: none); closes the previous project's counts on a worker. */
    void setStore(ProjectStore next) {
        Histograms old = counts;
        store = next;
        counts = next == null ? null : new Histograms(next);
        if (old != null) {
            BackgroundTask.of(context -> {
                old.close();
                return null;
            }).named("close a histogram").executeWith(work);
        }
        events.setSource(counts);
        flows.setSource(counts);
        // The filters stay across projects: count what they select in this one.
        countEvents(eventList.countedQueryProperty().get());
        countFlows(flowList.countedFilterProperty().get());
    }

    /** Counts again after the project changed. */
    void reload() {
        events.reload();
        flows.reload();
    }

    TimeHistogramViewModel events() {
        return events;
    }

    TimeHistogramViewModel flows() {
        return flows;
    }

    private void countEvents(EventQuery query) {
        ProjectStore of = store;
        if (of != null) {
            events.setScope(query.isAll() ? null : () -> Scope.of(of, query), "Matching events over time");
        }
    }

    private void countFlows(FlowFilter filter) {
        Scope scope = Scope.ofFlows(FlowList.selection(filter));
        flows.setScope(scope.isAll() ? null : () -> scope, "Events of the listed flows over time");
    }

    private static Instant from(TimeRange range) {
        return range == null ? null : range.from();
    }

    private static Instant to(TimeRange range) {
        return range == null ? null : range.to();
    }
}

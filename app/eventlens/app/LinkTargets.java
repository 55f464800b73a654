package eventlens.app;

import eventlens.app.aggregates.AggregatesViewModel;
import eventlens.app.deadletters.DeadLettersViewModel;
import eventlens.app.events.EventsViewModel;
import eventlens.app.flows.OpenFlowViewModel;
import eventlens.app.links.IdLink;
import eventlens.app.replay.RunsViewModel;
import javafx.beans.property.ObjectProperty;

/**
 * Where each kind of id link leads (decision 0043): an event to its flow with it selected, a correlation to its
 * flow, an aggregate to its history, "Effects" to {@code cause:ID} in the events view, a dead letter to the Dead
 * letters view with it selected, a replay run to the Replay view's runs with it selected. Each is one new place
 * ({@link Places#goTo}), so Alt+Left comes back.
 */
final class LinkTargets {
    private final Places places;
    private final ObjectProperty<Section> section;
    private final EventsViewModel events;
    private final OpenFlowViewModel openFlow;
    private final AggregatesViewModel aggregates;
    private final DeadLettersViewModel deadLetters;
    private final RunsViewModel runs;

    LinkTargets(Places places, ObjectProperty<Section> section, EventsViewModel events, OpenFlowViewModel openFlow,
                AggregatesViewModel aggregates, DeadLettersViewModel deadLetters, RunsViewModel runs) {
        this.places = places;
        this.section = section;
        this.events = events;
        this.openFlow = openFlow;
        this.aggregates = aggregates;
        this.deadLetters = deadLetters;
        this.runs = runs;
    }

    /** Follows a link to its view. */
    void follow(IdLink link) {
        places.goTo(() -> {
            switch (link.kind()) {
                case EVENT -> showFlow(link.id());
                case FLOW -> {
                    section.set(Section.FLOWS);
                    openFlow.open(link.id());
                }
                case AGGREGATE -> {
                    section.set(Section.AGGREGATES);
                    aggregates.open(link.id());
                }
                case EFFECTS -> showInEvents("cause:" + link.id());
                case DEAD_LETTER -> {
                    section.set(Section.DEAD_LETTERS);
                    deadLetters.reveal(Long.parseLong(link.id()));
                }
                case RUN -> {
                    section.set(Section.REPLAY);
                    runs.reveal(Long.parseLong(link.id()));
                }
            }
        });
    }

    /** The flows view showing the flow of this event, with the event selected. */
    void showFlow(String eventId) {
        places.goTo(() -> {
            section.set(Section.FLOWS);
            openFlow.showFlowOf(eventId);
        });
    }

    /** The events view with this filter applied (e.g. {@code corr:txn-1}). */
    void showInEvents(String filter) {
        places.goTo(() -> {
            events.filterTextProperty().set(filter);
            events.applyFilter();
            section.set(Section.EVENTS);
        });
    }
}

package eventlens.app;

import eventlens.app.aggregates.AggregatesViewModel;
import eventlens.app.deadletters.DeadLettersViewModel;
import eventlens.app.events.EventsViewModel;
import eventlens.app.flows.OpenFlowViewModel;
import eventlens.app.replay.RunsViewModel;
import javafx.beans.property.ObjectProperty;

/**
 * The view models a place is made of and a link leads to, with the shown view: what {@link Places} reads and
 * restores and {@link LinkTargets} drives.
 */
record Views(ObjectProperty<Section> section, EventsViewModel events, OpenFlowViewModel openFlow,
        AggregatesViewModel aggregates, DeadLettersViewModel deadLetters, RunsViewModel runs) {
}

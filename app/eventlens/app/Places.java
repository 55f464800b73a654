package eventlens.app;

import eventlens.app.aggregates.AggregatesViewModel;
import eventlens.app.deadletters.DeadLettersViewModel;
import eventlens.app.events.EventsViewModel;
import eventlens.app.flows.OpenFlowViewModel;
import eventlens.app.replay.RunsViewModel;
import eventlens.model.DeadLetter;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * Where the user is and has been (decision 0043): the current place — the view, its selection (an event,
 * a flow, an aggregate, a dead letter, a replay run) and the events filter — read from the view models, the {@link Navigation} history of places, and the moves
 * between them. A change of view is a new place, a new row in the same view updates the current one, and
 * a followed link or a bookmark ({@link #goTo}) is one new place however many selections it makes on the way.
 */
final class Places {
    private final Navigation navigation = new Navigation();
    private final ObjectProperty<Section> section;
    private final EventsViewModel events;
    private final OpenFlowViewModel openFlow;
    private final AggregatesViewModel aggregates;
    private final DeadLettersViewModel deadLetters;
    private final RunsViewModel runs;
    /** True while a place is restored or a link followed: the selections on the way are not places. */
    private boolean moving;

    Places(ObjectProperty<Section> section, EventsViewModel events, OpenFlowViewModel openFlow,
            AggregatesViewModel aggregates, DeadLettersViewModel deadLetters, RunsViewModel runs) {
        this.section = section;
        this.events = events;
        this.openFlow = openFlow;
        this.aggregates = aggregates;
        this.deadLetters = deadLetters;
        this.runs = runs;
        section.addListener((obs, old, now) -> arrived());
        events.selectedProperty().addListener((obs, old, now) -> moved());
        openFlow.selectedNodeProperty().addListener((obs, old, now) -> moved());
        openFlow.flowProperty().addListener((obs, old, now) -> moved());
        aggregates.selectedProperty().addListener((obs, old, now) -> moved());
        deadLetters.detail().selectedProperty().addListener((obs, old, now) -> moved());
        runs.selectedProperty().addListener((obs, old, now) -> moved());
    }

    /** Where the user is: the view, its selection, the events filter. */
    Navigation.Place here() {
        Section now = section.get();
        String id = switch (now) {
            case EVENTS -> events.selectedProperty().get() == null ? null : events.selectedProperty().get().id();
            case FLOWS -> openFlow.selected().map(n -> n.event().id()).orElseGet(this::firstRootOfOpenFlow);
            case AGGREGATES -> aggregates.selectedProperty().get() == null ? null
                    : aggregates.selectedProperty().get().aggregateId();
            case DEAD_LETTERS -> deadLetter().map(DeadLetter::eventId).orElse(null);
            case REPLAY -> runs.selectedProperty().get() == null ? null
                    : StartSelection.RUN_PREFIX + runs.selectedProperty().get().id();
            default -> null;
        };
        long key = now == Section.DEAD_LETTERS ? deadLetter().map(DeadLetter::key).orElse(0L) : 0;
        String filter = events.filterTextProperty().get();
        return new Navigation.Place(now, id, filter == null ? "" : filter, key);
    }

    private Optional<DeadLetter> deadLetter() {
        return Optional.ofNullable(deadLetters.detail().selectedProperty().get());
    }

    /** Another project: the history starts over where the user is. */
    void startOver() {
        navigation.clear();
        navigation.visit(here());
    }

    /** The place before this one becomes current again (Alt+Left). */
    void back() {
        navigation.back().ifPresent(this::restore);
    }

    /** The place left by going back becomes current again (Alt+Right). */
    void forward() {
        navigation.forward().ifPresent(this::restore);
    }

    ReadOnlyBooleanProperty canGoBackProperty() {
        return navigation.canGoBackProperty();
    }

    ReadOnlyBooleanProperty canGoForwardProperty() {
        return navigation.canGoForwardProperty();
    }

    /**
     * Makes {@code change} one new place: the place left keeps its selection and filter (the selection
     * changes on the way would otherwise overwrite it), and where the change leads is pushed once.
     */
    void goTo(Runnable change) {
        if (moving) {
            change.run();
            return;
        }
        moving = true;
        try {
            change.run();
        } finally {
            moving = false;
        }
        navigation.visit(here());
    }

    /** A bookmark is followed: the current place goes behind even if the view stays the same. */
    void leave() {
        navigation.leave();
    }

    private void arrived() {
        if (!moving) {
            navigation.visit(here());
        }
    }

    private void moved() {
        if (!moving) {
            navigation.update(here());
        }
    }

    private void restore(Navigation.Place place) {
        moving = true;
        try {
            if (!place.filter().equals(events.filterTextProperty().get())) {
                events.filterTextProperty().set(place.filter());
                events.applyFilter();
            }
            section.set(place.section());
            if (place.section() == Section.DEAD_LETTERS && place.key() != 0) {
                deadLetters.reveal(place.key());
            }
            if (place.id() != null) {
                switch (place.section()) {
                    case REPLAY -> runs.reveal(StartSelection.runOf(place.id()));
                    case FLOWS -> openFlow.showFlowOf(place.id());
                    case AGGREGATES -> aggregates.open(place.id());
                    default -> {
                    }
                }
            }
        } finally {
            moving = false;
        }
    }

    private String firstRootOfOpenFlow() {
        Optional<eventlens.app.flows.LoadedFlow> flow = Optional.ofNullable(openFlow.flowProperty().get());
        return flow.filter(f -> !f.graph().roots().isEmpty())
                .map(f -> f.graph().node(f.graph().roots().get(0)).event().id()).orElse(null);
    }
}

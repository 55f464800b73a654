package eventlens.app;

import eventlens.model.DeadLetter;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * Where the user is and has been (decision 0043): the current place — the view, its selection (an event,
 * a flow, an aggregate, a dead letter, a replay run) and the events filter — read from the view models, the {@link Navigation} history of places, and the moves
 * between them. A change of view is a new place, a new row in the same view updates the current one, and
 * a followed link or a bookmark ({@link #goTo}) is one new place however many selections it makes on the way.
 */
final class Places {
    private final Navigation navigation = new Navigation();
    private final Views views;
    /** True while a place is restored or a link followed: the selections on the way are not places. */
    private boolean moving;

    Places(Views views) {
        this.views = views;
        views.section().addListener((obs, old, now) -> arrived());
        views.events().selectedProperty().addListener((obs, old, now) -> moved());
        views.openFlow().selectedNodeProperty().addListener((obs, old, now) -> moved());
        views.openFlow().flowProperty().addListener((obs, old, now) -> moved());
        views.aggregates().selectedProperty().addListener((obs, old, now) -> moved());
        views.deadLetters().detail().selectedProperty().addListener((obs, old, now) -> moved());
        views.runs().selectedProperty().addListener((obs, old, now) -> moved());
    }

    /** Where the user is: the view, its selection, the events filter. */
    Navigation.Place here() {
        Section now = views.section().get();
        String id = switch (now) {
            case EVENTS -> views.events().selectedProperty().get() == null ? null : views.events().selectedProperty().get().id();
            case FLOWS -> views.openFlow().selected().map(n -> n.event().id()).orElseGet(this::firstRootOfOpenFlow);
            case AGGREGATES -> views.aggregates().selectedProperty().get() == null ? null
                    : views.aggregates().selectedProperty().get().aggregateId();
            case DEAD_LETTERS -> deadLetter().map(DeadLetter::eventId).orElse(null);
            case REPLAY -> views.runs().selectedProperty().get() == null ? null
                    : StartSelection.RUN_PREFIX + views.runs().selectedProperty().get().id();
            default -> null;
        };
        long key = now == Section.DEAD_LETTERS ? deadLetter().map(DeadLetter::key).orElse(0L) : 0;
        String filter = views.events().filterTextProperty().get();
        return new Navigation.Place(now, id, filter == null ? "" : filter, key);
    }

    private Optional<DeadLetter> deadLetter() {
        return Optional.ofNullable(views.deadLetters().detail().selectedProperty().get());
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
            if (!place.filter().equals(views.events().filterTextProperty().get())) {
                views.events().filterTextProperty().set(place.filter());
                views.events().applyFilter();
            }
            views.section().set(place.section());
            if (place.section() == Section.DEAD_LETTERS && place.key() != 0) {
                views.deadLetters().reveal(place.key());
            }
            if (place.id() != null) {
                switch (place.section()) {
                    case REPLAY -> views.runs().reveal(StartSelection.runOf(place.id()));
                    case FLOWS -> views.openFlow().showFlowOf(place.id());
                    case AGGREGATES -> views.aggregates().open(place.id());
                    default -> {
                    }
                }
            }
        } finally {
            moving = false;
        }
    }

    private String firstRootOfOpenFlow() {
        Optional<eventlens.app.flows.LoadedFlow> flow = Optional.ofNullable(views.openFlow().flowProperty().get());
        return flow.filter(f -> !f.graph().roots().isEmpty())
                .map(f -> f.graph().node(f.graph().roots().get(0)).event().id()).orElse(null);
    }
}

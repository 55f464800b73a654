package eventlens.app;

import eventlens.app.links.IdLink;

/**
 * Where each kind of id link leads (decision 0043): an event to its flow with it selected, a correlation to its
 * flow, an aggregate to its history, "Effects" to {@code cause:ID} in the events view, a dead letter to the Dead
 * letters view with it selected, a replay run to the Replay view's runs with it selected. Each is one new place
 * ({@link Places#goTo}), so Alt+Left comes back.
 */
final class LinkTargets {
    private final Places places;
    private final Views views;

    LinkTargets(Places places, Views views) {
        this.places = places;
        this.views = views;
    }

    /** Follows a link to its view. */
    void follow(IdLink link) {
        places.goTo(() -> {
            switch (link.kind()) {
                case EVENT -> showFlow(link.id());
                case FLOW -> {
                    views.section().set(Section.FLOWS);
                    views.openFlow().open(link.id());
                }
                case AGGREGATE -> {
                    views.section().set(Section.AGGREGATES);
                    views.aggregates().open(link.id());
                }
                case EFFECTS -> showInEvents("cause:" + link.id());
                case DEAD_LETTER -> {
                    views.section().set(Section.DEAD_LETTERS);
                    views.deadLetters().reveal(Long.parseLong(link.id()));
                }
                case RUN -> {
                    views.section().set(Section.REPLAY);
                    views.runs().reveal(Long.parseLong(link.id()));
                }
            }
        });
    }

    /** The flows view showing the flow of this event, with the event selected. */
    void showFlow(String eventId) {
        places.goTo(() -> {
            views.section().set(Section.FLOWS);
            views.openFlow().showFlowOf(eventId);
        });
    }

    /** The events view with this filter applied (e.g. {@code corr:txn-1}). */
    void showInEvents(String filter) {
        places.goTo(() -> {
            views.events().filterTextProperty().set(filter);
            views.events().applyFilter();
            views.section().set(Section.EVENTS);
        });
    }
}

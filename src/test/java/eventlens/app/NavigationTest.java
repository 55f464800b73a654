package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.Navigation.Place;
import org.junit.jupiter.api.Test;

class NavigationTest {
    private final Navigation nav = new Navigation();

    @Test
    void backAndForwardWalkThePlacesVisitedAndANewVisitDropsWhatWasAhead() {
        Place events = new Place(Section.EVENTS, null, "");
        Place flow = new Place(Section.FLOWS, "evt-1", "");
        Place aggregate = new Place(Section.AGGREGATES, "order-1", "");
        nav.visit(events);
        nav.visit(flow);
        nav.visit(aggregate);
        assertThat(nav.back()).contains(flow);
        assertThat(nav.back()).contains(events);
        assertThat(nav.back()).isEmpty();
        assertThat(nav.canGoBackProperty().get()).isFalse();
        assertThat(nav.forward()).contains(flow);
        assertThat(nav.canGoForwardProperty().get()).isTrue();

        Place replay = new Place(Section.REPLAY, null, "");
        nav.visit(replay);
        assertThat(nav.canGoForwardProperty().get()).as("a new place drops what was ahead").isFalse();
        assertThat(nav.back()).contains(flow);
    }

    @Test
    void anotherRowInTheSameViewUpdatesThePlaceInsteadOfPushingOne() {
        nav.visit(new Place(Section.EVENTS, null, ""));
        nav.update(new Place(Section.EVENTS, "e1", ""));
        nav.update(new Place(Section.EVENTS, "e2", ""));
        nav.visit(new Place(Section.FLOWS, "e2", ""));
        assertThat(nav.back()).contains(new Place(Section.EVENTS, "e2", ""));
        assertThat(nav.back()).isEmpty();
    }

    @Test
    void atMostTheLimitIsKeptBehind() {
        for (int i = 0; i < Navigation.LIMIT + 20; i++) {
            nav.visit(new Place(Section.FLOWS, "e" + i, ""));
        }
        int steps = 0;
        while (nav.back().isPresent()) {
            steps++;
        }
        assertThat(steps).isEqualTo(Navigation.LIMIT);
    }

    @Test
    void leavingForALinkInTheSameViewKeepsTheCurrentPlaceBehind() {
        nav.visit(new Place(Section.FLOWS, "e1", ""));
        nav.leave();
        nav.update(new Place(Section.FLOWS, "e9", ""));
        assertThat(nav.back()).contains(new Place(Section.FLOWS, "e1", ""));
        assertThat(nav.forward()).contains(new Place(Section.FLOWS, "e9", ""));
    }
}

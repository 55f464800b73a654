package eventlens.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import eventlens.replay.bus.EventBus;
import eventlens.replay.bus.HandlerOutcome;
import eventlens.replay.bus.Middleware;
import eventlens.replay.bus.Subscription;
import eventlens.replay.bus.TopicPattern;
import eventlens.replay.bus.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBusTest {
    static Event event(String type) {
        return new Event(0, "id-" + type, type, null, Instant.parse("2024-01-15T10:00:00Z"), null, null, null, null, null,
                "{}", null, "{}", null);
    }

    @Test
    void starMatchesOneSegmentAndHashAnyDepth() {
        assertThat(TopicPattern.of("order.*").matches("order.created")).isTrue();
        assertThat(TopicPattern.of("order.*").matches("order.payment.failed")).isFalse();
        assertThat(TopicPattern.of("order.*").matches("order")).isFalse();
        assertThat(TopicPattern.of("order.#").matches("order.payment.failed")).isTrue();
        assertThat(TopicPattern.of("order.#").matches("order")).isTrue();
        assertThat(TopicPattern.of("order.#").matches("orders.created")).isFalse();
        assertThat(TopicPattern.of("#").matches("anything.at.all")).isTrue();
        assertThat(TopicPattern.of("#.failed").matches("payment.failed")).isTrue();
        assertThat(TopicPattern.of("*.created").matches("order.created")).isTrue();
        assertThat(TopicPattern.of("order.created").matches("order.created")).isTrue();
        assertThat(TopicPattern.of("order.created").matches("order.createdx")).isFalse();
    }

    @Test
    void dispatchFollowsSubscriptionOrderAndUnsubscribeStopsDelivery() {
        EventBus bus = new EventBus();
        List<String> seen = new ArrayList<>();
        bus.subscribe("#", "all", e -> seen.add("all"));
        Subscription exact = bus.subscribe("order.created", "exact", e -> seen.add("exact"));
        bus.subscribe("order.*", "star", e -> seen.add("star"));
        bus.subscribe("payment.*", "other", e -> seen.add("other"));

        bus.deliver(event("order.created"));
        assertThat(seen).containsExactly("all", "exact", "star");

        seen.clear();
        assertThat(bus.unsubscribe(exact)).isTrue();
        bus.deliver(event("order.created"));
        assertThat(seen).containsExactly("all", "star");
    }

    @Test
    void aThrowingHandlerDoesNotStopTheOthersAndMiddlewareWrapsEachDelivery() {
        EventBus bus = new EventBus();
        List<String> seen = new ArrayList<>();
        bus.use(new Middleware() {
            @Override
            public void before(Event e, Subscription s) {
                seen.add("before " + s.name());
            }

            @Override
            public void after(Event e, Subscription s, Throwable error) {
                seen.add("after " + s.name() + (error == null ? "" : " failed"));
            }
        });
        bus.subscribe("#", "boom", e -> {
            throw new IllegalStateException("boom");
        });
        bus.subscribe("#", "fine", e -> seen.add("fine"));

        List<HandlerOutcome> outcomes = bus.deliver(event("x"));

        assertThat(outcomes).extracting(HandlerOutcome::succeeded).containsExactly(false, true);
        assertThat(seen).containsExactly("before boom", "after boom failed", "before fine", "fine", "after fine");
    }

    @Test
    void virtualClockFollowsEventsAndNeverGoesBack() {
        VirtualClock clock = new VirtualClock(Instant.parse("2024-01-15T10:00:00Z"));
        clock.advanceTo(Instant.parse("2024-01-15T10:00:05Z"));
        clock.advanceTo(Instant.parse("2024-01-15T10:00:01Z"));
        clock.advanceTo(null);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-01-15T10:00:05Z"));
        clock.advanceBy(Duration.ofHours(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-01-15T11:00:05Z"));
    }
}

package eventlens.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.links.DetailField;
import eventlens.app.events.EventDetailViewModel;
import eventlens.app.work.ManualWork;
import eventlens.model.Event;
import eventlens.model.Origin;
import eventlens.model.store.ProjectStore.DeliveryCount;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the detail pane lists for the events the Replay view selects, with the store's answers arriving late. */
class ReplaySelectionTest {
    private final ManualWork work = new ManualWork();
    private final EventDetailViewModel detail = new EventDetailViewModel(work);
    private final ReplaySelection selection = new ReplaySelection(detail);

    ReplaySelectionTest() {
        detail.setDeliveries(id -> id.startsWith("rpl-") ? new DeliveryCount(0, false) : new DeliveryCount(1, false));
    }

    @Test
    void aRecordedEventSelectedTwiceBeforeTheCountArrivesHasOneDeliveriesRow() {
        Event recorded = event("evt-1", new Origin("orders.jsonl", 7, "json"), 42);
        selection.select(recorded, true);
        selection.select(recorded, true);
        work.runAll();
        assertThat(names(detail.fields())).containsOnlyOnce("Deliveries").contains("Position");
        assertThat(value(detail.fields(), "Position")).isEqualTo("42");
    }

    @Test
    void anEventThePublishedRunHasNoPositionAndNoDeliveriesAndSaysWhereItCameFrom() {
        Event published = event("rpl-1", new Origin("replay", 0, "replay"), 0);
        selection.select(published, false);
        work.runAll();
        assertThat(names(detail.fields())).doesNotContain("Position", "Deliveries");
        assertThat(value(detail.fields(), "Origin")).contains("published by the replay run");
        assertThat(selection.recordedProperty().get()).isFalse();
    }

    @Test
    void anEventWhoseTextsAreStillInTheStoreHasThemReadInTheBackgroundNotByTheFxThread() {
        Thread[] readBy = {null};
        Event later = Event.withTexts(42, "evt-2", "payment.failed", "svc", Instant.parse("2024-01-15T10:00:00Z"),
                "Payment", "pay-1", null, "corr", "cause", new Origin("orders.jsonl", 8, "json"), () -> {
                    readBy[0] = Thread.currentThread();
                    return new Event.Texts("{\"amount\":2}", "{}", "{\"data\":{\"amount\":2}}");
                });
        selection.select(later, true);
        assertThat(readBy[0]).as("not read by show()").isNull();
        assertThat(detail.dataProperty().get()).isEmpty();
        assertThat(detail.titleProperty().get()).isEqualTo("payment.failed");
        work.runAll();
        assertThat(readBy[0]).isNotNull();
        assertThat(detail.dataProperty().get()).contains("\"amount\" : 2");
        assertThat(detail.rawProperty().get()).isEqualTo("{\"data\":{\"amount\":2}}");
        assertThat(value(detail.fields(), "Position")).isEqualTo("42");
        assertThat(names(detail.fields())).containsOnlyOnce("Deliveries");
    }

    private static Event event(String id, Origin origin, long position) {
        return new Event(position, id, "payment.failed", "svc", Instant.parse("2024-01-15T10:00:00Z"), "Payment", "pay-1",
                null, "corr", "cause", "{\"amount\":1}", "{}", "{}", origin);
    }

    private static List<String> names(List<DetailField> fields) {
        return fields.stream().map(DetailField::name).toList();
    }

    private static String value(List<DetailField> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().value();
    }
}

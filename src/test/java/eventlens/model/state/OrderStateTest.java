package eventlens.model.state;

import static eventlens.model.state.AggregateFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An order: created → paid → shipped → delivered, interleaved with another order. */
class OrderStateTest {
    static final String ORDER = "order-7";
    static final Event CREATED = event(ORDER, "Order", "order.created", 1L, "2024-03-01T10:00:00Z",
            "{\"orderId\":\"order-7\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}],\"total\":40,\"status\":\"created\"}");
    static final Event PAID = event(ORDER, "Order", "order.paid", 2L, "2024-03-01T10:05:00Z",
            "{\"status\":\"paid\",\"payment\":{\"method\":\"card\",\"amount\":40}}");
    static final Event SHIPPED = event(ORDER, "Order", "order.shipped", 3L, "2024-03-02T08:00:00Z",
            "{\"status\":\"shipped\",\"shipment\":{\"carrier\":\"DHL\",\"tracking\":\"T-1\"}}");
    static final Event DELIVERED = event(ORDER, "Order", "order.delivered", 4L, "2024-03-03T17:30:00Z",
            "{\"status\":\"delivered\",\"shipment\":{\"tracking\":null,\"deliveredTo\":\"front door\"}}");
    static final Event OTHER = event("order-8", "Order", "order.created", 1L, "2024-03-01T10:01:00Z",
            "{\"orderId\":\"order-8\",\"status\":\"created\"}");

    @TempDir
    Path dir;
    AggregateFixture fixture;
    StateAt states;

    @BeforeEach
    void given() {
        fixture = AggregateFixture.in(dir).given(CREATED, OTHER, PAID, SHIPPED, DELIVERED);
        states = fixture.states();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @ParameterizedTest(name = "version {0} → {1}")
    @CsvSource({"1, created", "2, paid", "3, shipped", "4, delivered"})
    void statusAtEveryVersion(long version, String status) {
        assertThat(states.atVersion(ORDER, version).orElseThrow().data().get("status").asText()).isEqualTo(status);
    }

    @ParameterizedTest(name = "at {0} → {1}")
    @CsvSource({"2024-03-01T10:02:00Z, created", "2024-03-01T12:00:00Z, paid", "2024-03-02T23:59:59Z, shipped",
        "2024-03-04T00:00:00Z, delivered"})
    void statusAtTimesBetweenEvents(String time, String status) {
        assertThat(states.atTime(ORDER, Instant.parse(time)).orElseThrow().data().get("status").asText()).isEqualTo(status);
    }

    @Test
    void deliveryMergesIntoTheShipmentAndRemovesTheTrackingNumber() {
        AggregateState s = states.latest(ORDER).orElseThrow();
        assertThat(s.data().get("shipment")).isEqualTo(MergePatchTest.json("{\"carrier\":\"DHL\",\"deliveredTo\":\"front door\"}"));
        assertThat(s.data().get("items").get(0).get("sku").asText()).isEqualTo("SKU-1");
        assertThat(s.meta().eventCount()).isEqualTo(4);
    }

    @Test
    void diffFromPaidToDelivered() {
        List<Change> changes = JsonDiff.diff(states.atVersion(ORDER, 2).orElseThrow().data(),
                states.atVersion(ORDER, 4).orElseThrow().data());
        assertThat(changes).extracting(c -> c.kind() + " " + c.path())
                .containsExactly("CHANGED status", "ADDED shipment");
        assertThat(changes.get(1).after().get("deliveredTo").asText()).isEqualTo("front door");
    }

    @Test
    void whoChangedStatusAndANestedField() {
        WhoChanged who = new WhoChanged(states);
        assertThat(who.of(ORDER, JsonPath.parse("status"))).extracting(c -> c.after().asText())
                .containsExactly("created", "paid", "shipped", "delivered");
        List<FieldChange> tracking = who.of(ORDER, JsonPath.parse("shipment.tracking"));
        assertThat(tracking).extracting(c -> c.event().type() + " " + c.kind())
                .containsExactly("order.shipped ADDED", "order.delivered REMOVED");
        assertThat(who.of(ORDER, JsonPath.parse("/items/0/sku"))).singleElement()
                .satisfies(c -> assertThat(c.event().id()).isEqualTo(CREATED.id()));
    }

    @Test
    void theAggregateListShowsBothOrders() {
        AggregateList list = new AggregateList(states);
        var page = list.page("Order", null, null, 10);
        assertThat(page).extracting(s -> s.aggregateId() + " " + s.events() + " v" + s.currentVersion())
                .containsExactly("order-7 4 v4", "order-8 1 v1");
        assertThat(page.get(0).firstTime()).isEqualTo(CREATED.time());
        assertThat(page.get(0).lastTime()).isEqualTo(DELIVERED.time());
        assertThat(list.page("Order", null, "order-7", 10)).extracting(s -> s.aggregateId()).containsExactly("order-8");
        assertThat(list.page("Account", null, null, 10)).isEmpty();
        assertThat(list.page(null, "-8", null, 10)).extracting(s -> s.aggregateId()).containsExactly("order-8");
    }

    @Test
    void theSystemViewShowsEveryOrderAtOneMoment() {
        var rows = new AggregateList(states).statesAt("Order", null, Instant.parse("2024-03-01T10:00:30Z"), null, 10);
        assertThat(rows).extracting(r -> r.summary().aggregateId() + " " + r.state().meta().eventCount())
                .containsExactly("order-7 1", "order-8 0");
    }
}

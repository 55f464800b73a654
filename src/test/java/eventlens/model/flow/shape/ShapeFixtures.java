package eventlens.model.flow.shape;

import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made order flows: {@code step(id, type, millis, cause)} in time order. */
final class ShapeFixtures {
    static final Instant T0 = Instant.parse("2024-01-15T10:00:00Z");

    private final String correlation;
    private final List<Event> events = new ArrayList<>();

    private ShapeFixtures(String correlation) {
        this.correlation = correlation;
    }

    static ShapeFixtures flow(String correlation) {
        return new ShapeFixtures(correlation);
    }

    ShapeFixtures step(String id, String type, long millis, String cause) {
        events.add(new Event(events.size() + 1, id, type, "s", T0.plusMillis(millis), null, null, null, correlation,
                cause, null, null, "{}", null));
        return this;
    }

    CausalGraph graph() {
        return CausalGraph.build(events);
    }

    FlowSteps steps() {
        return FlowSteps.of(graph());
    }

    /** created → reserved → paid → shipped, each hop {@code hopMillis} long. */
    static FlowSteps happy(String c, long hopMillis) {
        return flow(c).step(c, "order.created", 0, null).step(c + "-r", "inventory.reserved", hopMillis, c)
                .step(c + "-p", "payment.paid", 2 * hopMillis, c + "-r")
                .step(c + "-s", "order.shipped", 3 * hopMillis, c + "-p").steps();
    }

    /** created → reserved → payment.failed → order.cancelled. */
    static FlowSteps failed(String c, long hopMillis) {
        return flow(c).step(c, "order.created", 0, null).step(c + "-r", "inventory.reserved", hopMillis, c)
                .step(c + "-f", "payment.failed", 2 * hopMillis, c + "-r")
                .step(c + "-x", "order.cancelled", 3 * hopMillis, c + "-f").steps();
    }
}

package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowTimesTest {
    private static final Instant T0 = Instant.parse("2024-01-15T10:00:00Z");

    private static Event event(String id, String cause, long millis, String metadata) {
        return new Event(0, id, "t", "s", T0.plusMillis(millis), null, null, null, "c", cause, "{}", metadata, "{}", null);
    }

    @Test
    void aSpansBarIsItsDurationAnEventsTheWaitForItsFirstEffect() {
        CausalGraph g = CausalGraph.build(List.of(
                event("root", null, 0, null),
                event("child", "root", 40, "{\"span\":{\"durationMicros\":250000}}"),
                event("grandchild", "child", 100, "{\"span\":{\"durationMicros\":-3}}")));
        FlowTimes times = FlowTimes.of(g);
        int root = g.node("root").orElseThrow().index();
        int child = g.node("child").orElseThrow().index();
        int grandchild = g.node("grandchild").orElseThrow().index();
        assertThat(times.firstEffect(root)).isEqualTo(40.0);
        assertThat(times.firstEffect(child)).as("the span's own 250 ms, not the 60 ms to its effect").isEqualTo(250.0);
        assertThat(times.firstEffect(grandchild)).as("a negative duration is no duration").isNaN();
        assertThat(times.cause(child)).isEqualTo(root);
        assertThat(times.cause(root)).isEqualTo(-1);
    }
}

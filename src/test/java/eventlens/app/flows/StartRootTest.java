package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.CollapsedFlow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the flow graph opens (given roots alone and roots with effects) and how its boxes fit long types. */
class StartRootTest {
    static Event event(int position, String type, String causation) {
        return new Event(position, "e" + position, type, "s", Instant.parse("2024-01-15T10:00:00Z").plusSeconds(position),
                null, null, null, "c", causation, null, null, "{}", null);
    }

    static String typeOfStart(List<Event> events) {
        CollapsedFlow flow = LoadedFlow.of("c", CausalGraph.build(events)).collapsed();
        return flow.nodes().get(FlowGraphView.startRoot(flow)).type();
    }

    @Test
    void givenALoneFirstRoot_thenTheGraphOpensOnTheFirstRootThatCausedSomething() {
        assertThat(typeOfStart(List.of(event(1, "WorkflowExecutionStarted", null),
                event(2, "WorkflowTaskScheduled", null), event(3, "WorkflowTaskStarted", "e2"))))
                .isEqualTo("WorkflowTaskScheduled");
    }

    @Test
    void givenRootsAllAlone_thenTheFirst() {
        assertThat(typeOfStart(List.of(event(1, "a", null), event(2, "b", null)))).isEqualTo("a");
        assertThat(typeOfStart(List.of(event(1, "a", null), event(2, "b", "e1")))).isEqualTo("a");
    }

    @Test
    void givenATypeLongerThanABox_thenItKeepsItsStartAndEndAroundAnEllipsis() {
        assertThat(FlowGraphView.boxed("order.payment.failed")).isEqualTo("order.payment.failed");
        String boxed = FlowGraphView.boxed("WorkflowExecutionUpdateAccepted");
        assertThat(boxed).hasSize(FlowGraphView.BOX_CHARS).isEqualTo("WorkflowExe…UpdateAccepted");
        assertThat(FlowGraphView.boxed("x".repeat(FlowGraphView.BOX_CHARS))).doesNotContain("…");
    }
}

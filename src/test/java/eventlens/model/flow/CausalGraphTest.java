package eventlens.model.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CausalGraphTest {
    private static List<String> ids(CausalGraph g, List<Integer> indexes) {
        return indexes.stream().map(i -> g.node(i).id()).toList();
    }

    @Test
    void rootHasNoCauseAndChildrenComeInTimeOrder() {
        CausalGraph g = new Events()
                .add("a", "order.created", "orders", 0L, null)
                .add("c", "email.sent", "email", 30L, "a")
                .add("b", "stock.reserved", "stock", 10L, "a")
                .add("d", "stock.shipped", "stock", 50L, "b")
                .graph();
        assertThat(ids(g, g.roots())).containsExactly("a");
        assertThat(ids(g, g.node("a").orElseThrow().children())).containsExactly("b", "c");
        assertThat(g.node("d").orElseThrow().depth()).isEqualTo(2);
        assertThat(g.node("d").orElseThrow().latencyMicros()).isEqualTo(40_000L);
        assertThat(g.edges()).hasSize(3).allSatisfy(e -> assertThat(e.skewed()).isFalse());
        assertThat(g.anomalies()).isEmpty();
        assertThat(g.stats().maxDepth()).isEqualTo(2);
        assertThat(g.stats().maxFanOut()).isEqualTo(2);
        assertThat(g.stats().duration().toMillis()).isEqualTo(50);
    }

    @Test
    void orphanEventBecomesRootAndIsFlaggedWithItsMissingCause() {
        CausalGraph g = new Events()
                .add("a", "order.created", "orders", 0L, null)
                .add("x", "payment.processed", "payments", 5L, "gone")
                .add("y", "receipt.sent", "email", 9L, "x")
                .graph();
        FlowNode x = g.node("x").orElseThrow();
        assertThat(x.isRoot()).isTrue();
        assertThat(x.has(AnomalyKind.ORPHAN)).isTrue();
        assertThat(x.missingCauseId()).isEqualTo("gone");
        assertThat(ids(g, g.roots())).containsExactly("a", "x");
        assertThat(g.node("y").orElseThrow().has(AnomalyKind.ORPHAN)).isFalse();
        assertThat(g.anomalies()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AnomalyKind.ORPHAN);
            assertThat(a.relatedId()).isEqualTo("gone");
        });
    }

    @Test
    void twoEventCycleIsCutAtItsEarliestEventAndBothAreFlagged() {
        CausalGraph g = new Events()
                .add("a", "ping", "s", 0L, "b")
                .add("b", "pong", "s", 10L, "a")
                .add("c", "after", "s", 20L, "b")
                .graph();
        assertThat(ids(g, g.roots())).containsExactly("a");
        assertThat(g.node("a").orElseThrow().has(AnomalyKind.CYCLE)).isTrue();
        assertThat(g.node("b").orElseThrow().has(AnomalyKind.CYCLE)).isTrue();
        assertThat(g.node("c").orElseThrow().has(AnomalyKind.CYCLE)).isFalse();
        assertThat(g.node("c").orElseThrow().depth()).isEqualTo(2);
        assertThat(g.anomalies()).extracting(Anomaly::kind).containsOnly(AnomalyKind.CYCLE).hasSize(2);
        assertThat(g.anomalies()).filteredOn(a -> a.eventId().equals("a")).singleElement()
                .satisfies(a -> assertThat(a.relatedId()).isEqualTo("b"));
    }

    @Test
    void selfCauseIsACycleOfOne() {
        CausalGraph g = new Events().add("a", "loop", "s", 0L, "a").graph();
        FlowNode a = g.node("a").orElseThrow();
        assertThat(a.isRoot()).isTrue();
        assertThat(a.has(AnomalyKind.CYCLE)).isTrue();
        assertThat(a.has(AnomalyKind.ORPHAN)).isFalse();
        assertThat(g.anomalies()).singleElement().satisfies(an -> assertThat(an.detail()).contains("itself"));
    }

    @Test
    void cycleReachedThroughATailTerminatesAndOnlyFlagsItsMembers() {
        // d -> c -> b -> a -> c : a loop of three with a tail d
        CausalGraph g = new Events()
                .add("a", "t", "s", 30L, "c")
                .add("b", "t", "s", 10L, "a")
                .add("c", "t", "s", 20L, "b")
                .add("d", "t", "s", 40L, "c")
                .graph();
        assertThat(ids(g, g.roots())).containsExactly("b");
        assertThat(g.nodes()).filteredOn(n -> n.has(AnomalyKind.CYCLE)).extracting(FlowNode::id)
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThat(g.node("d").orElseThrow().depth()).isEqualTo(2);
    }

    @Test
    void duplicateIdIsShownOnceWithItsDeliveryCount() {
        CausalGraph g = new Events()
                .add("a", "order.created", "orders", 0L, null)
                .add("b", "stock.reserved", "stock", 10L, "a", "{\"n\":1}")
                .add("b", "stock.reserved", "stock", 10L, "a", "{\"n\":1}")
                .add("b", "stock.reserved", "stock", 10L, "a", "{\"n\":1}")
                .graph();
        assertThat(g.size()).isEqualTo(2);
        FlowNode b = g.node("b").orElseThrow();
        assertThat(b.deliveries()).isEqualTo(3);
        assertThat(b.conflicting()).isFalse();
        assertThat(b.has(AnomalyKind.DUPLICATE)).isTrue();
        assertThat(g.copies("b")).hasSize(1);
    }

    @Test
    void conflictingDuplicateKeepsEachDifferentCopyForSideBySide() {
        CausalGraph g = new Events()
                .add("a", "order.created", "orders", 0L, null, "{\"total\":10}")
                .add("a", "order.created", "orders", 0L, null, "{\"total\":99}")
                .graph();
        FlowNode a = g.node("a").orElseThrow();
        assertThat(a.has(AnomalyKind.CONFLICTING_DUPLICATE)).isTrue();
        assertThat(a.has(AnomalyKind.DUPLICATE)).isFalse();
        assertThat(g.copies("a")).extracting(e -> e.data()).containsExactly("{\"total\":10}", "{\"total\":99}");
    }

    @Test
    void deliveryCountsFromTheStoreFlagDuplicates() {
        CausalGraph g = CausalGraph.build(new Events().add("a", "t", "s", 0L, null).add("b", "t", "s", 1L, "a").list(),
                new FlowFacts(Map.of("a", 2, "b", 4), Set.of("b"), Set.of(), false));
        assertThat(g.node("a").orElseThrow().has(AnomalyKind.DUPLICATE)).isTrue();
        assertThat(g.node("b").orElseThrow().has(AnomalyKind.CONFLICTING_DUPLICATE)).isTrue();
        assertThat(g.node("b").orElseThrow().deliveries()).isEqualTo(4);
    }

    @Test
    void effectStampedBeforeItsCauseKeepsItsTimeAndIsFlaggedAsSkew() {
        CausalGraph g = new Events()
                .add("a", "order.created", "orders", 100L, null)
                .add("b", "payment.processed", "payments", 60L, "a")
                .graph();
        FlowNode b = g.node("b").orElseThrow();
        assertThat(b.event().time()).isEqualTo(Events.T0.plusMillis(60));
        assertThat(b.latencyMicros()).isEqualTo(-40_000L);
        assertThat(b.has(AnomalyKind.CLOCK_SKEW)).isTrue();
        assertThat(b.parent()).isEqualTo(g.node("a").orElseThrow().index());
        assertThat(g.edges()).singleElement().satisfies(e -> assertThat(e.skewed()).isTrue());
        assertThat(g.anomalies()).singleElement().satisfies(a -> assertThat(a.detail()).contains("40 ms"));
    }

    @Test
    void deepChainIsFlaggedOnceAtTheThreshold() {
        Events e = new Events();
        for (int i = 0; i < 30; i++) {
            e.add("e" + i, "step", "s", (long) i, i == 0 ? null : "e" + (i - 1));
        }
        CausalGraph g = e.graph();
        assertThat(g.stats().maxDepth()).isEqualTo(29);
        assertThat(g.anomalies()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AnomalyKind.TOO_DEEP);
            assertThat(a.eventId()).isEqualTo("e" + CausalGraph.TOO_DEEP);
        });
    }

    @Test
    void explosiveFanOutIsFlaggedOnTheCause() {
        CausalGraph small = CausalGraph.build(Events.tree(CausalGraph.EXPLOSIVE_FAN_OUT, 1000));
        assertThat(small.anomalies()).isEmpty();
        CausalGraph big = CausalGraph.build(Events.tree(CausalGraph.EXPLOSIVE_FAN_OUT + 1, 1000));
        assertThat(big.anomalies()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AnomalyKind.EXPLOSIVE_FAN_OUT);
            assertThat(a.eventId()).isEqualTo("e0");
        });
        assertThat(big.stats().maxFanOut()).isEqualTo(CausalGraph.EXPLOSIVE_FAN_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"payment.failed", "PaymentFailed", "payment_failed", "order.rejected", "OrderRejected",
        "job.error", "charge.timed-out", "ChargeTimedOut", "handler.failure", "saga.aborted"})
    void failureTypesAreRecognised(String type) {
        assertThat(FailureTypes.isFailure(type)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"order.cancelled", "inventory.released", "payment.processed", "failed.payment.retried",
        "errors.cleared", "", "Refunded"})
    void outcomesThatAreNotFailuresAreNotMarked(String type) {
        assertThat(FailureTypes.isFailure(type)).isFalse();
    }

    @Test
    void aTraceSpanWithAnErrorStatusIsAFailureWhateverItsName() {
        String error = "{\"span\":{\"durationMicros\":5,\"status\":{\"code\":\"ERROR\",\"message\":\"timeout\"}}}";
        String ok = "{\"span\":{\"status\":{\"code\":\"OK\"}},\"note\":\"ERROR\"}";
        java.util.List<eventlens.model.Event> spans = java.util.List.of(
                new eventlens.model.Event(1, "t:1", "GET /orders", "api", Events.T0, null, null, null, "t", null, "{}", ok, "{}", null),
                new eventlens.model.Event(2, "t:2", "SELECT orders", "db", Events.T0, null, null, null, "t", "t:1", "{}", error, "{}", null));
        CausalGraph g = CausalGraph.build(spans);
        assertThat(g.node("t:2")).hasValueSatisfying(n -> assertThat(n.failed()).isTrue());
        assertThat(g.node("t:1")).hasValueSatisfying(n -> assertThat(n.failed()).as("OK, and ERROR elsewhere").isFalse());
        assertThat(g.stats().failures()).isEqualTo(1);
        assertThat(FailureTypes.isFailedSpan(null)).isFalse();
        assertThat(FailureTypes.isFailedSpan("not json \"ERROR\"")).isFalse();
    }

    @Test
    void failedTypesAndDeadLetteredEventsAreFailures() {
        List<eventlens.model.Event> events = new Events()
                .add("a", "order.verified", "orders", 0L, null)
                .add("b", "payment.failed", "payments", 5L, "a")
                .add("c", "order.cancelled", "orders", 9L, "b")
                .list();
        CausalGraph g = CausalGraph.build(events, new FlowFacts(Map.of(), Set.of(), Set.of("a"), false));
        assertThat(ids(g, g.failures())).containsExactly("a", "b");
        assertThat(g.node("a").orElseThrow().deadLettered()).isTrue();
        assertThat(g.node("b").orElseThrow().deadLettered()).isFalse();
        assertThat(g.stats().failures()).isEqualTo(2);
        assertThat(g.anomalies()).isEmpty();
    }

    @Test
    void criticalPathIsTheChainWithTheLargestTotalLatency() {
        CausalGraph g = new Events()
                .add("a", "root", "s", 0L, null)
                .add("b", "fast", "s", 10L, "a")
                .add("c", "fast.end", "s", 20L, "b")
                .add("d", "slow", "s", 15L, "a")
                .add("e", "slow.end", "s", 500L, "d")
                .add("f", "mid", "s", 400L, "b")
                .graph();
        assertThat(ids(g, g.criticalPath())).containsExactly("a", "d", "e");
        assertThat(g.stats().criticalPathMicros()).isEqualTo(500_000L);
    }

    @Test
    void criticalPathTieGoesToTheEarliestLeaf() {
        CausalGraph g = new Events()
                .add("a", "root", "s", 0L, null)
                .add("b", "x", "s", 10L, "a")
                .add("c", "y", "s", 10L, "a")
                .graph();
        assertThat(ids(g, g.criticalPath())).containsExactly("a", "b");
    }

    @Test
    void lanesAreTheSourcesInFirstSeenOrder() {
        CausalGraph g = new Events()
                .add("a", "t", "orders", 0L, null)
                .add("b", "t", "payments", 1L, "a")
                .add("c", "t", "orders", 2L, "b")
                .add("d", "t", null, 3L, "c")
                .graph();
        assertThat(g.lanes()).containsExactly("orders", "payments", CausalGraph.NO_SOURCE);
        assertThat(g.node("c").orElseThrow().lane()).isZero();
        assertThat(g.node("d").orElseThrow().lane()).isEqualTo(2);
    }

    @Test
    void eventsWithoutTimesComeLastAndHaveUnknownLatency() {
        CausalGraph g = new Events()
                .add("a", "t", "s", null, null)
                .add("b", "t", "s", 5L, null)
                .add("c", "t", "s", null, "b")
                .graph();
        assertThat(g.nodes()).extracting(FlowNode::id).containsExactly("b", "a", "c");
        assertThat(g.node("c").orElseThrow().latencyMicros()).isNull();
        assertThat(g.anomalies()).isEmpty();
        assertThat(g.stats().duration()).isZero();
    }

    @Test
    void aChainOfOneHundredThousandEventsNeedsNoRecursion() {
        Events e = new Events();
        for (int i = 0; i < 100_000; i++) {
            e.add("e" + i, "step", "s", (long) i, i == 0 ? null : "e" + (i - 1));
        }
        CausalGraph g = e.graph();
        assertThat(g.stats().maxDepth()).isEqualTo(99_999);
        assertThat(g.criticalPath()).hasSize(100_000);
        FlowLayout layout = new LayeredLayout().layout(CollapsedFlow.of(g));
        assertThat(layout.layers()).isEqualTo(100_000);
        assertThat(eventlens.model.flow.export.TreeText.render(g).length()).isLessThan(100_000 * 200);
    }

    @Test
    void emptyFlowHasNothingAndNoCriticalPath() {
        CausalGraph g = CausalGraph.build(List.of());
        assertThat(g.size()).isZero();
        assertThat(g.criticalPath()).isEmpty();
        assertThat(new LayeredLayout().layout(CollapsedFlow.of(g)).layers()).isZero();
    }
}

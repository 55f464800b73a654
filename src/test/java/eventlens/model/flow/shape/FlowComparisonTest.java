package eventlens.model.flow.shape;

import static eventlens.model.flow.shape.ShapeFixtures.failed;
import static eventlens.model.flow.shape.ShapeFixtures.flow;
import static eventlens.model.flow.shape.ShapeFixtures.happy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowComparisonTest {
    private static FlowShape shape(FlowSteps... more) {
        ShapeBuilder b = new ShapeBuilder("order.created");
        for (int i = 1; i <= 20; i++) {
            b.add(happy("h" + i, 10 + i)); // hops of 11 … 30 ms: p95 29 ms, p50 20 ms
        }
        for (FlowSteps f : more) {
            b.add(f);
        }
        return b.build();
    }

    @Test
    void aFailedOrderMissedPaymentAndShippingAndTookTheFailureSteps() {
        FlowSteps f = failed("f1", 12);
        FlowComparison c = FlowComparison.withTypical(f, shape(f));
        assertThat(c.reference()).isEqualTo(FlowComparison.TYPICAL);
        assertThat(c.missed()).extracting(FlowComparison.Missed::type).containsExactly("payment.paid", "order.shipped");
        assertThat(c.missed().get(0).reach()).isEqualTo(20.0 / 21);
        assertThat(c.extra()).extracting(FlowComparison.Extra::type).containsExactly("payment.failed", "order.cancelled");
        assertThat(c.extra().get(0).eventIds()).containsExactly("f1-f");
        assertThat(c.slow()).isEmpty();
        assertThat(c.variant().rank()).isEqualTo(2);
        assertThat(c.typical().rank()).isEqualTo(1);
        assertThat(c.same()).isFalse();
    }

    @Test
    void hopsSlowerThanTheirEdgesP95AreListedWithTheTypicalMedian() {
        FlowSteps slow = flow("s").step("s", "order.created", 0, null).step("s-r", "inventory.reserved", 15, "s")
                .step("s-p", "payment.paid", 15 + 900, "s-r").step("s-s", "order.shipped", 15 + 900 + 20, "s-p").steps();
        FlowComparison c = FlowComparison.withTypical(slow, shape(slow));
        assertThat(c.missed()).isEmpty();
        assertThat(c.extra()).isEmpty();
        assertThat(c.slow()).hasSize(1);
        FlowComparison.SlowHop hop = c.slow().get(0);
        assertThat(hop.hop().to()).isEqualTo("payment.paid");
        assertThat(hop.hop().latencyMicros()).isEqualTo(900_000);
        assertThat(hop.p95Micros()).isEqualTo(30_000); // rank 20 of 21: 11…30 and 900
        assertThat(hop.p50Micros()).isEqualTo(21_000);
        assertThat(hop.referenceMicros()).isEqualTo(21_000);
        assertThat(hop.hop().effectId()).isEqualTo("s-p");
    }

    @Test
    void theTypicalFlowItselfIsTheSame() {
        FlowShape shape = shape();
        assertThat(FlowComparison.withTypical(happy("h3", 13), shape).same()).isTrue();
    }

    @Test
    void againstAnotherFlowStepsAreSetSideBySideAndItsLatencyIsTheReference() {
        FlowSteps f = failed("f1", 40);
        FlowSteps other = happy("h1", 11);
        FlowComparison c = FlowComparison.withFlow(f, other, shape(f));
        assertThat(c.reference()).isEqualTo("h1");
        assertThat(c.missed()).extracting(FlowComparison.Missed::type).containsExactly("payment.paid", "order.shipped");
        assertThat(c.extra()).extracting(FlowComparison.Extra::type).containsExactly("payment.failed", "order.cancelled");
        assertThat(c.slow()).extracting(s -> s.hop().to()).containsExactly("inventory.reserved");
        assertThat(c.slow().get(0).referenceMicros()).isEqualTo(11_000);
    }
}

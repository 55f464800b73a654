package eventlens.model.flow.shape;

import static eventlens.model.flow.shape.ShapeFixtures.failed;
import static eventlens.model.flow.shape.ShapeFixtures.flow;
import static eventlens.model.flow.shape.ShapeFixtures.happy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeBuilderTest {
    private static FlowShape orders() {
        ShapeBuilder b = new ShapeBuilder("order.created");
        for (int i = 1; i <= 18; i++) {
            b.add(happy("h" + i, i * 10L)); // hops of 10, 20 … 180 ms
        }
        b.add(failed("f1", 50));
        b.add(failed("f2", 70));
        return b.build();
    }

    @Test
    void edgesCountHopsAndFlowsWithNearestRankPercentiles() {
        FlowShape shape = orders();
        assertThat(shape.flows()).isEqualTo(20);
        FlowShape.Edge paid = shape.edge("inventory.reserved", "payment.paid").orElseThrow();
        assertThat(paid.hops()).isEqualTo(18);
        assertThat(paid.flows()).isEqualTo(18);
        assertThat(paid.p50Micros()).isEqualTo(90_000); // rank 9 of 18
        assertThat(paid.p95Micros()).isEqualTo(180_000); // rank ceil(17.1) = 18
        FlowShape.Edge reserved = shape.edge("order.created", "inventory.reserved").orElseThrow();
        assertThat(reserved.hops()).isEqualTo(20);
        assertThat(reserved.p50Micros()).isEqualTo(80_000); // 10…180 plus 50 and 70: rank 10 is 80
        assertThat(reserved.p95Micros()).isEqualTo(170_000); // rank 19
        assertThat(reserved.examples()).hasSize(20).startsWith("h1", "h2");
        assertThat(shape.edges().get(0)).isEqualTo(reserved);
    }

    @Test
    void reachIsTheShareOfFlowsWithTheStep() {
        FlowShape shape = orders();
        assertThat(shape.steps()).extracting(FlowShape.Step::type).containsExactly("order.created",
                "inventory.reserved", "payment.paid", "order.shipped", "payment.failed", "order.cancelled");
        assertThat(shape.step("order.created").orElseThrow().reach()).isEqualTo(1.0);
        assertThat(shape.step("payment.paid").orElseThrow().reach()).isCloseTo(0.9, within(1e-9));
        assertThat(shape.step("payment.failed").orElseThrow().flows()).isEqualTo(2);
    }

    @Test
    void variantsAreRankedByFrequencyWithTheirStepsAndFlows() {
        FlowShape shape = orders();
        assertThat(shape.variants()).hasSize(2);
        FlowShape.Variant typical = shape.typical().orElseThrow();
        assertThat(typical.rank()).isEqualTo(1);
        assertThat(typical.share()).isCloseTo(0.9, within(1e-9));
        assertThat(typical.path()).isEqualTo("order.created → inventory.reserved → payment.paid → order.shipped");
        assertThat(typical.links()).hasSize(3);
        FlowShape.Variant second = shape.variants().get(1);
        assertThat(second.rank()).isEqualTo(2);
        assertThat(second.flows()).isEqualTo(2);
        assertThat(second.examples()).containsExactly("f1", "f2");
        assertThat(second.path()).endsWith("payment.failed → order.cancelled");
    }

    @Test
    void concurrentBranchesInEitherOrderAndRepeatedHopsAreOneVariant() {
        FlowSteps a = flow("a").step("a", "order.created", 0, null).step("a1", "email.sent", 5, "a")
                .step("a2", "inventory.reserved", 9, "a").steps();
        FlowSteps b = flow("b").step("b", "order.created", 0, null).step("b1", "inventory.reserved", 3, "b")
                .step("b2", "email.sent", 8, "b").step("b3", "email.sent", 9, "b").steps();
        assertThat(a.variant()).isEqualTo(b.variant());
        ShapeBuilder builder = new ShapeBuilder("order.created");
        builder.add(a);
        builder.add(b);
        FlowShape shape = builder.build();
        assertThat(shape.variants()).hasSize(1);
        FlowShape.Edge email = shape.edge("order.created", "email.sent").orElseThrow();
        assertThat(email.hops()).isEqualTo(3);
        assertThat(email.flows()).isEqualTo(2);
    }

    @Test
    void anEventWithoutACauseFollowsThePreviousEventByTimeOrder() {
        FlowSteps f = flow("c").step("c", "order.created", 0, null).step("c1", "payment.paid", 40, "c")
                .step("c2", "audit.logged", 100, null).steps();
        assertThat(f.hops()).extracting(FlowSteps.Hop::from, FlowSteps.Hop::to, FlowSteps.Hop::latencyMicros,
                FlowSteps.Hop::inferred).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("order.created", "payment.paid", 40_000L, false),
                        org.assertj.core.groups.Tuple.tuple("payment.paid", "audit.logged", 60_000L, true));
        ShapeBuilder builder = new ShapeBuilder("order.created");
        builder.add(f);
        FlowShape.Edge inferred = builder.build().edge("payment.paid", "audit.logged").orElseThrow();
        assertThat(inferred.allInferred()).isTrue();
        assertThat(f.rootType()).isEqualTo("order.created");
        assertThat(f.correlationId()).isEqualTo("c");
    }

    @Test
    void noFlowsGiveAnEmptyShape() {
        FlowShape shape = new ShapeBuilder("nothing").build();
        assertThat(shape.flows()).isZero();
        assertThat(shape.typical()).isEmpty();
        assertThat(shape.steps()).isEmpty();
    }

    @Test
    void examplesAreBounded() {
        ShapeBuilder b = new ShapeBuilder("order.created");
        for (int i = 0; i < ShapeBuilder.EXAMPLES + 5; i++) {
            b.add(happy("o" + i, 10));
        }
        FlowShape shape = b.build();
        assertThat(shape.typical().orElseThrow().examples()).hasSize(ShapeBuilder.EXAMPLES);
        assertThat(shape.typical().orElseThrow().flows()).isEqualTo(ShapeBuilder.EXAMPLES + 5);
        assertThat(shape.edges()).allSatisfy(e -> assertThat(e.examples()).hasSize(ShapeBuilder.EXAMPLES));
        assertThat(List.of(shape.flows())).containsExactly((long) ShapeBuilder.EXAMPLES + 5);
    }
}

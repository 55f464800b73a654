package eventlens.model.flow.shape;

import static eventlens.model.flow.shape.ShapeFixtures.failed;
import static eventlens.model.flow.shape.ShapeFixtures.flow;
import static eventlens.model.flow.shape.ShapeFixtures.happy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShapeLayoutTest {
    @Test
    void layersAreFewestHopsFromTheRootAndALoopDoesNotPushStepsDown() {
        ShapeBuilder b = new ShapeBuilder("order.created");
        b.add(happy("h", 10));
        b.add(failed("f", 10));
        // a retry: paid → reserved goes back up
        b.add(flow("r").step("r", "order.created", 0, null).step("r1", "inventory.reserved", 1, "r")
                .step("r2", "payment.paid", 2, "r1").step("r3", "inventory.reserved", 3, "r2").steps());
        ShapeLayout layout = ShapeLayout.of(b.build());
        assertThat(layout.layers()).isEqualTo(4);
        assertThat(layout.of("order.created")).containsExactly(0, 0);
        assertThat(layout.of("inventory.reserved")[1]).isEqualTo(ShapeLayout.LAYER_GAP);
        assertThat(layout.of("payment.paid")[1]).isEqualTo(2 * ShapeLayout.LAYER_GAP);
        assertThat(layout.of("payment.failed")[1]).isEqualTo(2 * ShapeLayout.LAYER_GAP);
        // two steps in layer 2, most reached first on the left, centred
        assertThat(layout.of("payment.paid")[0]).isEqualTo(-ShapeLayout.COLUMN_GAP / 2);
        assertThat(layout.of("payment.failed")[0]).isEqualTo(ShapeLayout.COLUMN_GAP / 2);
        assertThat(layout.of("order.shipped")[1]).isEqualTo(3 * ShapeLayout.LAYER_GAP);
        assertThat(layout.of("nope")).isNull();
    }

    @Test
    void anEmptyShapeHasNoLayers() {
        assertThat(ShapeLayout.of(new ShapeBuilder("x").build()).layers()).isZero();
    }
}

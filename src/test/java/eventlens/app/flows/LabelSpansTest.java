package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelSpansTest {
    @Test
    void aSpanCrossesTheLabelsOfItsLaneWithinTheGapOnly() {
        LabelSpans spans = new LabelSpans();
        spans.add(0, 100, 200);
        spans.add(0, 300, 350);
        assertThat(spans.crosses(0, 190, 240, 4)).isTrue();
        assertThat(spans.crosses(0, 205, 295, 4)).isFalse();
        assertThat(spans.crosses(0, 203, 250, 4)).as("within the gap").isTrue();
        assertThat(spans.crosses(0, 50, 400, 4)).as("around both").isTrue();
        assertThat(spans.crosses(1, 100, 200, 4)).as("another lane").isFalse();
        assertThat(spans.end(0)).isEqualTo(350);
        assertThat(spans.end(1)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}

package eventlens.importers.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 11, found by the mutation fuzzer: toBigInteger() of 1e99999999 took minutes for one span time. */
class SpanTimesTest {
    @Test
    @Timeout(5)
    void aWholeNumberFarBeyondALongIsNoneAndCostsNothing() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        assertThat(SpanTimes.whole(nodes.numberNode(new BigDecimal("1e99999999")))).isNull();
        assertThat(SpanTimes.whole(nodes.numberNode(new BigDecimal("-1e999999999")))).isNull();
        assertThat(SpanTimes.whole(nodes.numberNode(new BigDecimal("1e-99999999")))).isZero();
        assertThat(SpanTimes.whole(nodes.numberNode(new BigDecimal("1700000000123.9")))).isEqualTo(1_700_000_000_123L);
        assertThat(SpanTimes.whole(nodes.textNode("-42"))).isEqualTo(-42L);
    }
}

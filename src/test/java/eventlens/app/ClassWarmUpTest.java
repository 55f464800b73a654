package eventlens.app;

import static org.assertj.core.api.Assertions.assertThatCode;

import eventlens.model.query.QueryParser;
import org.junit.jupiter.api.Test;

/** The warm-up's own inputs are valid: a failure in it is ignored, so a broken one would warm up nothing, silently. */
class ClassWarmUpTest {
    @Test
    void itsQueryParses() {
        assertThatCode(() -> QueryParser.parse(ClassWarmUp.QUERY)).doesNotThrowAnyException();
    }
}

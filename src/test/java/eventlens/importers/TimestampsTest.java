package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import eventlens.model.Json;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2024-03-01T10:15:30Z                 | 2024-03-01T10:15:30Z",
        "2024-03-01T10:15:30z                 | 2024-03-01T10:15:30Z",
        "2024-03-01T10:15:30.1Z               | 2024-03-01T10:15:30.100Z",
        "2024-03-01T10:15:30.123Z             | 2024-03-01T10:15:30.123Z",
        "2024-03-01T10:15:30.123456Z          | 2024-03-01T10:15:30.123456Z",
        "2024-03-01T10:15:30.123456789Z       | 2024-03-01T10:15:30.123456789Z",
        "2024-03-01T10:15:30.1234567891Z      | 2024-03-01T10:15:30.123456789Z",
        "2024-03-01T10:15:30,5Z               | 2024-03-01T10:15:30.500Z",
        "2024-03-01T12:15:30+02:00            | 2024-03-01T10:15:30Z",
        "2024-03-01T12:15:30+0200             | 2024-03-01T10:15:30Z",
        "2024-03-01T12:15:30+02               | 2024-03-01T10:15:30Z",
        "2024-03-01T05:15:30-05:00            | 2024-03-01T10:15:30Z",
        "2016-12-23T08:00:00.9225401+01:00    | 2016-12-23T07:00:00.9225401Z",
        "2024-03-01 10:15:30                  | 2024-03-01T10:15:30Z",
        "2024-03-01 10:15:30.5 +01:00         | 2024-03-01T09:15:30.500Z",
        "2024-03-01 10:15:30 UTC              | 2024-03-01T10:15:30Z",
        "2024-03-01T10:15                     | 2024-03-01T10:15:00Z",
        "2024-03-01T10:15:30                  | 2024-03-01T10:15:30Z",
        "2024-03-01                           | 2024-03-01T00:00:00Z",
        "Tue, 3 Jun 2008 11:05:30 GMT         | 2008-06-03T11:05:30Z",
    })
    void readsIsoTextWithAnyPrecisionAndOffset(String text, String expected) {
        assertThat(Timestamps.parse(NODES.textNode(text))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1700000000             | 2023-11-14T22:13:20Z",
        "1700000000123          | 2023-11-14T22:13:20.123Z",
        "1700000000123456       | 2023-11-14T22:13:20.123456Z",
        "1700000000123456789    | 2023-11-14T22:13:20.123456789Z",
        "1700000000.123         | 2023-11-14T22:13:20.123Z",
        "0                      | 1970-01-01T00:00:00Z",
        "99999999999            | 5138-11-16T09:46:39Z",
        "100000000000           | 1973-03-03T09:46:40Z",
    })
    void readsEpochNumbersByMagnitudeAsStringsAndNumbers(String text, String expected) throws Exception {
        Instant want = Instant.parse(expected);
        assertThat(Timestamps.parse(NODES.textNode(text))).isEqualTo(want);
        assertThat(Timestamps.parse(Json.mapper().readTree(text))).isEqualTo(want);
    }

    @Test
    void fractionalEpochSecondsAsBigDecimalNode() {
        assertThat(Timestamps.parse(NODES.numberNode(new BigDecimal("1700000000.5"))))
                .isEqualTo(Instant.parse("2023-11-14T22:13:20.500Z"));
    }

    @Test
    void negativeEpochSecondsAreBeforeTheEpoch() {
        assertThat(Timestamps.parse(NODES.numberNode(-1.5))).isEqualTo(Instant.parse("1969-12-31T23:59:58.500Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "yesterday", "2024-13-01T00:00:00Z", "2024-02-30", "2024-03-01T25:00:00Z",
        "2024-03-01T10:15:30+25:00", "2024-03-01T10:15:30Zjunk", "2024-03-01X10:15", "12:00", "1.2.3", "--5",
        "2024-03-01T10:15:30."})
    void unreadableTextIsNull(String text) {
        assertThat(Timestamps.parse(NODES.textNode(text))).isNull();
    }

    @Test
    void absentNullAndStructuredValuesAreNull() {
        assertThat(Timestamps.parse((JsonNode) null)).isNull();
        assertThat(Timestamps.parse(NODES.nullNode())).isNull();
        assertThat(Timestamps.parse(NODES.missingNode())).isNull();
        assertThat(Timestamps.parse(NODES.objectNode())).isNull();
        assertThat(Timestamps.parse(NODES.booleanNode(true))).isNull();
    }

    @Test
    void absurdlyLargeNumbersAreNullNotAnException() {
        assertThat(Timestamps.parse(NODES.numberNode(new BigDecimal("1e300")))).isNull();
    }
}

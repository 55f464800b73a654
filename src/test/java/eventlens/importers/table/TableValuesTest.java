package eventlens.importers.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How column values become JSON, and how a time bound is shaped like the column it is compared with. */
class TableValuesTest {
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
    private static final TableShape.Column TEXT = new TableShape.Column("occurred_at", Types.VARCHAR, "TEXT");

    @Test
    void bytesAreJsonWhenTheyParseTextWhenUtf8AndBase64Otherwise() {
        assertThat(RowJson.bytes("{\"a\":1}".getBytes(StandardCharsets.UTF_8)).get("a").asInt()).isEqualTo(1);
        assertThat(RowJson.bytes("<CardIssued/>".getBytes(StandardCharsets.UTF_8)).asText()).isEqualTo("<CardIssued/>");
        assertThat(RowJson.bytes(new byte[] {(byte) 0xff, 0, 1}).asText()).isEqualTo("/wAB");
    }

    @Test
    void textHoldingJsonIsDecodedAndOtherTextKept() {
        assertThat(RowJson.text("[1,2]").isArray()).isTrue();
        assertThat(RowJson.text("{not json").asText()).isEqualTo("{not json");
    }

    @Test
    void aTimeBoundTakesTheShapeOfTheColumn() {
        assertThat(TableQuery.timeValue(T, new TableShape.Column("occurred_at", Types.TIMESTAMP, "timestamptz"), null,
                false)).isEqualTo(OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC));
        assertThat(TableQuery.timeValue(T, TEXT, "2024-04-30T09:00:00.5Z", true)).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(TableQuery.timeValue(T, TEXT, "2024-04-30 09:00:00", true)).isEqualTo("2024-05-01 10:00:00");
        assertThat(TableQuery.timeValue(T, TEXT, "1714467600", true)).isEqualTo(T.getEpochSecond());
        assertThat(TableQuery.timeValue(T, TEXT, "1714467600000", true)).isEqualTo(T.toEpochMilli());
        assertThat(TableQuery.timeValue(T, new TableShape.Column("ts", Types.BIGINT, "bigint"), null, false))
                .isEqualTo(T.toEpochMilli());
    }

    @Test
    void catalogueNamesAreQuotedWithTheirQuotesDoubled() {
        assertThat(TableShape.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    }
}

package eventlens.model.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryParserTest {
    @Test
    void parsesEveryFilterOfTheLanguage() throws Exception {
        EventQuery q = QueryParser.parse(
                "type:order.* source:payment corr:txn-1 cause:e9 agg:order-17 aggtype:Order id:e1 "
                        + "after:2024-01-15T10:30 before:2024-01-16 data.total>100 \"gateway timeout\"");
        assertThat(q.types()).containsExactly("order.*");
        assertThat(q.sources()).containsExactly("payment");
        assertThat(q.correlations()).containsExactly("txn-1");
        assertThat(q.causations()).containsExactly("e9");
        assertThat(q.aggregates()).containsExactly("order-17");
        assertThat(q.aggregateTypes()).containsExactly("Order");
        assertThat(q.ids()).containsExactly("e1");
        assertThat(q.after()).isEqualTo(Instant.parse("2024-01-15T10:30:00Z"));
        assertThat(q.before()).isEqualTo(Instant.parse("2024-01-16T00:00:00Z"));
        assertThat(q.data()).containsExactly(new EventQuery.DataCondition("total", ">", "100"));
        assertThat(q.texts()).containsExactly("gateway timeout");
    }

    @Test
    void blankSelectsEverything() throws Exception {
        assertThat(QueryParser.parse("  ").isAll()).isTrue();
        assertThat(QueryParser.parse(null).isAll()).isTrue();
    }

    @Test
    void timesAcceptOffsetsAndEpochMillis() throws Exception {
        assertThat(QueryParser.parse("after:2024-01-15T10:30:00+02:00").after())
                .isEqualTo(Instant.parse("2024-01-15T08:30:00Z"));
        assertThat(QueryParser.parse("after:1705314600000").after()).isEqualTo(Instant.parse("2024-01-15T10:30:00Z"));
    }

    @Test
    void unknownFiltersAndBadTimesAreExplained() {
        assertThatThrownBy(() -> QueryParser.parse("colour:red")).hasMessageContaining("unknown filter 'colour:'");
        assertThatThrownBy(() -> QueryParser.parse("after:yesterday")).hasMessageContaining("not a time");
        assertThatThrownBy(() -> QueryParser.parse("type:")).hasMessageContaining("no value");
        assertThatThrownBy(() -> QueryParser.parse("\"open")).hasMessageContaining("unclosed quote");
    }

    @Test
    void compilesToParameterisedSqlOnly() throws Exception {
        SqlFilter f = SqlFilter.of(QueryParser.parse("type:x';DROP_TABLE corr:a corr:b"), "b.data");
        assertThat(f.where()).doesNotContain("DROP").contains("e.type = ?").contains("(e.correlation_id = ? OR e.correlation_id = ?)");
        assertThat(f.parameters()).containsExactly("x';DROP_TABLE", "a", "b");
    }
}

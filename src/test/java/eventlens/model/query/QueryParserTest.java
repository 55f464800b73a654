package eventlens.model.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.store.SqlFilter;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /** Each mistake is reported at the column (1-based) of the part that is wrong, never answered with nothing. */
    @ParameterizedTest(name = "{0} -> column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            type:(                          | 6  | boolean operators are not supported yet
            type:order.* AND NOT source:x   | 14 | 'AND': boolean operators are not supported yet; terms are ANDed — write them side by side
            NOT type:x                      | 1  | 'NOT': boolean operators
            type:a OR type:b                | 8  | 'OR': boolean operators
            (type:a type:b)                 | 1  | '(': boolean operators
            type:a)                         | 7  | ')': boolean operators
            data.total>                     | 12 | 'data.total>' needs a value after '>'
            data.total>abc                  | 12 | '>' needs a number or a time, and 'abc' is neither
            x data.total<=ten               | 15 | '<=' needs a number or a time
            data.total=>5                   | 11 | '=>' is not an operator
            data.total!5                    | 11 | unexpected '!' after data.total
            data.total                      | 11 | 'data.total' needs a comparison
            data.>5                         | 6  | 'data.' needs a field name
            type:                           | 6  | 'type:' has no value; write e.g. type:order.*
            source:x  corr:                 | 16 | 'corr:' has no value
            type:""                         | 6  | 'type:' has no value
            foo:bar                         | 1  | unknown filter 'foo:'
            a "open                         | 3  | unclosed quote
            type:"open                      | 6  | unclosed quote
            ""                              | 1  | empty quotes search for nothing
            after:yesterday                 | 7  | 'after:yesterday': not a time
            data.[0]:1                      | 6  | '[' where a field name should be
            data.a..b:1                     | 8  | '.' where a field name should be
            data.a.:1                       | 8  | the end where a field name should be
            data.a[x]:1                     | 7  | an array index is [N]
            data.a[:1                       | 7  | an array index is [N]
            data.a[1:1                      | 7  | an array index is [N]
            data.a[99999999999999]:1        | 7  | an array index is [N]
            data.a]:1                       | 7  | unexpected ']' in data.a]
            data.a[0]b:1                    | 10 | unexpected 'b' in data.a[0]b
            """)
    void eachMistakeNamesItsColumnAndReason(String query, int column, String reason) {
        assertThatThrownBy(parsing(query)).isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.reason()).contains(reason);
            assertThat(e.getMessage()).isEqualTo("column " + column + ": " + e.reason());
        });
    }

    @Test
    void aQueryHasAtMostAHundredTermsAndPathsWithIndexesParse() throws Exception {
        String hundred = "type:a ".repeat(QueryParser.MAX_TERMS);
        assertThat(QueryParser.parse(hundred).types()).hasSize(QueryParser.MAX_TERMS);
        assertThatThrownBy(parsing(hundred + "\"one more\"")).isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.column()).isEqualTo(hundred.length() + 1);
            assertThat(e.reason()).contains("too many terms");
        });
        assertThat(QueryParser.parse("data.items[0].sku:A-1 data.a-b_c.d[12][3]>=2").data()).extracting(d -> d.path())
                .containsExactly("items[0].sku", "a-b_c.d[12][3]");
    }

    @Test
    void lowerCaseWordsParenthesesInQuotesTimesAndUrlsAreStillText() throws Exception {
        EventQuery q = QueryParser.parse("timeout and retry \"f(x)\" 10:30 https://x.test/a data.note=\"(a) or b\"");
        assertThat(q.texts()).containsExactly("timeout", "and", "retry", "f(x)", "10:30", "https://x.test/a");
        assertThat(q.data()).containsExactly(new EventQuery.DataCondition("note", "=", "(a) or b"));
    }

    @Test
    void orderingComparisonsTakeNumbersAndTimesAndEqualityTakesText() throws Exception {
        assertThat(QueryParser.parse("data.total>=-1.5 data.at<2024-01-15T10:30 data.state!=open data.x=\"\"").data())
                .containsExactly(new EventQuery.DataCondition("total", ">=", "-1.5"),
                        new EventQuery.DataCondition("at", "<", "2024-01-15T10:30"),
                        new EventQuery.DataCondition("state", "!=", "open"),
                        new EventQuery.DataCondition("x", "=", ""));
    }

    @Test
    void aTimeOutsideAQueryHasNoColumn() {
        assertThatThrownBy(() -> QueryParser.time("soon", "--at soon")).isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.column()).isZero();
            assertThat(e.getMessage()).isEqualTo("'--at soon': not a time; write e.g. 2024-01-15, 2024-01-15T10:30 or 2024-01-15T10:30:00Z");
        });
    }

    private static ThrowingCallable parsing(String query) {
        return () -> QueryParser.parse(query);
    }
}

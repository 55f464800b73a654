package eventlens.model.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

    /** Every term, operator and precedence rule, shown as the tree it parses to. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            type:order.*                           | type=order.*
            source:payment src:billing             | (source=payment AND source=billing)
            corr:txn-1 correlation:t2              | (correlation_id=txn-1 AND correlation_id=t2)
            cause:e9 causation:e8                  | (causation_id=e9 AND causation_id=e8)
            id:e1                                  | id=e1
            agg:order-17                           | aggregate_id=order-17
            aggregate:Order/123                    | agg(Order,123)
            agg:Order/*                            | aggregate_id=Order/*
            aggtype:Order                          | aggregate_type=Order
            after:2024-01-15T10:30                 | after(2024-01-15T10:30:00Z)
            before:2024-01-16                      | before(2024-01-16T00:00:00Z)
            after:1705314600000                    | after(2024-01-15T10:30:00Z)
            after:2024-01-15T10:30:00+02:00        | after(2024-01-15T08:30:00Z)
            after:-15m                             | after(last-PT15M)
            before:-2h                             | before(last-PT2H)
            after:-1d                              | after(last-PT24H)
            after:-30s after:-1w                   | (after(last-PT30S) AND after(last-PT168H))
            data.total>100                         | data.total>100
            data.items[0].sku=SKU-1                | data.items[0].sku=SKU-1
            data.items[0].sku:SKU-1                | data.items[0].sku=SKU-1
            metadata.userId=u-1                    | metadata.userId=u-1
            data.total>=-1.5                       | data.total>=-1.5
            data.total<=2                          | data.total<=2
            data.at<2024-01-15T10:30               | data.at<2024-01-15T10:30
            data.state!=open                       | data.state!=open
            data.x=""                              | data.x=
            data.sku~^SKU-[0-9]+$                  | data.sku~^SKU-[0-9]+$
            metadata.user~"a b"                    | metadata.user~a b
            ~data.sku~~^(A|B)-[0-9]+$~             | ~data.sku~~^(A|B)-[0-9]+$~
            ~(data.sku~~^(A|B)$ OR a)~             | ~(data.sku~~^(A|B)$ OR text(a))~
            data.sku~\\(                             | data.sku~\\(
            has:causation                          | HAS_CAUSATION
            has:correlation has:aggregate          | (HAS_CORRELATION AND HAS_AGGREGATE)
            is:orphan                              | ORPHAN
            is:duplicate                           | DUPLICATE
            is:failed                              | FAILED
            IS:DeadLetter                          | DEAD_LETTER
            is:invalid                             | INVALID
            schema:OrderPlaced@2                   | schema(OrderPlaced,2)
            schema:OrderPlaced@v2                  | schema(OrderPlaced,2)
            schema:OrderPlaced@V2.0                | schema(OrderPlaced,2.0)
            schema:OrderPlaced@version             | schema(OrderPlaced,version)
            schema:OrderPlaced                     | schema(OrderPlaced,none)
            schema:order.*@*                       | schema(order.*,*)
            schema:a@b@3                           | schema(a@b,3)
            ~schema:"Order Placed"@2~              | ~schema(Order Placed,2)~
            ~schema:"Order Placed"~                | ~schema(Order Placed,none)~
            ~schema:Order@"1.0"~                   | ~schema(Order,1.0)~
            ~NOT schema:Order@2 is:invalid~        | ~(NOT schema(Order,2) AND INVALID)~
            causedby:evt-1                         | CAUSED_BY(evt-1)
            causes:evt-9                           | CAUSES(evt-9)
            flow:txn-1                             | FLOW(txn-1)
            timeout                                | text(timeout)
            "gateway timeout"                      | text(gateway timeout)
            a AND b                                | (text(a) AND text(b))
            a b                                    | (text(a) AND text(b))
            a OR b                                 | (text(a) OR text(b))
            NOT a                                  | NOT text(a)
            -a                                     | NOT text(a)
            -"a b"                                 | NOT text(a b)
            -(a OR b)                              | NOT (text(a) OR text(b))
            NOT NOT a                              | text(a)
            a OR b AND c                           | (text(a) OR (text(b) AND text(c)))
            a AND b OR c                           | ((text(a) AND text(b)) OR text(c))
            a b OR c d                             | ((text(a) AND text(b)) OR (text(c) AND text(d)))
            NOT a AND b                            | (NOT text(a) AND text(b))
            NOT a OR b                             | (NOT text(a) OR text(b))
            (a OR b) c                             | ((text(a) OR text(b)) AND text(c))
            a (b OR c)                             | (text(a) AND (text(b) OR text(c)))
            ((a))                                  | text(a)
            a AND (b AND c)                        | (text(a) AND text(b) AND text(c))
            (type:a)OR(type:b)                     | (type=a OR type=b)
            NOT(a)                                 | NOT text(a)
            type:payment.* AND is:failed after:-1d | (type=payment.* AND FAILED AND after(last-PT24H))
            causedby:evt-1 AND is:failed           | (CAUSED_BY(evt-1) AND FAILED)
            type:order.* AND NOT source:order-service | (type=order.* AND NOT source=order-service)
            timeout and retry or not               | (text(timeout) AND text(and) AND text(retry) AND text(or) AND text(not))
            10:30 https://x.test/a a.b:c           | (text(10:30) AND text(https://x.test/a) AND text(a.b:c))
            "f(x)" data.note="(a) or b"            | (text(f(x)) AND data.note=(a) or b)
            a - b                                  | (text(a) AND text(-) AND text(b))
            a--b                                   | text(a--b)
            """)
    void parsesEveryTermOperatorAndPrecedence(String query, String tree) throws Exception {
        assertThat(show(QueryParser.parse(query).where())).isEqualTo(tree.replaceAll("^~|~$", ""));
    }

    @Test
    void blankSelectsEverything() throws Exception {
        assertThat(QueryParser.parse("  ").isAll()).isTrue();
        assertThat(QueryParser.parse(null).isAll()).isTrue();
    }

    /** Each mistake is reported at the column (1-based) of the part that is wrong, never answered with nothing. */
    @ParameterizedTest(name = "{0} -> column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            f(x)                            | 2  | 1 | '(' right after 'f': put a space before a group
            type:(                          | 6  | 1 | '(' right after 'type:'
            type:a AND                      | 8  | 3 | 'AND' at the end of the query: expected a term after it
            type:a OR                       | 8  | 2 | 'OR' at the end of the query
            NOT                             | 1  | 3 | 'NOT' at the end of the query
            type:a AND OR type:b            | 12 | 2 | expected a term after 'AND' at column 8, found 'OR'
            type:a AND )                    | 12 | 1 | expected a term after 'AND' at column 8, found ')'
            AND type:a                      | 1  | 3 | 'AND' needs a term before it
            OR type:a                       | 1  | 2 | 'OR' needs a term before it
            (type:a                         | 1  | 1 | this '(' is never closed: expected ')'
            (a (b)                          | 1  | 1 | this '(' is never closed
            type:a)                         | 7  | 1 | unexpected ')': there is no '(' before it to close
            ()                              | 1  | 2 | empty parentheses
            )                               | 1  | 1 | unexpected ')': expected a term
            data.total>                     | 12 | 1 | 'data.total>' needs a value after '>'
            data.total>abc                  | 12 | 3 | '>' needs a number or a time, and 'abc' is neither
            x data.total<=ten               | 15 | 3 | '<=' needs a number or a time
            data.total=>5                   | 11 | 2 | '=>' is not an operator
            data.total!5                    | 11 | 1 | unexpected '!' after data.total
            data.total                      | 11 | 1 | 'data.total' needs a comparison
            data.>5                         | 6  | 1 | 'data.' needs a field name
            metadata.>5                     | 10 | 1 | 'metadata.' needs a field name
            metadata.a[x]=1                 | 11 | 1 | an array index is [N]
            data.sku~[ab                    | 12 | 1 | not a regular expression: Unclosed character class
            data.sku~"(a"                   | 12 | 1 | not a regular expression
            data.sku~(a                     | 11 | 1 | not a regular expression: Unclosed group
            type:                           | 6  | 1 | 'type:' has no value; write e.g. type:order.*
            source:x  corr:                 | 16 | 1 | 'corr:' has no value
            type:""                         | 6  | 1 | 'type:' has no value
            foo:bar                         | 1  | 3 | unknown filter 'foo:'
            a "open                         | 3  | 1 | unclosed quote
            type:"open                      | 6  | 1 | unclosed quote
            ""                              | 1  | 2 | empty quotes search for nothing
            after:yesterday                 | 7  | 9 | 'after:yesterday': not a time
            after:-15x                      | 7  | 4 | 'after:-15x': not a time
            is:broken                       | 4  | 6 | 'is:broken' is not known; write is:deadletter or is:duplicate or is:failed or is:invalid or is:orphan or is:replay
            has:wings                       | 5  | 5 | write has:aggregate or has:causation or has:correlation
            is:valid                        | 4  | 5 | write is:deadletter or is:duplicate or is:failed or is:invalid or is:orphan or is:replay
            schema:                         | 8  | 1 | 'schema:' has no value; write e.g. schema:OrderPlaced@2
            schema:@v2                      | 8  | 1 | 'schema:@v2' needs an event type before '@'
            a schema:@                      | 10 | 1 | 'schema:@' needs an event type before '@'
            schema:Order@                   | 13 | 1 | 'schema:Order@' needs a version after '@'; write e.g. schema:OrderPlaced@2, or schema:OrderPlaced for its events that declare no version
            ~schema:"Order"x~               | 15 | 1 | unexpected 'x' after the quoted type
            ~schema:""@2~                   | 8  | 2 | needs an event type before '@'
            data.[0]:1                      | 6  | 1 | '[' where a field name should be
            data.a..b:1                     | 8  | 1 | '.' where a field name should be
            data.a.:1                       | 8  | 1 | the end where a field name should be
            data.a[x]:1                     | 7  | 1 | an array index is [N]
            data.a[:1                       | 7  | 1 | an array index is [N]
            data.a[1:1                      | 7  | 1 | an array index is [N]
            data.a[99999999999999]:1        | 7  | 1 | an array index is [N]
            data.a]:1                       | 7  | 1 | unexpected ']' in data.a]
            data.a[0]b:1                    | 10 | 1 | unexpected 'b' in data.a[0]b
            """)
    void eachMistakeNamesItsColumnSpanAndWhatWasExpected(String query, int column, int length, String reason) {
        assertThatThrownBy(parsing(query)).isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.reason()).contains(reason);
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.length()).isEqualTo(length);
            assertThat(e.getMessage()).isEqualTo("column " + column + ": " + e.reason());
        });
    }

    @Test
    void aRegularExpressionIsCappedInLength() {
        String longest = "a".repeat(QueryTerms.MAX_PATTERN);
        assertThat(show(parseUnchecked("data.x~" + longest + ""))).isEqualTo("data.x~" + longest);
        assertThatThrownBy(parsing("data.x~" + longest + "a")).isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.column()).isEqualTo(8);
            assertThat(e.reason()).contains("at most " + QueryTerms.MAX_PATTERN + " characters");
        });
    }

    @Test
    void aQueryHasAtMostAHundredTermsAndThirtyTwoLevels() throws Exception {
        String hundred = "type:a ".repeat(QueryParser.MAX_TERMS);
        assertThat(((QueryExpr.And) QueryParser.parse(hundred).where()).children()).hasSize(QueryParser.MAX_TERMS);
        assertThatThrownBy(parsing(hundred + "\"one more\"")).isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.column()).isEqualTo(hundred.length() + 1);
            assertThat(e.reason()).contains("too many terms");
        });
        String deep = "(".repeat(QueryParser.MAX_DEPTH) + "a" + ")".repeat(QueryParser.MAX_DEPTH);
        assertThat(show(QueryParser.parse(deep).where())).isEqualTo("text(a)");
        assertThatThrownBy(parsing("(" + deep + ")")).isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.column()).isEqualTo(QueryParser.MAX_DEPTH + 1);
            assertThat(e.reason()).contains("nested too deeply");
        });
    }

    @Test
    void aTimeOutsideAQueryHasNoColumn() {
        assertThatThrownBy(() -> QueryParser.time("soon", "--at soon")).isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.column()).isZero();
            assertThat(e.getMessage()).isEqualTo("'--at soon': not a time; write e.g. 2024-01-15, 2024-01-15T10:30 or 2024-01-15T10:30:00Z");
        });
    }

    @Test
    void theKeysAndFlagsAreListedForCompletion() {
        assertThat(QueryParser.keys()).contains("type", "source", "corr", "agg", "aggtype", "after", "is", "causedby",
                "causes", "flow", "schema");
        assertThat(QueryParser.flags("is")).containsExactly("deadletter", "duplicate", "failed", "invalid", "orphan", "replay");
    }

    /** A completed {@code schema:} value reads back as the type and version it was made from. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', nullValues = "NULL", textBlock = """
            OrderPlaced        | 2
            OrderPlaced        | NULL
            Order Placed       | 2.0
            ~a"b(c)@d\\e~      | ~x y~
            order.created      | ~2"~
            """)
    void aSchemaValueReadsBackAsItsTypeAndVersion(String type, String version) throws Exception {
        String value = QueryParser.schemaValue(type, version);
        QueryExpr.And and = (QueryExpr.And) QueryParser.parse("schema:" + value + " x").where();
        assertThat(and.children().get(0)).as(value).isEqualTo(new QueryExpr.Schema(type, version, 1));
    }

    private static QueryExpr parseUnchecked(String q) {
        try {
            return QueryParser.parse(q).where();
        } catch (QueryException e) {
            throw new AssertionError(e);
        }
    }

    private static ThrowingCallable parsing(String query) {
        return () -> QueryParser.parse(query);
    }

    /** The tree as text: what the parametrised cases compare. */
    static String show(QueryExpr x) {
        return switch (x) {
            case QueryExpr.And a -> a.children().stream().map(QueryParserTest::show).collect(Collectors.joining(" AND ", "(", ")"));
            case QueryExpr.Or o -> o.children().stream().map(QueryParserTest::show).collect(Collectors.joining(" OR ", "(", ")"));
            case QueryExpr.Not n -> "NOT " + show(n.child());
            case QueryExpr.Match m -> m.field().column() + "=" + m.value();
            case QueryExpr.Aggregate a -> "agg(" + a.type() + "," + a.id() + ")";
            case QueryExpr.Time t -> (t.after() ? "after(" : "before(") + switch (t.when()) {
                case QueryExpr.At at -> at.instant().toString();
                case QueryExpr.BeforeLast b -> "last-" + b.distance();
            } + ")";
            case QueryExpr.Text t -> "text(" + t.text() + ")";
            case QueryExpr.PathCompare p -> p.body().name().toLowerCase() + "." + p.path() + p.operator() + p.value();
            case QueryExpr.Is i -> i.flag().name();
            case QueryExpr.Causal c -> c.relation().name() + "(" + c.id() + ")";
            case QueryExpr.Schema s -> "schema(" + s.type() + "," + (s.version() == null ? "none" : s.version()) + ")";
        };
    }

}

package eventlens.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.events.QueryCompletion.Suggestion;
import eventlens.app.events.QueryCompletion.Vocabulary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryCompletionTest {
    private static final Vocabulary V = new Vocabulary(List.of("order.created", "order shipped"), List.of("billing"),
            List.of("Order"), List.of("OrderPlaced", "OrderPlaced@1", "OrderPlaced@2", "\"Order Shipped\"@2"),
            Map.of("late", "after:-1h"));

    @Test
    void aWordWithoutAColonCompletesKeysPathsAndBooleanWords() {
        assertThat(labels("ty", 2)).containsExactly("type:");
        assertThat(labels("a", 1)).containsExactly("agg:", "aggtype:", "after:");
        assertThat(labels("A", 1)).as("boolean words are upper case").containsExactly("agg:", "aggtype:", "after:", "AND");
        assertThat(labels("type:x (ca", 10)).containsExactly("cause:", "causedby:", "causes:");
        assertThat(labels("da", 2)).containsExactly("data.");
        assertThat(labels("N", 1)).containsExactly("NOT");
        assertThat(labels("x -is", 5)).containsExactly("is:");
    }

    @Test
    void aKeyCompletesItsValuesQuotedWhereTheParserNeedsIt() {
        assertThat(QueryCompletion.at("type:ord", 8, V)).extracting(Suggestion::replacement)
                .containsExactly("type:order.created ", "type:\"order shipped\" ");
        assertThat(labels("is:", 3)).containsExactly("is:deadletter", "is:duplicate", "is:failed", "is:invalid",
                "is:orphan", "is:replay");
        assertThat(labels("is:in", 5)).containsExactly("is:invalid");
        assertThat(labels("has:c", 5)).containsExactly("has:causation", "has:correlation");
        assertThat(labels("aggtype:o", 9)).containsExactly("aggtype:Order");
        assertThat(labels("corr:x", 6)).isEmpty();
    }

    @Test
    void schemaCompletesTypesWithTheirDeclaredVersionsAsTheParserReadsThem() throws Exception {
        assertThat(labels("schema:OrderP", 13)).containsExactly("schema:OrderPlaced", "schema:OrderPlaced@1",
                "schema:OrderPlaced@2");
        List<String> quoted = QueryCompletion.at("schema:\"Ord", 11, V).stream().map(Suggestion::replacement).toList();
        assertThat(quoted).containsExactly("schema:\"Order Shipped\"@2 ");
        assertThat(labels("sch", 3)).containsExactly("schema:");
        for (String value : V.schemas()) {
            eventlens.model.query.QueryParser.parse("schema:" + value); // each completes to a query that parses
        }
    }

    @Test
    void theSuggestionReplacesOnlyTheWordAtTheCaret() {
        Suggestion s = QueryCompletion.at("so AND id:1", 2, V).get(0);
        assertThat(s.apply("so AND id:1")).isEqualTo("source: AND id:1");
        assertThat(QueryCompletion.at("@l", 2, V).get(0).apply("@l")).isEqualTo("@late");
    }

    private static List<String> labels(String text, int caret) {
        return QueryCompletion.at(text, caret, V).stream().map(Suggestion::label).toList();
    }
}

package eventlens.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.SameThreadWork;
import eventlens.model.Event;
import eventlens.model.Origin;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.SavedQueries;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events view's filter bar on a real project: the history that ↑ and ↓ walk (kept in the project),
 * {@code @name} for a saved query, completion from the stored values, and the text index built on the
 * first free-text search.
 */
class FilterBarOnAStoreTest {
    @TempDir
    Path dir;
    private ProjectStore store;
    private EventsViewModel model;

    @BeforeEach
    void setUp() {
        store = ProjectStore.open(dir.resolve("p.eventlens"));
        try (ImportWriter w = store.beginImport()) {
            w.startFile("a.jsonl", "json", null);
            String[][] rows = {{"e1", "order.created", "order-service"}, {"e2", "payment.failed", "billing"},
                {"e3", "payment.captured", "billing"}};
            for (int i = 0; i < rows.length; i++) {
                String[] r = rows[i];
                w.add(new Event(0, r[0], r[1], r[2], Instant.parse("2024-01-15T10:00:00Z").plusSeconds(i), "Order", "o1",
                        (long) i + 1, "c1", null, "{}", "{}", "{\"id\":\"" + r[0] + "\",\"note\":\"gateway timeout\"}",
                        new Origin("a.jsonl", i + 1, "json")));
            }
            w.commit();
        }
        new SavedQueries(store).save("failed", "type:payment.* AND is:failed");
        model = open();
    }

    private EventsViewModel open() {
        EventsViewModel m = new EventsViewModel(new SameThreadWork(), new EventDetailViewModel(new SameThreadWork()));
        m.setSource(EventPages.of(store));
        return m;
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void upRecallsTheQueriesRunInThisProjectNewestFirstAndTheyOutliveTheView() {
        apply("type:order.*");
        apply("source:billing");
        apply("type:order.*");
        EventsViewModel reopened = open();
        assertThat(reopened.historyBack()).isTrue();
        assertThat(reopened.filterTextProperty().get()).isEqualTo("type:order.*");
        assertThat(reopened.historyBack()).isTrue();
        assertThat(reopened.filterTextProperty().get()).isEqualTo("source:billing");
        assertThat(reopened.historyBack()).as("each query once").isFalse();
        assertThat(reopened.historyForward()).isTrue();
        assertThat(reopened.filterTextProperty().get()).isEqualTo("type:order.*");
        assertThat(reopened.historyForward()).isTrue();
        assertThat(reopened.filterTextProperty().get()).isEmpty();
    }

    @Test
    void theIssuesQueryRunsInTheFilterBar() {
        apply("type:payment.* AND is:failed after:-1d");
        assertThat(model.filterErrorProperty().get()).isEmpty();
        assertThat(model.summaryProperty().get()).isEqualTo("1 matching event");
        assertThat(model.rowsProperty().get()).extracting(Event::id).containsExactly("e2");
    }

    @Test
    void atNameRunsTheSavedQueryAndAnUnknownNameIsAnErrorAtTheAt() {
        apply("@failed");
        assertThat(model.filterErrorProperty().get()).isEmpty();
        assertThat(model.summaryProperty().get()).isEqualTo("1 matching event");
        apply("  @nope");
        assertThat(model.filterErrorColumnProperty().get()).isEqualTo(3);
        assertThat(model.filterErrorLengthProperty().get()).isEqualTo(5);
        assertThat(model.filterErrorProperty().get()).contains("no saved query 'nope'");
    }

    @Test
    void completionOffersTheStoredTypesSourcesAndSavedQueries() {
        model.filterTextProperty().set("is:failed type:pay");
        assertThat(model.completions(18)).extracting(QueryCompletion.Suggestion::label)
                .containsExactly("type:payment.captured", "type:payment.failed");
        QueryCompletion.Suggestion first = model.completions(18).get(0);
        assertThat(first.apply("is:failed type:pay")).isEqualTo("is:failed type:payment.captured ");
        model.filterTextProperty().set("src:bi");
        assertThat(model.completions(6)).extracting(QueryCompletion.Suggestion::label).containsExactly("src:billing");
        model.filterTextProperty().set("@f");
        assertThat(model.completions(2)).extracting(QueryCompletion.Suggestion::replacement).containsExactly("@failed");
    }

    @Test
    void theFirstFreeTextSearchBuildsTheTextIndexAndTheAnswerIsTheSame() {
        assertThat(store.textIndexed()).isFalse();
        apply("id:e1");
        assertThat(store.textIndexed()).as("no text searched, nothing built").isFalse();
        apply("\"gateway timeout\" NOT type:order.*");
        assertThat(model.summaryProperty().get()).isEqualTo("2 matching events");
        assertThat(store.textIndexed()).isTrue();
        assertThat(model.textIndexStateProperty().get()).isEmpty();
        apply("\"gateway timeout\" NOT type:order.*");
        assertThat(model.summaryProperty().get()).isEqualTo("2 matching events");
    }

    private void apply(String text) {
        model.filterTextProperty().set(text);
        model.applyFilter();
    }


    @Test
    void schemaCompletesTheStoredTypesAndVersionsAndIsInvalidWithoutAValidationSaysWhatToRun() {
        eventlens.model.schema.SchemaCatalog.schemas(store, (done, total) -> { }); // what the Schemas view does
        EventsViewModel m = open();
        m.filterTextProperty().set("schema:pay");
        m.completions(10); // the first completion reads the values
        assertThat(m.completions(10)).extracting(QueryCompletion.Suggestion::label)
                .containsExactly("schema:payment.captured", "schema:payment.failed");
        m.filterTextProperty().set("is:inv");
        assertThat(m.completions(6)).extracting(QueryCompletion.Suggestion::label).containsExactly("is:invalid");

        m.filterTextProperty().set("is:invalid");
        m.applyFilter();
        assertThat(m.filterErrorProperty().get()).as("it parses").isEmpty();
        assertThat(m.summaryProperty().get()).contains("is:invalid needs a validation first")
                .contains("eventlens schemas PROJECT --validate DIR");
    }
}

package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.Origin;
import eventlens.model.query.EventQuery;
import eventlens.model.query.QueryException;
import eventlens.model.query.QueryParser;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query language run on a small hand-made project: each term, operator and causal walk selects
 * exactly the events it says, and nothing typed into any term can change the project.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryOnAStoreTest {
    private static final Instant T0 = Instant.parse("2024-01-15T10:00:00Z");
    private Path dir;
    private Path file;
    /**
     * The same project with every record text packed (decision 0062), read by the same queries. The import packed
     * those that shrink without a dictionary (too few records to train one), and left the rest as text.
     */
    private Path packedFile;

    @BeforeAll
    void project(@TempDir Path tempDir) {
        dir = tempDir;
        file = dir.resolve("q.eventlens");
        try (ProjectStore store = ProjectStore.open(file); ImportWriter w = store.beginImport()) {
            w.startFile("a.jsonl", "json", null);
            w.add(event("e1", "order.created", "order-service", 0, "Order", "o1", "c1", null,
                    "{\"total\":100,\"items\":[{\"sku\":\"SKU-1\"}]}", "{\"userId\":\"u-1\"}"));
            w.add(event("e2", "payment.requested", "billing", 60, null, null, "c1", "e1", "{\"total\":100}", "{}"));
            w.add(event("e3", "payment.failed", "billing", 120, null, null, "c1", "e2",
                    "{\"reason\":\"card declined\"}", "{}"));
            w.add(event("e4", "order.cancelled", "order-service", 180, "Order", "o1", "c1", "e3", "{}", "{}"));
            w.add(event("e5", "order.created", "order-service", 86_400, "Order", "o2", "c2", null,
                    "{\"total\":50,\"items\":[{\"sku\":\"SKU-22\"}]}", "{\"userId\":\"u-2\"}"));
            w.add(event("e6", "payment.captured", "billing", 86_460, null, null, "c2", "e5", "{\"total\":50}", "{}"));
            w.add(event("e7", "shipping.started", "shipping", 86_470, null, null, "c3", "missing-9", "{}", "{}"));
            w.add(event("e8", "loop.a", "loop", 86_480, null, null, "c4", "e9", "{}", "{}"));
            w.add(event("e9", "loop.b", "loop", 86_490, null, null, "c4", "e8", "{}", "{}"));
            w.add(event("e10", "audit.logged", "audit", 86_500, null, null, null, "e1", "{\"note\":\"Timeout\"}", "{}"));
            w.add(new DeadLetter(0, "e6", "{}", "shipping", null, null, "Timeout", "took 5000 ms", null, 3, null, null,
                    null, "{\"dl\":1}", new Origin("a.jsonl", 99, "json")));
            w.startFile("b.jsonl", "json", null);
            w.add(event("e2", "payment.requested", "billing", 60, null, null, "c1", "e1", "{\"total\":100}", "{}"));
            w.commit();
        }
        packedFile = dir.resolve("packed.eventlens");
        try (ProjectStore store = ProjectStore.open(file)) {
            store.reads().update("VACUUM INTO ?", packedFile.toString());
        }
        packAll(packedFile);
    }

    /** Packs every record text of the project left as text, however small (an import packs only what shrinks). */
    static void packAll(Path project) {
        java.util.Map<Long, String> texts = new java.util.LinkedHashMap<>();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + project);
             TextPacker packer = new TextPacker(0, null)) {
            try (var read = c.createStatement();
                 var rs = read.executeQuery("SELECT position, raw FROM event_bodies WHERE typeof(raw) = 'text'")) {
                while (rs.next()) {
                    texts.put(rs.getLong(1), rs.getString(2));
                }
            }
            try (var write = c.prepareStatement("UPDATE event_bodies SET raw = ? WHERE position = ?")) {
                for (var text : texts.entrySet()) {
                    write.setBytes(1, packer.packed(text.getValue()));
                    write.setLong(2, text.getKey());
                    write.executeUpdate();
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static Event event(String id, String type, String source, long second, String aggType, String aggId,
            String corr, String cause, String data, String metadata) {
        String raw = "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"data\":" + data + ",\"metadata\":" + metadata + "}";
        return new Event(0, id, type, source, T0.plusSeconds(second), aggType, aggId, aggId == null ? null : 1L, corr,
                cause, data, metadata, raw, new Origin("a.jsonl", second, "json"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            type:order.created                      | e1 e5
            type:payment.*                          | e2 e3 e6
            source:billing                          | e2 e3 e6
            corr:c1                                 | e1 e2 e3 e4
            cause:e1                                | e2 e10
            id:e3                                   | e3
            agg:o1                                  | e1 e4
            agg:Order/o2                            | e5
            agg:o*                                  | e1 e4 e5
            aggtype:Order                           | e1 e4 e5
            after:2024-01-16                        | e5 e6 e7 e8 e9 e10
            before:2024-01-15T10:02                 | e1 e2
            after:-30s                              | e7 e8 e9 e10
            after:-1d                               | e3 e4 e5 e6 e7 e8 e9 e10
            before:-1d                              | e1 e2
            data.total>60                           | e1 e2
            data.total=50                           | e5 e6
            data.total!=50                          | e1 e2
            data.total<=50                          | e5 e6
            data.items[0].sku=SKU-1                 | e1
            data.items[0].sku~^SKU-[0-9]{2}$        | e5
            data.reason~declined                    | e3
            metadata.userId=u-2                     | e5
            metadata.userId~u-[12]                  | e1 e5
            has:causation                           | e2 e3 e4 e6 e7 e8 e9 e10
            has:aggregate                           | e1 e4 e5
            -has:correlation                        | e10
            is:orphan                               | e7
            is:duplicate                            | e2
            is:deadletter                           | e6
            is:failed                               | e3 e6
            causedby:e1                             | e2 e3 e4 e10
            causedby:e3                             | e4
            causedby:e8                             | e8 e9
            causes:e4                               | e1 e2 e3
            causes:e1                               | ~~
            causes:e9                               | e8 e9
            flow:e3                                 | e1 e2 e3 e4 e10
            flow:c2                                 | e5 e6
            flow:e10                                | e1 e2 e3 e4 e10
            declined                                | e3
            Timeout                                 | e10
            timeout                                 | ~~
            "card declined"                         | e3
            type:order.* AND NOT source:billing     | e1 e4 e5
            type:order.* -agg:o1                    | e5
            (type:order.created OR is:failed) corr:c1 | e1 e3
            type:order.created OR is:failed corr:c1 | e1 e3 e5
            NOT data.total>60                       | e3 e4 e5 e6 e7 e8 e9 e10
            causedby:e1 AND is:failed               | e3
            type:payment.* AND is:failed after:-1d  | e3 e6
            type:payment.* AND is:failed after:-10m | e6
            ~data.items[0].sku~~^SKU-(1|22)$~       | e1 e5
            ~(data.items[0].sku~~^SKU-(1|3)$)~      | e1
            """)
    void eachTermSelectsExactlyItsEvents(String query, String ids) throws QueryException {
        for (Path project : List.of(file, packedFile)) {
            try (ProjectStore store = ProjectStore.open(project)) {
                EventQuery q = QueryParser.parse(query);
                List<String> expected = ids.isBlank() ? List.of() : Arrays.asList(ids.split(" "));
                assertThat(ids(store, q)).as(query + " on " + project.getFileName())
                        .containsExactlyElementsOf(expected);
                assertThat(store.count(q)).isEqualTo(expected.size());
            }
        }
    }

    /** The free-text index answers exactly what the scan answers, whatever the text. */
    @ParameterizedTest
    @ValueSource(strings = {"declined", "Timeout", "timeout", "TIMEOUT", "ec", "e", "\"id\":\"e1", "SKU-", "KU-2",
            "card declined", "u-1\"}", "no such text", "é"})
    void theTextIndexAnswersExactlyWhatTheScanAnswers(String text) throws QueryException {
        EventQuery q = EventQuery.ALL.withText(text);
        List<String> scannedPlain = null;
        for (Path project : List.of(file, packedFile)) {
            Path copy = dir.resolve("copy-" + Math.abs(text.hashCode()) + "-" + project.getFileName());
            try (ProjectStore store = ProjectStore.open(project)) {
                store.reads().update("VACUUM INTO ?", copy.toString());
            }
            try (ProjectStore store = ProjectStore.open(copy)) {
                assertThat(store.textIndexed()).isFalse();
                List<String> scanned = ids(store, q);
                assertThat(store.indexText(() -> false)).isTrue();
                assertThat(store.textIndexed()).isTrue();
                assertThat(ids(store, q)).isEqualTo(scanned);
                SqlFilter f = SqlFilter.of(q, EventBodies.DATA, new StoreFacts(store.reads()));
                assertThat(f.where()).contains(text.codePointCount(0, text.length()) >= 3 ? EventText.TABLE : "instr");
                if (scannedPlain == null) {
                    scannedPlain = scanned;
                } else {
                    assertThat(scanned).as("packed texts").isEqualTo(scannedPlain);
                }
            }
        }
    }

    @Test
    void theTextIndexFollowsLaterImports() throws QueryException {
        Path copy = dir.resolve("grows.eventlens");
        try (ProjectStore store = ProjectStore.open(file)) {
            store.reads().update("VACUUM INTO ?", copy.toString());
        }
        try (ProjectStore store = ProjectStore.open(copy)) {
            store.indexText(() -> false);
            try (ImportWriter w = store.beginImport()) {
                w.startFile("c.jsonl", "json", null);
                w.add(event("e11", "late.one", "x", 90_000, null, null, "c9", null, "{\"w\":\"declined\"}", "{}"));
                w.commit();
            }
            assertThat(store.textIndexed()).isFalse();
            assertThat(ids(store, QueryParser.parse("declined"))).containsExactly("e3", "e11");
            store.indexText(() -> false);
            assertThat(store.textIndexed()).isTrue();
            assertThat(ids(store, QueryParser.parse("declined"))).containsExactly("e3", "e11");
        }
    }

    /** Whatever goes into a term, it reaches SQLite as a parameter: it selects nothing and changes nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"type:", "source:", "corr:", "cause:", "id:", "agg:", "agg:Order/", "aggtype:",
            "causedby:", "causes:", "flow:", "data.total=", "data.x!=", "metadata.userId=", "data.total~", "schema:",
            "schema:order.created@", ""})
    void injectionThroughEveryTermStaysData(String key) throws Exception {
        List<String> attacks = List.of("x';DROP TABLE events;--", "\"x\" OR 1=1 --", "x') OR ('1'='1",
                "x\"); DELETE FROM events; --", "1; ATTACH DATABASE '/tmp/evil' AS evil");
        try (ProjectStore store = ProjectStore.open(file)) {
            String before = schemaAndCounts(store);
            for (String attack : attacks) {
                String quoted = "\"" + attack.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                EventQuery q;
                try {
                    q = QueryParser.parse(key + quoted);
                } catch (QueryException refused) {
                    continue; // refused before any SQL: stays data too (a pattern that does not compile)
                }
                List<String> found = ids(store, q);
                if (!key.equals("data.x!=")) {
                    assertThat(found).as(key + quoted).isEmpty();
                }
                ids(store, QueryParser.parse("NOT " + key + quoted));
            }
            assertThat(schemaAndCounts(store)).isEqualTo(before);
        }
    }

    @Test
    void aRegularExpressionThatBacktracksForeverIsStoppedWithAMessage() throws QueryException {
        Path copy = dir.resolve("redos.eventlens");
        try (ProjectStore store = ProjectStore.open(copy); ImportWriter w = store.beginImport()) {
            w.startFile("r.jsonl", "json", null);
            String value = "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30";
            w.add(event("r1", "t", "s", 0, null, null, null, null, "{\"v\":\"" + value + "\"}", "{}"));
            w.commit();
        }
        try (ProjectStore store = ProjectStore.open(copy)) {
            EventQuery q = QueryParser.parse("data.v~^(.*?,){25}P");
            assertThatThrownBy(() -> store.count(q)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("took more than " + QueryFunctions.STEPS + " steps");
            assertThat(store.count(QueryParser.parse("data.v~^(.*?,){25}2"))).isEqualTo(1);
        }
    }

    @Test
    void relativeTimesCountBackFromTheLastEventNotFromNow() throws QueryException {
        try (ProjectStore store = ProjectStore.open(file)) {
            // The project's events are from 2024: relative to the wall clock, "the last day" would be empty.
            assertThat(store.count(QueryParser.parse("after:-1h"))).isEqualTo(6);
        }
    }

    private static String schemaAndCounts(ProjectStore store) {
        return store.reads().list("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY name",
                rs -> rs.getString(1)) + " events=" + store.eventCount() + " dl=" + store.deadLetterCount()
                + " deliveries=" + store.duplicateCount();
    }

    private static List<String> ids(ProjectStore store, EventQuery q) {
        List<String> out = new ArrayList<>();
        store.page(q, 0, 1000).forEach(e -> out.add(e.id()));
        return out;
    }
}

package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.Event;
import eventlens.model.Origin;
import eventlens.model.query.QueryParser;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Record texts packed by imports (decision 0062) read back exactly, through every reader. */
class PackedBodiesTest {
    private static final Instant T0 = Instant.parse("2024-01-15T08:00:00Z");

    @TempDir
    Path dir;

    private static List<Event> events(String file, int from, int n) {
        List<Event> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            String id = "evt-" + i;
            // One record in fifty carries a character outside the Basic Multilingual Plane: its data is stored apart.
            String data = "{\"orderId\":\"order-" + (100000 + i) + "\",\"customerId\":\"cust-" + (i % 97)
                    + "\",\"total\":" + (i % 300) + (i % 50 == 7 ? ",\"note\":\"🚀 fast\"" : "") + "}";
            String metadata = "{\"correlationId\":\"c-" + (i / 5) + "\",\"userId\":\"user-" + (i % 13) + "\"}";
            String raw = "{\"id\":\"" + id + "\",\"type\":\"order.created\",\"source\":\"order-service\",\"data\":"
                    + data + ",\"metadata\":" + metadata + "}";
            out.add(new Event(0, id, "order.created", "order-service", T0.plusSeconds(i), "Order", "order-" + i, 1L,
                    "c-" + (i / 5), null, data, metadata, raw, new Origin(file, i + 1, "json")));
        }
        return out;
    }

    static void importEvents(ProjectStore store, String file, List<Event> events) {
        try (ImportWriter w = store.beginImport()) {
            w.startFile(file, "json", null);
            events.forEach(w::add);
            w.commit();
        }
    }

    /** A project of the 300 events of {@code a.jsonl}, imported, changed by {@code sql} from outside, closed. */
    private Path changedOutside(String... sql) throws Exception {
        Path p = dir.resolve("p.eventlens");
        try (ProjectStore store = ProjectStore.open(p)) {
            importEvents(store, "a.jsonl", events("a.jsonl", 0, 300));
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + p); var s = c.createStatement()) {
            PackedText.register(c);
            for (String change : sql) {
                s.executeUpdate(change);
            }
        }
        return p;
    }

    static long scalar(Path project, String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + project); var s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anImportPacksItsRecordsWithADictionaryAndEveryEventReadsBackAsImported() throws Exception {
        Path p = dir.resolve("p.eventlens");
        List<Event> first = events("a.jsonl", 0, 600);
        List<Event> second = events("b.jsonl", 600, 400);
        try (ProjectStore store = ProjectStore.open(p)) {
            importEvents(store, "a.jsonl", first);
            importEvents(store, "b.jsonl", second);
        }
        assertThat(scalar(p, "SELECT count(*) FROM body_dictionaries")).isEqualTo(2);
        assertThat(scalar(p, "SELECT count(*) FROM event_bodies WHERE typeof(raw) = 'blob'")).isEqualTo(1000);
        assertThat(scalar(p, "SELECT sum(length(raw)) FROM event_bodies") * 2)
                .isLessThan(first.stream().mapToLong(e -> e.raw().length()).sum() * 10 / 6);
        try (ProjectStore store = ProjectStore.open(p)) {
            for (List<Event> batch : List.of(first, second)) {
                for (Event e : batch) {
                    Event read = store.event(e.id()).orElseThrow();
                    assertThat(read.raw()).isEqualTo(e.raw());
                    assertThat(read.data()).isEqualTo(e.data());
                    assertThat(read.metadata()).isEqualTo(e.metadata());
                }
            }
            assertThat(store.count(QueryParser.parse("data.customerId=cust-5"))).isEqualTo(11);
            assertThat(store.count(QueryParser.parse("metadata.userId~^user-1[0-2]$"))).isEqualTo(230);
            assertThat(store.count(QueryParser.parse("\"order-100777\""))).isEqualTo(1);
            assertThat(store.count(QueryParser.parse("🚀"))).isEqualTo(20);
        }
    }

    @Test
    void aRepeatedRecordIsComparedWithThePackedOne() {
        Path p = dir.resolve("p.eventlens");
        List<Event> events = events("a.jsonl", 0, 300);
        try (ProjectStore store = ProjectStore.open(p)) {
            importEvents(store, "a.jsonl", events);
            Event same = events.get(42);
            Event changed = events.get(43);
            importEvents(store, "b.jsonl", List.of(
                    new Event(0, same.id(), same.type(), null, null, null, null, null, null, null, same.data(), null,
                            same.raw(), new Origin("b.jsonl", 1, "json")),
                    new Event(0, changed.id(), changed.type(), null, null, null, null, null, null, null,
                            "{\"total\":0}", null, changed.raw(), new Origin("b.jsonl", 2, "json"))));
            assertThat(store.deliveries(same.id())).singleElement()
                    .satisfies(d -> assertThat(d.sameContent()).isTrue());
            assertThat(store.deliveries(changed.id())).singleElement()
                    .satisfies(d -> assertThat(d.sameContent()).isFalse());
        }
    }

    @Test
    void aRecordRepeatedInTheNextBatchIsComparedWithItsFirstBodyAndEveryBodyIsWritten() throws Exception {
        // Bodies are written with the next batch's rows (decision 0072): a repeat must still find its first body.
        Path p = dir.resolve("p.eventlens");
        List<Event> events = new ArrayList<>(events("a.jsonl", 0, 5000));
        Event first = events.get(4400); // repeated in its own batch, the last, written at commit
        Event changed = events.get(1990); // repeated in the batch after its own
        events.set(4500, new Event(0, first.id(), first.type(), null, null, null, null, null, null, null, first.data(),
                null, first.raw(), new Origin("a.jsonl", 4501, "json")));
        events.set(2100, new Event(0, changed.id(), changed.type(), null, null, null, null, null, null, null,
                "{\"total\":0}", null, changed.raw(), new Origin("a.jsonl", 2101, "json")));
        try (ProjectStore store = ProjectStore.open(p)) {
            importEvents(store, "a.jsonl", events);
            assertThat(store.deliveries(first.id())).singleElement()
                    .satisfies(d -> assertThat(d.sameContent()).isTrue());
            assertThat(store.deliveries(changed.id())).singleElement()
                    .satisfies(d -> assertThat(d.sameContent()).isFalse());
            for (Event e : List.of(events.get(0), events.get(1999), events.get(2000), events.get(4999))) {
                assertThat(store.event(e.id()).orElseThrow().raw()).isEqualTo(e.raw());
            }
        }
        assertThat(scalar(p, "SELECT count(*) FROM event_bodies")).isEqualTo(4998);
        assertThat(scalar(p, "SELECT count(*) FROM events e JOIN event_bodies b ON b.position = e.position"))
                .isEqualTo(4998);
    }

    @Test
    void aProjectOfPlainTextsGetsPackedOnesBesideThemAndReadsBoth() throws Exception {
        // As a project imported before decision 0062: its texts as text, and no dictionary table.
        Path p = changedOutside("UPDATE event_bodies AS b SET raw = " + PackedText.RAW, "DROP TABLE body_dictionaries",
                "UPDATE meta SET value = '7' WHERE key = 'schema_version'");
        assertThat(scalar(p, "SELECT count(*) FROM event_bodies WHERE typeof(raw) = 'text'")).isEqualTo(300);
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThat(store.schemaVersion()).isEqualTo(Schema.current());
            importEvents(store, "b.jsonl", events("b.jsonl", 300, 300));
            assertThat(store.count(QueryParser.parse("data.customerId=cust-5"))).isEqualTo(7);
            assertThat(store.event("evt-7").orElseThrow().raw()).contains("🚀");
            assertThat(store.event("evt-307").orElseThrow().raw()).contains("🚀");
        }
        assertThat(scalar(p, "SELECT count(*) FROM event_bodies WHERE typeof(raw) = 'blob'")).isEqualTo(300);
    }

    @Test
    void aDamagedPackedTextIsReportedAsDamage() throws Exception {
        Path p = changedOutside("UPDATE event_bodies SET raw = substr(raw, 1, 12) WHERE position = 5",
                "DELETE FROM body_dictionaries");
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThatThrownBy(() -> store.event("evt-4")).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.isDamage()).as(e.getMessage()).isTrue());
            assertThatThrownBy(() -> store.event("evt-9")).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.getMessage()).contains("dictionary 1 is missing"));
        }
    }

    @Test
    void aReadOnlyProjectReadsItsPackedTexts() throws Exception {
        Path p = dir.resolve("p.eventlens");
        List<Event> events = events("a.jsonl", 0, 300);
        try (ProjectStore store = ProjectStore.open(p)) {
            importEvents(store, "a.jsonl", events);
        }
        try (ProjectStore store = ProjectStore.openReadOnly(p)) {
            assertThat(store.isReadOnly()).isTrue();
            assertThat(store.event("evt-123").orElseThrow().raw()).isEqualTo(events.get(123).raw());
            assertThat(store.count(QueryParser.parse("data.customerId=cust-5"))).isEqualTo(4);
        }
    }
}

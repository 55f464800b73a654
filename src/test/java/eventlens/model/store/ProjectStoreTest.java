package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.ImportError;
import eventlens.model.Origin;
import eventlens.model.query.EventQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectStoreTest {
    @TempDir
    Path dir;

    static Event event(String id, String type, String corr, long line, String file) {
        return new Event(0, id, type, "svc", Instant.parse("2024-01-15T10:00:00Z").plusSeconds(line), "Order",
                "order-" + (line % 3), line, corr, null, "{\"n\":" + line + "}", "{}", "{\"id\":\"" + id + "\"}",
                new Origin(file, line, "json"));
    }

    private void importEvents(ProjectStore store, String file, List<Event> events) {
        try (ImportWriter w = store.beginImport()) {
            w.startFile(file, "json", null);
            events.forEach(w::add);
            w.commit();
        }
    }

    @Test
    void nativeLibrariesLoadedAheadLeaveNothingBehindAndProjectsStillOpen() {
        ProjectStore.loadNativeLibraries();
        ProjectStore.loadNativeLibraries(); // twice, as a warm-up racing the first open would
        assertThat(dir.toFile().list()).isEmpty();
        try (ProjectStore store = ProjectStore.open(dir.resolve("after-warm-up.eventlens"))) {
            assertThat(store.eventCount()).isZero();
        }
    }

    @Test
    void newProjectHasCurrentSchemaAndNoEvents() {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            assertThat(store.schemaVersion()).isEqualTo(Schema.current());
            assertThat(store.eventCount()).isZero();
        }
    }

    @Test
    void importedEventsGetDensePositionsAndPageInOrder() {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            importEvents(store, "a.jsonl", List.of(event("e1", "order.created", "c1", 1, "a.jsonl"),
                    event("e2", "order.paid", "c1", 2, "a.jsonl"), event("e3", "order.created", "c2", 3, "a.jsonl")));
            assertThat(store.eventCount()).isEqualTo(3);
            assertThat(store.page(EventQuery.ALL, 1, 10)).extracting(Event::id).containsExactly("e2", "e3");
            assertThat(store.events(EventQuery.ALL, 0, 2)).extracting(Event::position).containsExactly(1L, 2L);
            Event e2 = store.event("e2").orElseThrow();
            assertThat(e2.origin()).isEqualTo(new Origin("a.jsonl", 2, "json"));
            assertThat(e2.time()).isEqualTo(Instant.parse("2024-01-15T10:00:02Z"));
            assertThat(store.count(EventQuery.correlation("c1"))).isEqualTo(2);
            assertThat(store.page(EventQuery.ALL.withType("order.c*"), 1, 5)).extracting(Event::id)
                    .containsExactly("e3");
        }
    }

    @Test
    void sameIdFromAnotherRecordIsAnExtraDeliveryAndDifferentContentIsFlagged() {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            importEvents(store, "a.jsonl", List.of(event("e1", "order.created", "c1", 1, "a.jsonl")));
            Event sameContent = event("e1", "order.created", "c1", 1, "b.jsonl");
            Event otherContent = new Event(0, "e1", "order.created", null, null, null, null, null, null, null,
                    "{\"n\":99}", null, "{}", new Origin("b.jsonl", 2, "json"));
            importEvents(store, "b.jsonl", List.of(sameContent, otherContent));
            assertThat(store.eventCount()).isEqualTo(1);
            assertThat(store.deliveries("e1")).extracting(RecordedDelivery::sameContent).containsExactly(true, false);
            assertThat(store.deliveryCount("e1")).isEqualTo(new ProjectStore.DeliveryCount(3, true));
            assertThat(store.imports().get(1).duplicates()).isEqualTo(2);
        }
    }

    @Test
    void theSameDataWrittenAnotherWayIsTheSameContent() {
        // Data is kept as each record writes it (decision 0068): an older copy written out from a tree and a
        // verbatim one are the same content; other values are not.
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            importEvents(store, "a.jsonl", List.of(withData("{\"price\":70.3,\"items\":[1,2]}", "a.jsonl", 1)));
            importEvents(store, "b.jsonl", List.of(withData("{\"price\": 70.30, \"items\": [1, 2]}", "b.jsonl", 1),
                    withData("{\"price\": 70.31, \"items\": [1, 2]}", "b.jsonl", 2)));
            assertThat(store.deliveries("e1")).extracting(RecordedDelivery::sameContent).containsExactly(true, false);
        }
    }

    private static Event withData(String data, String file, long line) {
        return new Event(0, "e1", "order.priced", null, null, null, null, null, null, null, data, null, "{}",
                new Origin(file, line, "json"));
    }

    @Test
    void reimportingTheSameFileSkipsEveryRecord() {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            List<Event> events = List.of(event("e1", "t", "c", 1, "a.jsonl"), event("e2", "t", "c", 2, "a.jsonl"));
            importEvents(store, "a.jsonl", events);
            importEvents(store, "a.jsonl", events);
            assertThat(store.eventCount()).isEqualTo(2);
            assertThat(store.duplicateCount()).isZero();
            ImportRecord second = store.imports().get(1);
            assertThat(second.read()).isEqualTo(2);
            assertThat(second.skipped()).isEqualTo(2);
            assertThat(second.imported()).isZero();
        }
    }

    @Test
    void anImportNotCommittedLeavesTheProjectAsItWas() {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            importEvents(store, "a.jsonl", List.of(event("e1", "t", "c", 1, "a.jsonl")));
            try (ImportWriter w = store.beginImport()) {
                w.startFile("b.jsonl", "json", null);
                for (int i = 0; i < 5000; i++) {
                    w.add(event("b" + i, "t", "c", i + 1, "b.jsonl"));
                }
                w.add(new ImportError("b.jsonl", 9, 1, "bad", "x"));
                // closed without commit: the user cancelled
            }
            assertThat(store.eventCount()).isEqualTo(1);
            assertThat(store.imports()).hasSize(1);
            assertThat(store.importErrorCount()).isZero();
        }
    }

    @Test
    void errorsAndDeadLettersAreStoredWithTheirOrigin() {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            try (ImportWriter w = store.beginImport()) {
                w.startFile("d.jsonl", "json", null);
                w.add(new ImportError("d.jsonl", 3, 7, "invalid JSON", "{oops"));
                w.add(new DeadLetter(0, "e1", "{}", "billing", null, null, "Timeout", "took 5000 ms", null, 3, null,
                        Instant.parse("2024-01-15T10:00:00Z"), null, "{\"event\":{}}", new Origin("d.jsonl", 4, "json")));
                ImportRecord summary = w.finishFile();
                assertThat(summary.read()).isEqualTo(2);
                w.commit();
            }
            long importId = store.imports().get(0).id();
            assertThat(store.importErrors(importId, 0, 10)).containsExactly(
                    new ImportError("d.jsonl", 3, 7, "invalid JSON", "{oops"));
            DeadLetter d = store.deadLetters(0, 10).get(0);
            assertThat(d.handler()).isEqualTo("billing");
            assertThat(d.origin().line()).isEqualTo(4);
            assertThat(d.fingerprint()).isNotBlank();
        }
    }

    @Test
    void dataAndMetadataComeBackExactlyWhetherStoredAsTextOrAsAPlaceInTheRawRecord() throws Exception {
        String data = "{\"total\":150,\"note\":\"caf\u00e9 order\"}";
        String meta = "{\"correlationId\":\"c1\",\"userId\":\"u-1\"}";
        String raw = "{\"id\":\"e1\",\"data\":" + data + ",\"metadata\":" + meta + "}";
        String emojiData = "{\"total\":50,\"note\":\"\uD83D\uDE80 rocket order\"}";
        String emojiRaw = "{\"id\":\"e2\",\"data\":" + emojiData + "}";
        String reformatted = "{\"total\": 70, \"note\": \"pretty printed\"}";
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            importEvents(store, "a.jsonl", List.of(
                    new Event(0, "e1", "t", null, null, null, null, null, "c1", null, data, meta, raw,
                            new Origin("a.jsonl", 1, "json")),
                    new Event(0, "e2", "t", null, null, null, null, null, "c1", null, emojiData, null, emojiRaw,
                            new Origin("a.jsonl", 2, "json")),
                    new Event(0, "e3", "t", null, null, null, null, null, "c1", null, "{\"total\":70}", null,
                            reformatted, new Origin("a.jsonl", 3, "json"))));
            Event e1 = store.event("e1").orElseThrow();
            assertThat(e1.data()).isEqualTo(data);
            assertThat(e1.metadata()).isEqualTo(meta);
            assertThat(e1.raw()).isEqualTo(raw);
            assertThat(store.event("e2").orElseThrow().data()).isEqualTo(emojiData);
            assertThat(store.event("e3").orElseThrow().data()).isEqualTo("{\"total\":70}");
            assertThat(store.page(eventlens.model.query.QueryParser.parse("data.total>60"), 0, 10))
                    .extracting(Event::id).containsExactly("e1", "e3");
            assertThat(store.count(eventlens.model.query.QueryParser.parse("\"rocket\""))).isEqualTo(1);
            assertThat(store.count(eventlens.model.query.QueryParser.parse("data.note=\"café order\""))).isEqualTo(1);
        }
    }

    @Test
    void aFileThatIsNotAProjectIsRefusedWithAClearMessage() throws Exception {
        Path notSqlite = Files.writeString(dir.resolve("notes.db"), "hello");
        assertThatThrownBy(() -> ProjectStore.open(notSqlite)).isInstanceOf(StoreException.class)
                .hasMessageContaining("not an EventLens project");
    }

    @Test
    void anApplicationsSqliteDatabaseIsRefusedAndLeftByteForByteUnchanged() throws Exception {
        Path app = dir.resolve("app.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + app); var s = c.createStatement()) {
            s.execute("CREATE TABLE events (id TEXT, body TEXT)");
            s.execute("CREATE TABLE meta (k TEXT, v TEXT)"); // a table of the same name, not ours
            s.execute("INSERT INTO events VALUES ('1', 'x')");
        }
        byte[] before = Files.readAllBytes(app);
        assertThatThrownBy(() -> ProjectStore.open(app)).isInstanceOf(StoreException.class)
                .hasMessageContaining("not an EventLens project").hasMessageContaining("events, meta")
                .hasMessageContaining("left unchanged");
        assertThat(Files.readAllBytes(app)).isEqualTo(before);
        assertThat(dir.resolve("app.db-wal")).doesNotExist();

        // A project, an empty file and a project whose first migration was cut short still open.
        Path empty = Files.createFile(dir.resolve("empty.eventlens"));
        ProjectStore.open(empty).close();
        ProjectStore.open(empty).close();
        Path cut = dir.resolve("cut.eventlens");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + cut); var s = c.createStatement()) {
            s.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        }
        ProjectStore.open(cut).close();
    }

    @Test
    void aProjectWithJunkInTheMiddleSaysItIsDamagedInsteadOfReadingGarbage() throws Exception {
        Path p = dir.resolve("p.eventlens");
        try (ProjectStore store = ProjectStore.open(p)) {
            List<Event> many = new java.util.ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                many.add(event("e" + i, "order.created", "c" + i % 7, i + 1, "a.jsonl"));
            }
            importEvents(store, "a.jsonl", many);
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + p); var s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        long size = Files.size(p);
        try (var f = new java.io.RandomAccessFile(p.toFile(), "rw")) {
            f.seek(size / 2 / 4096 * 4096); // a whole page of junk in the middle
            byte[] junk = new byte[4096];
            new java.util.Random(3).nextBytes(junk);
            f.write(junk);
        }
        assertThatThrownBy(() -> ProjectStore.open(p)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.getMessage()).startsWith(StoreException.DAMAGED).contains("Import the logs again");
            assertThat(e.isDamage()).isTrue();
        });
    }

    @Test
    void aPlaceOutsideTheRecordedTextIsDamageNotAnIndexError() throws Exception {
        Path p = dir.resolve("p.eventlens");
        try (ProjectStore store = ProjectStore.open(p)) {
            importEvents(store, "a.jsonl", List.of(new Event(0, "e1", "t", null, null, null, null, null, null, null,
                    "{\"n\":1}", null, "{\"id\":\"e1\",\"data\":{\"n\":1}}", new Origin("a.jsonl", 1, "json"))));
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + p); var s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE event_bodies SET data = NULL, data_at = 20, data_len = 999")).isEqualTo(1);
        }
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThatThrownBy(() -> store.event("e1")).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.isDamage()).isTrue());
        }
    }

    @Test
    void aBigWriteAheadLogLeftBehindIsCutBackWhenTheProjectOpens() throws Exception {
        Path p = dir.resolve("p.eventlens");
        ProjectStore.open(p).close();
        Path wal = Path.of(p + "-wal");
        // Another connection, idle but open, keeps a 20 MB log on disk as a killed import would.
        try (var other = DriverManager.getConnection("jdbc:sqlite:" + p); var s = other.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            for (int i = 0; i < 20; i++) {
                s.execute("INSERT INTO meta(key, value) VALUES ('filler" + i + "', hex(zeroblob(500000)))");
            }
            assertThat(Files.size(wal)).isGreaterThan(ProjectStore.WAL_LEFT_OVER);
            try (ProjectStore store = ProjectStore.open(p)) {
                assertThat(Files.size(wal)).isLessThan(1_000_000);
                assertThat(store.eventCount()).isZero();
            }
        }
    }

    @Test
    void aProjectFromANewerVersionIsRefused() throws Exception {
        Path p = dir.resolve("p.db");
        ProjectStore.open(p).close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + p); var s = c.createStatement()) {
            s.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'");
        }
        assertThatThrownBy(() -> ProjectStore.open(p)).hasMessageContaining("newer EventLens");
    }

    @Test
    void aProjectOfAnOlderSchemaIsReadReadOnlyAsItIsOnlyWhenAskedAndStaysUntouched() throws Exception {
        Path file = dir.resolve("old.db");
        try (ProjectStore store = ProjectStore.open(file)) {
            importEvents(store, "a.jsonl", List.of(event("e1", "order.created", "c1", 1, "a.jsonl")));
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
            s.execute("UPDATE meta SET value = '" + (Schema.current() - 1) + "' WHERE key = 'schema_version'");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> ProjectStore.openReadOnly(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("older EventLens");
        try (ProjectStore store = ProjectStore.openReadOnly(file, true)) {
            assertThat(store.isReadOnly()).isTrue();
            assertThat(store.count(EventQuery.ALL)).isEqualTo(1);
            assertThat(store.schemaVersion()).isEqualTo(Schema.current() - 1);
        }
        assertThat(Files.readAllBytes(file)).as("not migrated, not written").isEqualTo(before);
    }
}

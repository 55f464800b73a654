package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.Event;
import eventlens.model.Origin;
import eventlens.model.query.EventQuery;
import eventlens.model.query.QueryParser;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events read with their texts left for later and their short columns as one text (decision 0070). */
class TextsLaterTest {
    @TempDir
    Path dir;

    /** Events that test every column's edges: NULL beside empty, NUL and astral characters, zero and negative numbers. */
    static List<Event> awkward(String file, int n) {
        List<Event> out = new ArrayList<>();
        String[] odd = {null, "", "a\u0000b", "\uD83D\uDE80 rocket", "caf\u00e9", ":", "-1:", "12:x", ","};
        for (int i = 0; i < n; i++) {
            String o = odd[i % odd.length];
            String id = file.charAt(0) + "-" + i + (o == null ? "" : o);
            Instant time = switch (i % 5) {
                case 0 -> null;
                case 1 -> Instant.EPOCH;
                case 2 -> Instant.parse("1969-07-20T20:17:40.123456Z");
                default -> Instant.parse("2024-01-15T10:00:00Z").plusMillis(i);
            };
            Long version = i % 4 == 0 ? null : (long) (i % 4 - 2);
            String data = i % 6 == 0 ? null : "{\"n\":" + i + ",\"note\":\"" + (o == null ? "" : o.replace("\u0000", "\\u0000")) + "\"}";
            String metadata = i % 3 == 0 ? null : "{\"userId\":\"u-" + (i % 13) + "\"}";
            // Every seventh record's data is written another way than it sits in the record: stored as text.
            String rawData = i % 7 == 0 && data != null ? data.replace(":", ": ") : data;
            String raw = "{\"id\":\"e-" + i + "\",\"data\":" + rawData + ",\"metadata\":" + metadata + "}";
            if (i % 23 == 5) {
                raw = ""; // a record with no text at all (a reader's synthetic event)
            }
            out.add(new Event(0, id, i % 8 == 0 ? o : "type-" + i % 3, i % 9 == 0 ? null : "svc" + (o == null ? "" : o),
                    time, i % 2 == 0 ? null : "Order", i % 2 == 0 ? o : "order-" + i % 11, version,
                    i % 10 == 0 ? null : "c-" + i / 4, i % 4 == 1 ? "e-" + (i - 1) : o, data, metadata, raw,
                    new Origin(file, i + 1, i % 2 == 0 ? "json" : "cloudevents")));
        }
        return out;
    }

    @Test
    void eventsReadWithTheirTextsLaterAreTheEventsReadAtOnce() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.eventlens"))) {
            PackedBodiesTest.importEvents(store, "some dir/a.jsonl", awkward("some dir/a.jsonl", 40)); // too few to train a dictionary
            PackedBodiesTest.importEvents(store, "b.jsonl", awkward("b.jsonl", TextPacker.MIN_SAMPLES + 100)); // packed
            // page() unpacks the texts in SQL: the reading events() and eventsTextsLater() are checked against.
            List<Event> atOnce = store.page(EventQuery.ALL, 0, 10_000);
            List<Event> later = store.eventsTextsLater(EventQuery.ALL, 0, 10_000);
            assertThat(later).hasSameSizeAs(atOnce).hasSize(40 + TextPacker.MIN_SAMPLES + 100);
            assertThat(later).allSatisfy(e -> assertThat(e.textsPending()).isTrue());
            assertThat(later.get(7)).isSameAs(later.get(7)); // each row is made into an event once
            for (int i = 0; i < atOnce.size(); i++) {
                Event a = atOnce.get(i);
                Event b = later.get(i);
                assertThat(b.toString()).isEqualTo(a.toString());
                assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
                assertThat(b.textsPending()).isFalse();
            }
            assertThat(atOnce).extracting(Event::time).contains(null, Instant.EPOCH,
                    Instant.parse("1969-07-20T20:17:40.123456Z"));
            assertThat(atOnce).extracting(Event::version).contains(null, 0L, -1L);
            assertThat(atOnce).extracting(Event::type).contains(null, "", "a\u0000b", "\uD83D\uDE80 rocket");

            // events() unpacks them in Java, at once: the same events, none left pending.
            List<Event> read = store.events(EventQuery.ALL, 0, 10_000);
            assertThat(read).noneSatisfy(e -> assertThat(e.textsPending()).isTrue()).isEqualTo(atOnce);

            // A filter and a page boundary: the same events as the reading at once.
            EventQuery q = QueryParser.parse("type:type-1");
            List<Event> expected = atOnce.stream().filter(e -> "type-1".equals(e.type()) && e.position() > 50).limit(7)
                    .toList();
            assertThat(store.eventsTextsLater(q, 50, 7)).isEqualTo(expected).hasSize(7);
            assertThat(store.events(q, 50, 7)).isEqualTo(expected);
        }
    }

    @Test
    void aDamagedPackedTextFailsAsDamageWhenItsTextsAreFirstAskedFor() throws Exception {
        Path p = dir.resolve("p.eventlens");
        try (ProjectStore store = ProjectStore.open(p)) {
            PackedBodiesTest.importEvents(store, "b.jsonl", awkward("b.jsonl", TextPacker.MIN_SAMPLES + 100));
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + p); var s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE event_bodies SET raw = substr(raw, 1, 12) WHERE position = 5")).isEqualTo(1);
        }
        try (ProjectStore store = ProjectStore.open(p)) {
            List<Event> later = store.eventsTextsLater(EventQuery.ALL, 0, 10);
            assertThat(later.get(3).raw()).isNotEmpty();
            Event cut = later.get(4);
            assertThat(cut.id()).startsWith("b-4");
            assertThatThrownBy(cut::data).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.isDamage()).as(e.getMessage()).isTrue());
            assertThatThrownBy(cut::raw).isInstanceOf(StoreException.class); // asked again, it fails again
            assertThat(cut.textsPending()).isTrue();
            // Read at once, the page fails as damage.
            assertThatThrownBy(() -> store.events(EventQuery.ALL, 0, 10)).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.isDamage()).as(e.getMessage()).isTrue());
            assertThat(store.events(EventQuery.ALL, 0, 4)).hasSize(4); // the events before it still read
        }
    }

    @Test
    void aRowWhoseNumbersAreNotNumbersIsDamageNotAWrongEvent() throws Exception {
        Path p = dir.resolve("p.eventlens");
        try (ProjectStore store = ProjectStore.open(p)) {
            PackedBodiesTest.importEvents(store, "a.jsonl", awkward("a.jsonl", 3));
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + p); var s = c.createStatement()) {
            // Junk where a number was: the column's INTEGER affinity keeps text that does not look like one.
            assertThat(s.executeUpdate("UPDATE events SET line = 'x1:y' WHERE position = 2")).isEqualTo(1);
            // Without the blocks, which keep the line as imported (decision 0071), the rows are read.
            s.executeUpdate("DELETE FROM event_blocks");
        }
        try (ProjectStore store = ProjectStore.open(p)) {
            // CAST makes it a number as the driver's getLong would: the row reads as the other reading reads it.
            assertThat(store.eventsTextsLater(EventQuery.ALL, 0, 10)).isEqualTo(store.events(EventQuery.ALL, 0, 10));
        }
    }

    @Test
    void aConcatenatedRowThatDoesNotFollowItsShapeIsDamage() throws Exception {
        String rest = "-1:".repeat(10);
        Event ok = new ShortColumns().event(row(("-7,,0,,,,,2:id" + rest).getBytes()));
        assertThat(ok.id()).isEqualTo("id");
        assertThat(ok.time()).isEqualTo(Instant.EPOCH.minusNanos(7_000));
        assertThat(ok.version()).isNull();
        assertThat(ok.raw()).isEmpty();
        for (String bad : List.of("-,,0,,,,,2:id" + rest, "x,,0,,,,,2:id" + rest, ",,0,,,,2:id" + rest,
                ",,0,,,,,2id" + rest, ",,0,,,,,:id" + rest, ",,0,,,,,9:id" + rest, ",,0,,,,,2:id" + rest + "x",
                ",,0,,,,,-1:" + rest, ",,0,,,,,12345678901:id" + rest)) {
            assertThatThrownBy(() -> new ShortColumns().event(row(bad.getBytes())))
                    .as(bad).isInstanceOf(java.sql.SQLException.class)
                    .satisfies(e -> assertThat(new StoreException("read", e).isDamage()).isTrue());
        }
    }

    private static ShortColumns.Row row(byte[] text) {
        return new ShortColumns.Row(5, text, 0, text.length, new byte[0]);
    }
}

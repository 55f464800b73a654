package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.Event;
import eventlens.model.Origin;
import eventlens.model.query.EventQuery;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events' short columns kept in blocks, which a replay of the whole log reads instead of rows (decision 0071). */
class EventBlocksTest {
    @TempDir
    Path dir;

    /** Awkward events, more than a batch of them, with a lone surrogate and ids that repeat. */
    private static List<Event> events(String file, int n) {
        List<Event> out = new ArrayList<>(TextsLaterTest.awkward(file, n));
        Event e = out.get(3);
        out.set(3, new Event(0, e.id(), "half \uD800 of a pair", e.source(), e.time(), e.aggregateType(), e.aggregateId(),
                e.version(), e.correlationId(), "\uDC00", e.data(), e.metadata(), e.raw(), e.origin()));
        for (int i = 100; i < n; i += 997) {
            Event first = out.get(i - 90);
            out.set(i, new Event(0, first.id(), first.type(), first.source(), first.time(), null, null, null, null, null,
                    first.data(), first.metadata(), first.raw(), new Origin(file, i + 1, "json"))); // a redelivery
        }
        return out;
    }

    private static void change(Path project, String... sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + project); var s = c.createStatement()) {
            for (String change : sql) {
                s.executeUpdate(change);
            }
        }
    }

    /** A project of a.jsonl's and b.jsonl's events (as many as given), imported, with its indexes and blocks made. */
    private Path indexed(int a, int b) {
        Path p = dir.resolve("p.eventlens");
        try (ProjectStore store = ProjectStore.open(p)) {
            PackedBodiesTest.importEvents(store, "a.jsonl", events("a.jsonl", a));
            if (b > 0) {
                PackedBodiesTest.importEvents(store, "b.jsonl", events("b.jsonl", b));
            }
            assertThat(store.buildIndexes()).isTrue();
        }
        return p;
    }

    /** Every event with its texts read, so that lists compare whole. */
    private static List<Event> whole(List<Event> events) {
        events.forEach(Event::raw);
        return events;
    }

    @Test
    void theBlocksMadeAfterAnImportHoldEveryEventAndReadAsItsRows() throws Exception {
        Path p = dir.resolve("p.eventlens");
        List<Event> fromBlocks;
        try (ProjectStore store = ProjectStore.open(p)) {
            PackedBodiesTest.importEvents(store, "a.jsonl", events("a.jsonl", 40)); // too few to pack
            PackedBodiesTest.importEvents(store, "dir/b.jsonl", events("dir/b.jsonl", 4_500)); // packed
            assertThat(store.missingIndexes()).contains(EventIndexes.BLOCKS); // made after the import, with the indexes
            assertThat(store.buildIndexes()).isTrue();
            fromBlocks = whole(store.eventsTextsLater(EventQuery.ALL, 0, 10_000));
            assertThat(fromBlocks).isEqualTo(store.events(EventQuery.ALL, 0, 10_000));
            assertThat(fromBlocks).extracting(Event::type).contains("half \uD800 of a pair".replace('\uD800', '?'));
        }
        long events = PackedBodiesTest.scalar(p, "SELECT count(*) FROM events");
        assertThat(events).isEqualTo(fromBlocks.size()).isLessThan(4_540); // the redeliveries are not events
        assertThat(PackedBodiesTest.scalar(p, "SELECT count(*) FROM event_blocks")).isEqualTo(3); // 2,000 events a block
        assertThat(PackedBodiesTest.scalar(p, "SELECT sum(last_position - first_position + 1) FROM event_blocks")).isEqualTo(events);
        assertThat(PackedBodiesTest.scalar(p, "SELECT count(*) FROM event_blocks a JOIN event_blocks b "
                + "ON b.first_position = a.last_position + 1")).isEqualTo(PackedBodiesTest.scalar(p, "SELECT count(*) - 1 FROM event_blocks"));

        change(p, "DELETE FROM event_blocks");
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThat(whole(store.eventsTextsLater(EventQuery.ALL, 0, 10_000))).isEqualTo(fromBlocks);
        }
    }

    @Test
    void aPageReadWithoutItsRecordTextsReadsThemAllWhenTheFirstIsAskedFor() throws Exception {
        Path p = dir.resolve("p.eventlens");
        try (ProjectStore store = ProjectStore.open(p)) {
            PackedBodiesTest.importEvents(store, "a.jsonl", events("a.jsonl", 40)); // too few to pack
            PackedBodiesTest.importEvents(store, "dir/b.jsonl", events("dir/b.jsonl", 4_500)); // packed
            assertThat(store.buildIndexes()).isTrue();
            long last = store.events(EventQuery.ALL, 0, 100_000).size();
            int[] asked = {0};
            for (long after : new long[] {0, 39, 1_999, 2_001, last - 3}) {
                for (int limit : new int[] {1, 7, 2_000, 3_001}) {
                    List<Event> page = store.eventsTextsWhenAsked(EventQuery.ALL, after, limit, () -> asked[0]++);
                    int before = asked[0];
                    assertThat(page).extracting(Event::id).doesNotContainNull();
                    assertThat(asked[0]).as("the short columns read no record text").isEqualTo(before);
                    assertThat(page.get(page.size() - 1).data()).isEqualTo(store.events(EventQuery.ALL,
                            after + page.size() - 1, 1).get(0).data());
                    assertThat(whole(page)).as("after %d, %d", after, limit).isEqualTo(store.events(EventQuery.ALL, after, limit))
                            .hasSize((int) Math.min(limit, last - after));
                    assertThat(asked[0]).as("the page's texts read once, all together").isEqualTo(before + 1);
                }
            }
        }
        Path damaged = dir.resolve("damaged.eventlens");
        java.nio.file.Files.copy(p, damaged);
        change(damaged, "DELETE FROM event_bodies WHERE position = 7");
        try (ProjectStore store = ProjectStore.open(damaged)) {
            List<Event> page = store.eventsTextsWhenAsked(EventQuery.ALL, 0, 100, () -> { });
            assertThat(page.get(50).id()).isNotNull();
            assertThatThrownBy(() -> page.get(50).data()).as("a text of the page is missing")
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isDamage()).as(e.getMessage()).isTrue());
        }
    }

    @Test
    void aTextAskedForAfterTheProjectClosedFailsWithTheStoresErrorNotAnother() throws Exception {
        Path p = indexed(300, 0);
        ProjectStore store = ProjectStore.open(p);
        List<Event> page = store.eventsTextsWhenAsked(EventQuery.ALL, 0, 100, () -> { });
        store.close();
        assertThat(page.get(10).id()).isNotNull(); // the short columns were read with the page
        assertThatThrownBy(() -> page.get(10).data()).isInstanceOf(StoreException.class).hasMessageContaining("cannot read project").hasMessageContaining("closed");
    }

    @Test
    void aPageStartsAnywhereAndHoldsAtMostItsLimitAcrossBlocksAndGaps() throws Exception {
        Path p = indexed(2_500, 6_100);
        // Gaps, as in a project imported before blocks were kept: the positions before the first block and between two.
        long first = PackedBodiesTest.scalar(p, "SELECT min(last_position) FROM event_blocks");
        long middle = PackedBodiesTest.scalar(p, "SELECT last_position FROM event_blocks ORDER BY last_position LIMIT 1 OFFSET 2");
        change(p, "DELETE FROM event_blocks WHERE last_position IN (" + first + ", " + middle + ")");
        try (ProjectStore store = ProjectStore.open(p)) {
            long last = store.events(EventQuery.ALL, 0, 100_000).size();
            for (long after : new long[] {0, 1, 1_999, 2_000, 2_001, 4_499, middle - 2_001, middle - 1, middle, last - 3, last}) {
                for (int limit : new int[] {1, 7, 2_000, 3_001}) {
                    List<Event> page = whole(store.eventsTextsLater(EventQuery.ALL, after, limit));
                    assertThat(page).as("after %d, %d", after, limit).isEqualTo(store.events(EventQuery.ALL, after, limit))
                            .hasSize((int) Math.min(limit, last - after));
                }
            }
        }
    }

    @Test
    void aDamagedBlockFailsAsDamage() throws Exception {
        Path p = indexed(300, 0);
        for (String damage : List.of("UPDATE event_blocks SET rows = x'28b52ffd0011223344'",
                "UPDATE event_blocks SET size = size - 1",
                "UPDATE event_blocks SET size = size + 1",
                "DELETE FROM event_bodies WHERE position = 7")) {
            Path copy = dir.resolve(damage.hashCode() + ".eventlens");
            java.nio.file.Files.copy(p, copy);
            change(copy, damage);
            try (ProjectStore store = ProjectStore.open(copy)) {
                assertThatThrownBy(() -> whole(store.eventsTextsLater(EventQuery.ALL, 0, 100))).as(damage)
                        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isDamage()).as(e.getMessage()).isTrue());
            }
        }
    }

    @Test
    void aProjectImportedBeforeBlocksWereKeptGetsThemWithItsIndexes() throws Exception {
        Path p = indexed(4_500, 2_100);
        long events = PackedBodiesTest.scalar(p, "SELECT count(*) FROM events");
        long second = PackedBodiesTest.scalar(p, "SELECT last_position FROM event_blocks ORDER BY last_position LIMIT 1 OFFSET 1");
        change(p, "DELETE FROM event_blocks WHERE last_position <= " + second + " OR last_position = " + events);
        List<Event> fromRows;
        try (ProjectStore store = ProjectStore.open(p)) {
            fromRows = whole(store.events(EventQuery.ALL, 0, 10_000));
            assertThat(store.missingIndexes()).containsExactly(EventIndexes.BLOCKS);
            List<String> told = new ArrayList<>();
            assertThat(store.buildIndexes((built, total, next) -> { }, () -> true)).isFalse(); // cancelled: nothing made
            assertThat(PackedBodiesTest.scalar(p, "SELECT count(*) FROM event_blocks WHERE last_position <= " + second)).isZero();
            assertThat(store.buildIndexes((built, total, next) -> told.add(built + "/" + total + " " + next), () -> false))
                    .isTrue();
            assertThat(told).containsExactly("0/1 the replay's blocks", "1/1 null");
            assertThat(store.missingIndexes()).isEmpty();
        }
        assertThat(PackedBodiesTest.scalar(p, "SELECT sum(last_position - first_position + 1) FROM event_blocks")).isEqualTo(events);
        change(p, "UPDATE events SET line = 0"); // the blocks keep the lines as they were: the events read from them
        try (ProjectStore store = ProjectStore.open(p)) {
            assertThat(whole(store.eventsTextsLater(EventQuery.ALL, 0, 10_000))).isEqualTo(fromRows);
        }
    }

    @Test
    void bigRecordsEndABlockByItsBytes() throws Exception {
        Path p = dir.resolve("p.eventlens");
        String big = "{\"blob\":\"" + "x".repeat(1 << 20) + "\"}";
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(new Event(0, "big-" + i, "t", null, null, null, null, null, null, null, big, null,
                    "{\"data\":" + big + "}", new Origin("big.jsonl", i + 1, "json")));
        }
        try (ProjectStore store = ProjectStore.open(p)) {
            PackedBodiesTest.importEvents(store, "big.jsonl", events);
            assertThat(store.buildIndexes()).isTrue();
            assertThat(whole(store.eventsTextsLater(EventQuery.ALL, 0, 100))).isEqualTo(store.events(EventQuery.ALL, 0, 100));
        }
        assertThat(PackedBodiesTest.scalar(p, "SELECT count(*) FROM event_blocks")).isEqualTo(2); // 16 MB, then the rest
        assertThat(PackedBodiesTest.scalar(p, "SELECT max(size) FROM event_blocks")).isLessThan(18L << 20);
    }
}

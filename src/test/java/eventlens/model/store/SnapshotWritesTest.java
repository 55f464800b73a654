package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import eventlens.model.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State snapshots are derived rows written while reading: through a writer of the project's own, never
 * through the reader connection; in a read-only project to the reader's in-memory copies only.
 */
class SnapshotWritesTest {
    @TempDir
    Path dir;

    private static Path projectWithOneAggregate(Path file) {
        try (ProjectStore store = ProjectStore.open(file); ImportWriter w = store.beginImport()) {
            w.startFile("given", "json", null);
            for (long v = 1; v <= 3; v++) {
                w.add(new Event(0, "e" + v, "cart.changed", "test", Instant.parse("2024-05-01T00:00:00Z").plusSeconds(v),
                        "Cart", "cart-1", v, null, null, "{\"n\":" + v + "}", null, "{\"n\":" + v + "}",
                        new Origin("given", v, "json")));
            }
            w.commit();
        }
        return file;
    }

    private static Snapshot snapshot(long version) {
        return new Snapshot("cart-1", "merge", version, version, Instant.parse("2024-05-01T00:00:00Z").plusSeconds(version),
                "{\"n\":" + version + "}");
    }

    @Test
    void snapshotsAreWrittenThroughAWriterWhileTheReaderOnlyReads() throws Exception {
        try (ProjectStore store = ProjectStore.open(projectWithOneAggregate(dir.resolve("p.eventlens")))) {
            try (Statement s = store.reads().connection().createStatement()) {
                s.execute("PRAGMA query_only=1"); // any write through the reader now fails
            }
            AggregateStore aggregates = new AggregateStore(store);
            aggregates.writeSnapshots(List.of(snapshot(2), snapshot(3)));
            aggregates.writeStamp("cart-1", "merge", new SnapshotStamp(3, 3, 3));

            assertThat(aggregates.snapshotCount("cart-1")).isEqualTo(2);
            assertThat(aggregates.latestSnapshot("cart-1", "merge")).get().extracting(Snapshot::version).isEqualTo(3L);
            assertThat(aggregates.stamp("cart-1", "merge")).contains(new SnapshotStamp(3, 3, 3));

            aggregates.clearSnapshots("cart-1");
            assertThat(aggregates.snapshotCount("cart-1")).isZero();
            assertThat(aggregates.stamp("cart-1", "merge")).isEmpty();
        }
    }

    @Test
    void snapshotsWrittenBeforeCloseAreThereAtTheNextOpen() {
        Path file = projectWithOneAggregate(dir.resolve("p.eventlens"));
        try (ProjectStore store = ProjectStore.open(file)) {
            new AggregateStore(store).writeSnapshots(List.of(snapshot(2)));
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            assertThat(new AggregateStore(store).snapshotAtVersion("cart-1", "merge", 2)).isPresent();
        }
    }

    @Test
    void inAReadOnlyProjectSnapshotsAreKeptInMemoryAndTheFileIsUntouched() throws Exception {
        Path file = projectWithOneAggregate(dir.resolve("p.eventlens"));
        byte[] before = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        try (ProjectStore store = ProjectStore.openReadOnly(file)) {
            AggregateStore aggregates = new AggregateStore(store);
            aggregates.writeSnapshots(List.of(snapshot(2)));
            aggregates.writeStamp("cart-1", "merge", new SnapshotStamp(3, 3, 3));
            assertThat(aggregates.latestSnapshot("cart-1", "merge")).isPresent();
            assertThat(aggregates.stamp("cart-1", "merge")).contains(new SnapshotStamp(3, 3, 3));
        }
        assertThat(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))).isEqualTo(before);
        try (ProjectStore store = ProjectStore.openReadOnly(file)) {
            assertThat(new AggregateStore(store).snapshotCount("cart-1")).isZero();
        }
    }
}

package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0051: an import into an empty project loads without the id index (ids told apart by their
 * fingerprints), and an import that creates a project writes a side file that appears whole at commit.
 */
class BulkLoadTest {
    @TempDir
    Path dir;

    @Test
    void fingerprintsTakeABatchOnlyWhenEveryIdIsNew() {
        IdFingerprints ids = new IdFingerprints();
        assertThat(ids.addAllNew(List.of("a", "b", "c"), 11)).isTrue();
        assertThat(ids.addAllNew(List.of("d", "b"), 14)).as("b was taken before").isFalse();
        assertThat(ids.addAllNew(List.of("e", "f", "e"), 14)).as("e twice in the batch").isFalse();
        assertThat(ids.size()).as("a refused batch adds nothing").isEqualTo(3);
        List<String> many = IntStream.range(0, 200_000).mapToObj(i -> "evt-" + i).toList();
        assertThat(ids.addAllNew(many, 14)).as("the table grows").isTrue();
        assertThat(ids.addAllNew(List.of("evt-199999"), 200_014)).isFalse();
        assertThat(ids.size()).isEqualTo(200_003);
        assertThat(IdFingerprints.of("x")).isNotZero().isNotEqualTo(IdFingerprints.of("y"));
    }

    @Test
    void fingerprintsKeepThePositionOfEachIdThroughTheTablesGrowth() {
        IdFingerprints ids = new IdFingerprints();
        ids.addAllNew(List.of("a", "b", "c"), 11);
        ids.addAllNew(IntStream.range(0, 100_000).mapToObj(i -> "evt-" + i).toList(), 14);
        assertThat(ids.position("a")).isEqualTo(11);
        assertThat(ids.position("c")).isEqualTo(13);
        assertThat(ids.position("evt-0")).isEqualTo(14);
        assertThat(ids.position("evt-99999")).isEqualTo(100_013);
        assertThat(ids.position("evt-100000")).as("never added").isZero();
        ids.addAllNew(List.of("d", "b"), 100_014); // refused: b was taken
        assertThat(ids.position("d")).as("a refused batch keeps no position").isZero();
    }

    @Test
    void aRepeatedIdInAnEmptyProjectStillBecomesADeliveryAcrossBatches() throws Exception {
        Path project = dir.resolve("p.eventlens");
        List<Event> events = new ArrayList<>();
        for (int i = 1; i <= 5_000; i++) {
            events.add(ProjectStoreTest.event("e" + i, "t", "c" + (i % 7), i, "a.jsonl"));
        }
        events.add(ProjectStoreTest.event("e1", "t", "c1", 5_001, "a.jsonl")); // a later batch repeats e1 (other data)
        events.add(ProjectStoreTest.event("e6000", "t", "c1", 5_002, "a.jsonl"));
        try (ProjectStore store = ProjectStore.open(project)) {
            try (ImportWriter w = store.beginImport()) {
                w.startFile("a.jsonl", "json", null);
                events.forEach(w::add);
                ImportRecord file = w.finishFile();
                assertThat(file.imported()).isEqualTo(5_001);
                assertThat(file.duplicates()).isEqualTo(1);
                w.commit();
            }
            assertThat(store.eventCount()).isEqualTo(5_001);
            assertThat(store.deliveryCount("e1")).isEqualTo(new ProjectStore.DeliveryCount(2, true));
            assertThat(store.event("e6000").orElseThrow().position()).isEqualTo(5_001);
        }
        assertThat(indexesOf(project)).as("the repeat built the id index; the others are built after the commit (decisions 0067, 0083)")
                .contains("events_id").doesNotContain("events_correlation", "events_time");
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.missingIndexes()).containsExactly("events_correlation", "events_type", "events_time",
                    "events_aggregate", "events_causation", EventIndexes.BLOCKS);
            List<String> told = new ArrayList<>();
            assertThat(store.buildIndexes((built, total, next) -> told.add(built + "/" + total + " " + next), () -> false))
                    .isTrue();
            assertThat(told).containsExactly("0/6 events by correlation", "1/6 events by type", "2/6 events by time",
                    "3/6 events by aggregate", "4/6 events by causation", "5/6 the replay's blocks", "6/6 null");
            assertThat(store.missingIndexes()).isEmpty();
            assertThat(store.buildIndexes()).isTrue();
        }
        assertThat(indexesOf(project)).contains("events_id", "events_correlation", "events_time");
        assertThat(integrity(project)).isEqualTo("ok");
    }

    @Test
    void aNewProjectAppearsOnlyAtCommitWholeAndInWalMode() throws Exception {
        Path project = dir.resolve("sub/new.eventlens");
        try (ImportWriter w = ProjectStore.createByImport(project, Clock.systemUTC())) {
            w.startFile("a.jsonl", "json", null);
            for (int i = 1; i <= 3_000; i++) {
                w.add(ProjectStoreTest.event("e" + i, "t", "c", i, "a.jsonl"));
            }
            w.finishFile();
            assertThat(project).as("nothing at the project's name before the commit").doesNotExist();
            assertThat(sides(project)).hasSize(1);
            w.commit();
        }
        assertThat(project).exists();
        assertThat(sides(project)).as("the side file is gone").isEmpty();
        assertThat(integrity(project)).isEqualTo("ok");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project);
             ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.eventCount()).isEqualTo(3_000);
            try (ImportWriter w = store.beginImport()) {
                w.startFile("b.jsonl", "json", null);
                w.add(ProjectStoreTest.event("e1", "t", "c", 1, "b.jsonl"));
                w.add(ProjectStoreTest.event("f1", "t", "c", 2, "b.jsonl"));
                w.commit();
            }
            assertThat(store.eventCount()).isEqualTo(3_001);
            assertThat(store.duplicateCount()).isEqualTo(1);
        }
    }

    @Test
    void anImportClosedWithoutCommitLeavesNoProjectAndNoSideFile() throws Exception {
        Path project = dir.resolve("cancelled.eventlens");
        try (ImportWriter w = ProjectStore.createByImport(project, Clock.systemUTC())) {
            w.startFile("a.jsonl", "json", null);
            for (int i = 1; i <= 3_000; i++) {
                w.add(ProjectStoreTest.event("e" + i, "t", "c", i, "a.jsonl"));
            }
        }
        assertThat(project).doesNotExist();
        assertThat(sides(project)).isEmpty();
    }

    @Test
    void aSideFileLeftByAKilledImportIsRemovedAndAnExistingProjectIsNotReplaced() throws Exception {
        Path project = dir.resolve("p.eventlens");
        Path stale = NewProjectFile.sideOf(project.toAbsolutePath(), deadPid());
        Files.writeString(stale, "half a project");
        Files.writeString(Path.of(project + "-wal"), "a log without its project");
        try (ImportWriter w = ProjectStore.createByImport(project, Clock.systemUTC())) {
            assertThat(stale).doesNotExist();
            w.startFile("a.jsonl", "json", null);
            w.add(ProjectStoreTest.event("e1", "t", "c", 1, "a.jsonl"));
            w.commit();
        }
        assertThat(integrity(project)).isEqualTo("ok");
        assertThatThrownBy(() -> ProjectStore.createByImport(project, Clock.systemUTC()))
                .isInstanceOf(StoreException.class).hasMessageContaining("exists already");

        Path other = dir.resolve("q.eventlens");
        try (ImportWriter w = ProjectStore.createByImport(other, Clock.systemUTC())) {
            w.startFile("a.jsonl", "json", null);
            w.add(ProjectStoreTest.event("e1", "t", "c", 1, "a.jsonl"));
            Files.writeString(other, "somebody else's file");
            assertThatThrownBy(w::commit).isInstanceOf(StoreException.class)
                    .hasMessageContaining("appeared during the import");
        }
        assertThat(Files.readString(other)).isEqualTo("somebody else's file");
        assertThat(sides(other)).isEmpty();
    }

    private static long deadPid() {
        long pid = 999_999;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }

    @Test
    void positionsHaveNoGapsSoTheLastOneIsTheCount() throws Exception {
        Path project = dir.resolve("dense.eventlens");
        try (ProjectStore store = ProjectStore.open(project)) {
            importAll(store, "a.jsonl", true, "e1", "e2", "e3");
            importAll(store, "b.jsonl", false, "e4", "e5", "e6"); // closed without commit: rolled back
            importAll(store, "c.jsonl", true, "e2", "e7", "e3", "e8"); // two repeats insert no row
            assertThat(store.eventCount()).isEqualTo(5);
            assertThat(store.event("e8").orElseThrow().position()).isEqualTo(5);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*), min(position), max(position) FROM events")) {
            rs.next();
            assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).containsExactly(5L, 1L, 5L);
        }
    }

    @Test
    void aProjectAnswersAsWellBeforeItsIndexesAndTheirBuildingStopsBetweenTwoWhenCancelled() throws Exception {
        Path project = dir.resolve("later.eventlens");
        try (ProjectStore store = ProjectStore.open(project)) {
            importAll(store, "a.jsonl", true, "e1", "e2", "e3");
            assertThat(store.missingIndexes()).as("the six indexes, the key's first, and the replay's blocks")
                    .hasSize(7).startsWith("events_id", "events_correlation");
            List<String> byCorrelation = ids(store.page(EventQuery.correlation("c"), 0, 10));
            List<String> byType = ids(store.page(EventQuery.ALL.withType("t"), 0, 10));
            assertThat(byCorrelation).containsExactly("e1", "e2", "e3").isEqualTo(byType);
            assertThat(store.event("e2").orElseThrow().position()).isEqualTo(2);

            List<String> told = new ArrayList<>();
            assertThat(store.buildIndexes((built, total, next) -> told.add(next), () -> !told.isEmpty())).isFalse();
            assertThat(store.missingIndexes()).as("one built, then cancelled").hasSize(6).doesNotContain("events_id");

            assertThat(store.buildIndexes()).isTrue();
            assertThat(ids(store.page(EventQuery.correlation("c"), 0, 10))).isEqualTo(byCorrelation);
            assertThat(ids(store.page(EventQuery.ALL.withType("t"), 0, 10))).isEqualTo(byType);
            importAll(store, "b.jsonl", true, "e2", "e4");
            assertThat(store.eventCount()).isEqualTo(4);
            assertThat(store.duplicateCount()).isEqualTo(1);
        }
        assertThat(integrity(project)).isEqualTo("ok");
    }

    private static List<String> ids(List<Event> events) {
        return events.stream().map(Event::id).toList();
    }

    private static void importAll(ProjectStore store, String file, boolean commit, String... ids) throws Exception {
        try (ImportWriter w = store.beginImport()) {
            w.startFile(file, "json", null);
            for (int i = 0; i < ids.length; i++) {
                w.add(ProjectStoreTest.event(ids[i], "t", "c", i + 1, file));
            }
            w.finishFile();
            if (commit) {
                w.commit();
            }
        }
    }

    private static List<Path> sides(Path project) throws Exception {
        Path folder = project.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("." + project.getFileName())).toList();
        }
    }

    private static List<String> indexesOf(Path project) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String integrity(Path project) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project);
             ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}

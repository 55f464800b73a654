package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.Event;
import eventlens.model.Origin;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flows table holds what its summariser works out, rebuilds only when the project changed, and a
 * rebuild that fails leaves rows and stamp as they were (one transaction, {@link DerivedTable}).
 */
class FlowsTableTest {
    private static final FlowsTable.Selection ALL = new FlowsTable.Selection(null, null, false, false);

    @TempDir
    Path dir;

    private static void importFlows(ProjectStore store, String file, String... correlations) {
        try (ImportWriter w = store.beginImport()) {
            w.startFile(file, "json", null);
            int line = 0;
            for (String c : correlations) {
                line++;
                w.add(new Event(0, file + "-" + line, "t", "s", Instant.parse("2024-01-15T10:00:00Z").plusSeconds(line),
                        null, null, null, c, null, "{}", null, "{}", new Origin(file, line, "json")));
            }
            w.commit();
        }
    }

    /** A summariser that counts its calls and says how many events each correlation has. */
    private static FlowsTable.Summariser counting(AtomicInteger calls) {
        return (correlation, events, deliveries, conflicting, dead) -> {
            calls.incrementAndGet();
            return new FlowsTable.Figures(correlation, events.get(0).type(), events.size(), events.get(0).time(),
                    Duration.ZERO, 0, 0, 0);
        };
    }

    @Test
    void theMainOrdersAreIndexWalksWithMissingValuesLastAndTiesInTheSameDirection() throws Exception {
        Path project = dir.resolve("orders.eventlens");
        try (ProjectStore store = ProjectStore.open(project)) {
            store.toString(); // the schema, with the list's indexes
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + project)) {
            for (FlowsTable.Column column : FlowsTable.Column.values()) {
                if (column == FlowsTable.Column.ROOT_TYPE || column == FlowsTable.Column.DEPTH) {
                    continue; // sorted without an index (decision 0057): every index is copied into each connection of a read-only project
                }
                for (boolean descending : new boolean[] {false, true}) {
                    String plan = String.join("; ", plan(c, "SELECT rowid FROM flows WHERE 1=1 ORDER BY "
                            + FlowsTable.order(column, descending) + " LIMIT 50 OFFSET 1000"));
                    assertThat(plan).as(column + (descending ? " descending" : "")).doesNotContain("TEMP B-TREE")
                            .contains("USING");
                }
            }
            try (var s = c.createStatement()) {
                s.execute("INSERT INTO flows VALUES ('c1', 'a', 3, 10, 5, 1, 0, 0), ('c2', NULL, 3, NULL, 5, 1, 0, 0), "
                        + "('c3', 'b', 1, 20, 5, 1, 0, 0), ('c4', 'a', 2, 10, 5, 1, 0, 0)");
            }
            assertThat(ids(c, FlowsTable.Column.START, false)).containsExactly("c1", "c4", "c3", "c2");
            assertThat(ids(c, FlowsTable.Column.START, true)).containsExactly("c3", "c4", "c1", "c2");
            assertThat(ids(c, FlowsTable.Column.ROOT_TYPE, false)).containsExactly("c1", "c4", "c3", "c2");
            assertThat(ids(c, FlowsTable.Column.ROOT_TYPE, true)).containsExactly("c3", "c4", "c1", "c2");
            assertThat(ids(c, FlowsTable.Column.EVENTS, true)).containsExactly("c2", "c1", "c4", "c3");
        }
    }

    private static List<String> plan(java.sql.Connection c, String sql) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (var rs = c.createStatement().executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rs.next()) {
                out.add(rs.getString("detail"));
            }
        }
        return out;
    }

    private static List<String> ids(java.sql.Connection c, FlowsTable.Column column, boolean descending) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (var rs = c.createStatement().executeQuery("SELECT correlation_id FROM flows ORDER BY "
                + FlowsTable.order(column, descending))) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void withoutTheCorrelationIndexYetEveryFlowIsWorkedOutAgainInOnePass() {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.eventlens"))) {
            importFlows(store, "a.jsonl", "c1", "c1", "c2");
            assertThat(store.missingIndexes()).contains("events_correlation"); // built after a bulk load (decision 0067)
            AtomicInteger calls = new AtomicInteger();
            try (FlowsTable table = new FlowsTable(store, counting(calls))) {
                assertThat(table.count(ALL)).isEqualTo(2);
                importFlows(store, "b.jsonl", "c2");
                assertThat(table.refresh()).isTrue();
                assertThat(calls).as("c1 and c2 twice: a query per correlation would scan each time").hasValue(4);
                assertThat(table.page(ALL, FlowsTable.Column.EVENTS, true, 0, 10))
                        .extracting(FlowsTable.Figures::correlationId, FlowsTable.Figures::events)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("c2", 2L), // ties: by correlation, descending too
                                org.assertj.core.groups.Tuple.tuple("c1", 2L));
            }
        }
    }

    @Test
    void rowsAreTheSummarisersFiguresAndOnlyTouchedCorrelationsAreWorkedOutAgain() {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.eventlens"))) {
            importFlows(store, "a.jsonl", "c1", "c1", "c2");
            store.buildIndexes();
            AtomicInteger calls = new AtomicInteger();
            try (FlowsTable table = new FlowsTable(store, counting(calls))) {
                assertThat(table.page(ALL, FlowsTable.Column.EVENTS, true, 0, 10))
                        .extracting(FlowsTable.Figures::correlationId, FlowsTable.Figures::events)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", 2L),
                                org.assertj.core.groups.Tuple.tuple("c2", 1L));
                assertThat(calls).hasValue(2);
                assertThat(table.refresh()).isFalse();
                importFlows(store, "b.jsonl", "c2");
                assertThat(table.refresh()).isTrue();
                assertThat(calls).as("only c2 again").hasValue(3);
                assertThat(table.indexOf(ALL, FlowsTable.Column.CORRELATION, false, "c2")).isEqualTo(1);
                assertThat(table.count(new FlowsTable.Selection("c*", null, false, false))).isEqualTo(2);
            }
        }
    }

    @Test
    void aFailedRebuildLeavesRowsAndStampAsTheyWere() {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.eventlens"))) {
            importFlows(store, "a.jsonl", "c1");
            AtomicInteger calls = new AtomicInteger();
            try (FlowsTable table = new FlowsTable(store, counting(calls))) {
                assertThat(table.count(ALL)).isEqualTo(1);
            }
            importFlows(store, "b.jsonl", "c2", "c3");
            FlowsTable.Summariser failing = (correlation, events, deliveries, conflicting, dead) -> {
                if (correlation.equals("c3")) {
                    throw new IllegalStateException("cannot summarise " + correlation);
                }
                return counting(calls).summarise(correlation, events, deliveries, conflicting, dead);
            };
            try (FlowsTable table = new FlowsTable(store, failing)) {
                assertThatThrownBy(table::refresh).hasMessage("cannot summarise c3");
            }
            try (FlowsTable table = new FlowsTable(store, counting(calls))) {
                assertThat(table.refresh()).as("still stale: the stamp was not written").isTrue();
                assertThat(table.page(ALL, FlowsTable.Column.CORRELATION, false, 0, 10))
                        .extracting(FlowsTable.Figures::correlationId).containsExactly("c1", "c2", "c3");
            }
        }
    }

    @Test
    void everySortOfTheFlowListHasAColumn() {
        assertThat(List.of(FlowsTable.Column.values())).extracting(Enum::name)
                .containsExactlyInAnyOrderElementsOf(List.of(eventlens.model.flow.FlowSort.values()).stream()
                        .map(Enum::name).toList());
    }

    @Test
    void aTimeWindowSelectsTheFlowsWhoseSpanMeetsItAndTheirEventsFormAScope() {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.eventlens"))) {
            // c1 at +1 s and +2 s, c2 at +3 s, c3 at +4 s.
            importFlows(store, "a.jsonl", "c1", "c1", "c2", "c3");
            AtomicInteger calls = new AtomicInteger();
            FlowsTable.Summariser spans = (correlation, events, deliveries, conflicting, dead) -> {
                calls.incrementAndGet();
                Instant first = events.get(0).time();
                Instant last = events.get(events.size() - 1).time();
                return new FlowsTable.Figures(correlation, "t", events.size(), first, Duration.between(first, last), 0, 0, 0);
            };
            long t0 = java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2024-01-15T10:00:00Z"));
            try (FlowsTable table = new FlowsTable(store, spans)) {
                FlowsTable.Selection secondTwo = new FlowsTable.Selection(null, null, false, false,
                        t0 + 2_000_000, t0 + 3_500_000);
                assertThat(table.page(secondTwo, FlowsTable.Column.CORRELATION, false, 0, 10))
                        .extracting(FlowsTable.Figures::correlationId).as("c1 ends at 2 s, c2 is at 3 s")
                        .containsExactly("c1", "c2");
                assertThat(table.count(new FlowsTable.Selection(null, null, false, false, t0 + 4_500_000, t0 + 9_000_000)))
                        .isZero();

                assertThat(TimeScan.Scope.ofFlows(ALL)).as("every flow: every event").isEqualTo(TimeScan.Scope.ALL);
                TimeScan.Scope c1 = TimeScan.Scope.ofFlows(new FlowsTable.Selection("c1", null, false, false));
                List<String> types = new java.util.ArrayList<>();
                try (TimeScan scan = new TimeScan(store)) {
                    scan.scan(null, null, c1, () -> false, (time, type, source) -> types.add(type));
                }
                assertThat(types).as("the two events of c1").hasSize(2);
            }
        }
    }

    @Test
    void aFullRebuildHandsOverWhatTheIndexedReadDoesInPositionOrder() throws Exception {
        Path project = dir.resolve("full.eventlens");
        try (ProjectStore store = ProjectStore.open(project)) {
            importFlows(store, "a.jsonl", "c2", "c1", "c2", "c1", "c3", "c2");
            try (ImportWriter w = store.beginImport()) {
                w.startFile("b.jsonl", "json", null);
                w.add(new Event(0, "a.jsonl-2", "t", "s", null, null, null, null, "c1", null, "{\"x\":1}", null, "{}",
                        new Origin("b.jsonl", 1, "json")));
                w.add(new eventlens.model.DeadLetter(0, "a.jsonl-6", "{}", "h", null, null, "Timeout", "slow", null,
                        2, null, null, null, "{}", new Origin("b.jsonl", 2, "json")));
                w.commit();
            }
        }
        List<String> sorted = new java.util.ArrayList<>();
        try (ProjectStore store = ProjectStore.open(project); FlowsTable table = new FlowsTable(store, recording(sorted))) {
            assertThat(table.count(ALL)).isEqualTo(3);
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + project)) {
            c.createStatement().execute("DELETE FROM meta WHERE key = 'flows_stamp'"); // built again when read
        }
        List<String> indexed = new java.util.ArrayList<>();
        try (ProjectStore store = ProjectStore.openReadOnly(project);
             FlowsTable table = new FlowsTable(store, recording(indexed))) {
            table.page(ALL, FlowsTable.Column.CORRELATION, false, 0, 10);
        }
        assertThat(sorted).containsExactly(
                "c1 [2, 4] deliveries {a.jsonl-2=2} conflicting [a.jsonl-2] dead []",
                "c2 [1, 3, 6] deliveries {} conflicting [] dead [a.jsonl-6]",
                "c3 [5] deliveries {} conflicting [] dead []");
        assertThat(indexed).as("a read-only project reads through the index: the same").isEqualTo(sorted);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + project);
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                     + "AND tbl_name = 'flows' AND name LIKE 'flows_%'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the list's indexes are built again").isEqualTo(Schema.FLOW_INDEXES.size());
        }
    }

    private static FlowsTable.Summariser recording(List<String> seen) {
        return (correlation, events, deliveries, conflicting, dead) -> {
            seen.add(correlation + " " + events.stream().map(Event::position).toList() + " deliveries "
                    + new java.util.TreeMap<>(deliveries) + " conflicting " + new java.util.TreeSet<>(conflicting)
                    + " dead " + new java.util.TreeSet<>(dead));
            return new FlowsTable.Figures(correlation, "t", events.size(), null, Duration.ZERO, 0, 0, 0);
        };
    }

    @Test
    void aQuerySavedWhileTheWholeListIsWorkedOutIsNotHeldUpByIt() {
        try (ProjectStore store = ProjectStore.open(dir.resolve("busy.eventlens"))) {
            importFlows(store, "a.jsonl", "c1", "c2", "c3");
            SavedQueries saved = new SavedQueries(store);
            AtomicInteger calls = new AtomicInteger();
            long[] tookMillis = new long[1];
            FlowsTable.Summariser saving = (correlation, events, deliveries, conflicting, dead) -> {
                if (calls.incrementAndGet() == 1) {
                    long t = System.nanoTime();
                    saved.save("mid-build", "type:t"); // a writer of its own: waited 10 s, then "database is locked"
                    tookMillis[0] = (System.nanoTime() - t) / 1_000_000;
                }
                return new FlowsTable.Figures(correlation, "t", events.size(), null, Duration.ZERO, 0, 0, 0);
            };
            try (FlowsTable table = new FlowsTable(store, saving)) {
                assertThat(table.count(ALL)).isEqualTo(3);
            }
            assertThat(saved.find("mid-build")).contains("type:t");
            assertThat(tookMillis[0]).as("the save did not wait for the list's build").isLessThan(5_000);
        }
    }

    /** A project named {@code name} holding the flows c1, c2 and c3, closed. */
    private Path threeFlows(String name) {
        Path project = dir.resolve(name);
        try (ProjectStore store = ProjectStore.open(project)) {
            importFlows(store, "a.jsonl", "c1", "c2", "c3");
            store.buildIndexes(); // as after eventlens import (decision 0067)
        }
        return project;
    }

    @Test
    void aWholeBuildWaitsForAnImportThatHoldsTheWriteLockLongerThanTheUsualWait() throws Exception {
        Path project = threeFlows("import-meanwhile.eventlens");
        try (ProjectStore store = ProjectStore.open(project);
             var importer = java.sql.DriverManager.getConnection("jdbc:sqlite:" + project)) {
            java.util.concurrent.CountDownLatch computed = new java.util.concurrent.CountDownLatch(1);
            FlowsTable.Summariser summariser = (correlation, events, deliveries, conflicting, dead) -> {
                computed.countDown();
                return new FlowsTable.Figures(correlation, "t", events.size(), null, Duration.ZERO, 0, 0, 0);
            };
            var s = importer.createStatement();
            s.execute("BEGIN IMMEDIATE"); // what an import in the window holds for as long as it runs
            Thread release = new Thread(() -> {
                try {
                    computed.await();
                    Thread.sleep(12_000); // longer than the 10 s any statement waits for a writer
                    s.execute("COMMIT");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            try (FlowsTable table = new FlowsTable(store, summariser)) {
                assertThat(table.count(ALL)).as("built once the import committed, not failed as locked").isEqualTo(3);
            }
            release.join();
        }
    }

    @Test
    void whileAnImportHoldsTheWriteLockTheListIsServedAsBuiltAndBroughtUpToDateAfter() throws Exception {
        Path project = threeFlows("stale-meanwhile.eventlens");
        try (ProjectStore store = ProjectStore.open(project);
             FlowsTable table = new FlowsTable(store, recording(new ArrayList<>()));
             var importer = java.sql.DriverManager.getConnection("jdbc:sqlite:" + project)) {
            assertThat(table.count(ALL)).isEqualTo(3);
            importFlows(store, "b.jsonl", "c4");
            var s = importer.createStatement();
            s.execute("BEGIN IMMEDIATE"); // an import in the window, between two of its commits
            long t = System.nanoTime();
            assertThat(table.count(ALL)).as("the list as last built, not a failure").isEqualTo(3);
            assertThat((System.nanoTime() - t) / 1_000_000).as("waited about a second, not the usual 10 s")
                    .isLessThan(5_000);
            s.execute("COMMIT");
            assertThat(table.count(ALL)).as("brought up to date once the lock is free").isEqualTo(4);
        }
    }
}

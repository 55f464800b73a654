package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.flow.FlowFilter;
import eventlens.model.flow.FlowList;
import eventlens.model.schema.SchemaCatalog;
import eventlens.model.store.ProjectStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventlens import} leaves the project indexed (decision 0067) and its flow list up to date (decision 0055),
 * unless told not to.
 */
class ImportFlowListTest {
    @TempDir
    Path dir;

    @Test
    void theFlowListIsUpToDateAfterAnImportAndAfterAnAppend() throws Exception {
        Path project = dir.resolve("p.eventlens");
        String out = run("import", project.toString(), "samples/orders.jsonl");
        long flows = flowRows(project);
        assertThat(flows).as("rows written by the import").isPositive();
        assertThat(out).contains(String.format("flow list: %,d flows, up to date in", flows));
        try (ProjectStore store = ProjectStore.open(project); FlowList list = new FlowList(store)) {
            assertThat(list.refresh()).as("nothing left to build when the window opens").isFalse();
            assertThat(list.count(FlowFilter.ALL)).isEqualTo(flows);
        }

        run("import", project.toString(), "samples/bank-accounts.jsonl");
        try (ProjectStore store = ProjectStore.open(project); FlowList list = new FlowList(store)) {
            assertThat(list.refresh()).as("the append was taken in by the import").isFalse();
            assertThat(list.count(FlowFilter.ALL)).isGreaterThan(flows);
        }
    }

    @Test
    void theIndexesLeftOutOfTheLoadAreBuiltBeforeTheCommandEnds() throws Exception {
        Path project = dir.resolve("i.eventlens");
        String out = run("import", project.toString(), "samples/orders.jsonl", "--no-flows");
        assertThat(out).containsPattern(
                "indexes: 6 built, the replay's blocks made in [0-9.]+ s \\(the project could be opened meanwhile\\)");
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(store.missingIndexes()).isEmpty();
        }
        assertThat(run("import", project.toString(), "samples/bank-accounts.jsonl", "--no-flows"))
                .as("an append into an indexed project keeps its indexes").doesNotContain("indexes:")
                .containsPattern("the replay's blocks made in [0-9.]+ s"); // for the events it added
        assertThat(run("import", dir.resolve("j.eventlens").toString(), "samples/orders.jsonl", "--json"))
                .contains("\"indexesBuilt\":6,\"replayBlocksMade\":true,\"flows\":");
    }

    @Test
    void schemasLeftBehindAreInferredBeforeTheCommandEnds() throws Exception {
        Path project = dir.resolve("s.eventlens");
        run("import", project.toString(), "samples/orders.jsonl");
        // As a big import leaves them (decision 0079): none stored, none covered.
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + project); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM event_schemas");
            assertThat(s.executeUpdate("UPDATE meta SET value = '0' WHERE key = 'schemas_stamp'")).isOne();
        }
        long orders;
        try (ProjectStore store = ProjectStore.open(project)) {
            orders = store.eventCount();
            assertThat(SchemaCatalog.upToDate(store)).isFalse();
        }
        String out = run("import", project.toString(), "samples/bank-accounts.jsonl", "--no-flows");
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(SchemaCatalog.upToDate(store)).isTrue();
            assertThat(out).containsPattern(String.format("schemas: inferred from %,d events in [0-9.]+ s",
                    store.eventCount()));
            assertThat(store.eventCount()).isGreaterThan(orders);
        }
        assertThat(run("import", project.toString(), "samples/schema-drift.jsonl"))
                .as("an import that inferred as it stored says nothing more").doesNotContain("schemas:");
    }

    @Test
    void noFlowsLeavesTheListToTheWindow() throws Exception {
        Path project = dir.resolve("q.eventlens");
        String out = run("import", project.toString(), "samples/orders.jsonl", "--no-flows");
        assertThat(out).doesNotContain("flow list");
        assertThat(flowRows(project)).isZero();
        try (ProjectStore store = ProjectStore.open(project); FlowList list = new FlowList(store)) {
            assertThat(list.refresh()).isTrue();
        }
    }

    @Test
    void theJsonSummarySaysHowManyFlows() {
        Path project = dir.resolve("r.eventlens");
        String out = run("import", project.toString(), "samples/orders.jsonl", "--json");
        assertThat(out).contains("\"flows\":");
    }

    private static long flowRows(Path project) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + project); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM flows")) {
            return rs.getLong(1);
        }
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }
}

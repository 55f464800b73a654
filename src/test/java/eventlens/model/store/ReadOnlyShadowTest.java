package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.flow.FlowFilter;
import eventlens.model.flow.FlowList;
import eventlens.testing.TestProjects;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read-only project copies a derived table into memory only in the connection about to write it (0059). */
class ReadOnlyShadowTest {
    @TempDir
    Path dir;

    @Test
    void aConnectionCopiesNothingUntilAskedAndThenTheTableWithItsIndexesOnce() throws Exception {
        Path project = projectWithFlowList();
        try (Connection c = ReadOnlyProject.connect(project.toAbsolutePath()); Statement s = c.createStatement()) {
            assertThat(scalar(s, "SELECT count(*) FROM temp.sqlite_master")).isZero();
            long flows = scalar(s, "SELECT count(*) FROM main.flows");
            long indexes = scalar(s, "SELECT count(*) FROM main.sqlite_master WHERE type = 'index'"
                    + " AND tbl_name = 'flows' AND sql IS NOT NULL");
            assertThat(flows).isEqualTo(50);
            assertThat(indexes).isGreaterThanOrEqualTo(6);

            ReadOnlyProject.shadow(c, "flows", "meta");
            ReadOnlyProject.shadow(c, "flows");

            assertThat(scalar(s, "SELECT count(*) FROM temp.flows")).isEqualTo(flows);
            assertThat(scalar(s, "SELECT count(*) FROM temp.sqlite_master WHERE type = 'index' AND tbl_name = 'flows'"
                    + " AND sql IS NOT NULL")).isEqualTo(indexes);
            assertThat(scalar(s, "SELECT count(*) FROM temp.sqlite_master WHERE type = 'table'")).isEqualTo(2);
            s.execute("DELETE FROM flows");
            assertThat(scalar(s, "SELECT count(*) FROM flows")).isZero();
            assertThat(scalar(s, "SELECT count(*) FROM main.flows")).isEqualTo(flows);
            assertThatThrownBy(() -> ReadOnlyProject.shadow(c, "events")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aStaleFlowListIsRebuiltInMemoryAndAFreshOneIsReadFromTheFile() throws Exception {
        Path stale;
        try (ProjectStore store = TestProjects.samples(dir.resolve("stale"))) {
            stale = store.file();
        }
        Path fresh = projectWithFlowList();
        for (Path project : new Path[] {stale, fresh}) {
            try (ProjectStore store = ProjectStore.openReadOnly(project); FlowList list = new FlowList(store)) {
                assertThat(list.count(FlowFilter.ALL)).isEqualTo(50);
                assertThat(list.count(FlowFilter.ALL.failed())).isEqualTo(8);
            }
        }
    }

    private Path projectWithFlowList() throws Exception {
        try (ProjectStore store = TestProjects.samples(dir.resolve("fresh")); FlowList list = new FlowList(store)) {
            list.rebuild();
            return store.file();
        }
    }

    private static long scalar(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

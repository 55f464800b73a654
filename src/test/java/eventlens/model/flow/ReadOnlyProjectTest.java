package eventlens.model.flow;

import eventlens.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.store.ProjectStore;
import eventlens.model.store.StoreException;
import eventlens.model.store.TraceLinks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project opened read-only (what a read-only file or folder gets) reads as usual: the flow list and the
 * trace links it has never built are built in memory, and the file is not touched.
 */
class ReadOnlyProjectTest {
    @TempDir
    Path dir;

    @Test
    void listsFlowsAndLinksWithoutWritingAByteAndRefusesImports() throws Exception {
        Path project;
        try (ProjectStore store = TestProjects.samples(dir)) {
            project = store.file();
        }
        byte[] before = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(project));
        Path wal = Path.of(project + "-wal");
        long walBefore = Files.exists(wal) ? Files.size(wal) : -1;
        try (ProjectStore store = ProjectStore.openReadOnly(project); FlowList list = new FlowList(store);
             TraceLinks links = new TraceLinks(store)) {
            assertThat(store.isReadOnly()).isTrue();
            assertThat(store.eventCount()).isEqualTo(474);
            assertThat(list.count(FlowFilter.ALL)).isEqualTo(50);
            assertThat(list.count(FlowFilter.ALL.failed())).isEqualTo(8);
            links.refresh();
            assertThatThrownBy(store::beginImport).isInstanceOf(StoreException.class).hasMessageContaining("read-only");
        }
        assertThat(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(project))).isEqualTo(before);
        assertThat(Files.exists(wal) ? Files.size(wal) : -1).isEqualTo(walBefore);
        try (ProjectStore store = ProjectStore.open(project); FlowList list = new FlowList(store)) {
            assertThat(store.isReadOnly()).isFalse();
            assertThat(list.count(FlowFilter.ALL)).isEqualTo(50);
        }
    }
}

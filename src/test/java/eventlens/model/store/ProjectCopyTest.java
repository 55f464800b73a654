package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCopyTest {
    @TempDir
    Path dir;

    private static void importEvents(ProjectStore store, List<Event> events) {
        try (ImportWriter w = store.beginImport()) {
            w.startFile("a.jsonl", "json", null);
            events.forEach(w::add);
            w.commit();
        }
    }

    @Test
    void aCopyHoldsWhatIsCommittedAndReplacesAProjectThereWithoutItsLog() throws Exception {
        Path old = dir.resolve("kept.eventlens");
        try (ProjectStore other = ProjectStore.open(old)) {
            importEvents(other, List.of(ProjectStoreTest.event("x1", "other", "c9", 1, "a.jsonl")));
        }
        Files.writeString(Path.of(old + "-wal"), "a log the replaced project left");
        List<String> missing;
        try (ProjectStore store = ProjectStore.open(dir.resolve("temp.eventlens"))) {
            importEvents(store, List.of(ProjectStoreTest.event("e1", "order.created", "c1", 1, "a.jsonl"),
                    ProjectStoreTest.event("e2", "order.paid", "c1", 2, "a.jsonl")));
            missing = store.missingIndexes();
            store.copyTo(old);
            assertThat(store.eventCount()).as("the project copied goes on as it was").isEqualTo(2);
        }
        assertThat(Path.of(old + "-wal")).doesNotExist();
        assertThat(Path.of(old + ".saving")).doesNotExist();
        try (ProjectStore copy = ProjectStore.open(old)) {
            assertThat(copy.eventCount()).isEqualTo(2);
            assertThat(copy.event("e2")).isPresent();
            assertThat(copy.event("x1")).as("the project replaced").isEmpty();
            assertThat(copy.missingIndexes()).as("what was still to build is built when the copy opens")
                    .isEqualTo(missing);
        }
    }

    @Test
    void aProjectIsNotSavedOverItselfNorWhereNoFileCanBeWritten() throws Exception {
        Path file = dir.resolve("p.eventlens");
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        try (ProjectStore store = ProjectStore.open(file)) {
            importEvents(store, List.of(ProjectStoreTest.event("e1", "order.created", "c1", 1, "a.jsonl")));
            assertThatThrownBy(() -> store.copyTo(file)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("over itself");
            assertThatThrownBy(() -> store.copyTo(blocker.resolve("copy.eventlens"))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot save the project as");
            assertThat(store.eventCount()).isEqualTo(1);
        }
    }
}

package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eventlens.model.store.Bookmarks.Bookmark;
import eventlens.testing.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bookmarks kept in the project: a round trip, a project written before them, a read-only project. */
class BookmarksTest {
    private static final String NOTE = "ask \"Ann\" about this one\nsecond line 'quoted' — ünïcödé ✓ 🚀; DROP TABLE events;--";

    @TempDir
    Path dir;

    @Test
    void aBookmarkRoundTripsWithItsNoteAsTypedAndCanBeEditedAndDeleted() {
        Instant at = Instant.parse("2026-12-01T05:00:00.123456Z");
        Path file = dir.resolve("p.eventlens");
        try (ProjectStore store = ProjectStore.open(file, Clock.fixed(at, ZoneOffset.UTC))) {
            Bookmarks bookmarks = new Bookmarks(store);
            Bookmark flow = bookmarks.add("flows", "evt-1", "  " + NOTE + "  ");
            Bookmark view = bookmarks.add("replay", null, "");
            assertThat(flow).isEqualTo(new Bookmark(1, "flows", "evt-1", NOTE, at));
            assertThat(view.selection()).isNull();
            assertThat(bookmarks.list()).containsExactly(flow, view);
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            Bookmarks bookmarks = new Bookmarks(store);
            assertThat(bookmarks.find(1)).get().extracting(Bookmark::note, Bookmark::created).containsExactly(NOTE, at);
            assertThat(bookmarks.setNote(1, "renamed")).isTrue();
            assertThat(bookmarks.setNote(99, "nothing")).isFalse();
            assertThat(bookmarks.find(1)).get().extracting(Bookmark::note).isEqualTo("renamed");
            assertThat(bookmarks.delete(2)).isTrue();
            assertThat(bookmarks.delete(2)).isFalse();
            assertThat(bookmarks.list()).extracting(Bookmark::id).containsExactly(1L);
            assertThat(store.eventCount()).as("the note's SQL stayed data").isZero();
        }
    }

    @Test
    void aNoteTooLongOrAMissingViewIsRefusedAndNothingIsKept() {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.eventlens"))) {
            Bookmarks bookmarks = new Bookmarks(store);
            assertThatThrownBy(() -> bookmarks.add("events", "e", "x".repeat(Bookmarks.NOTE_LIMIT + 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 2000 characters");
            assertThatThrownBy(() -> bookmarks.add(" ", "e", "note")).isInstanceOf(IllegalArgumentException.class);
            assertThat(bookmarks.list()).isEmpty();
        }
    }

    @Test
    void aProjectWrittenBeforeBookmarksOpensListsNoneAndKeepsItsSchemaVersionWhenOneIsAdded() throws Exception {
        Path file;
        try (ProjectStore store = TestProjects.samples(dir)) {
            file = store.file();
            assertThat(tables(store)).as("a project without bookmarks is as an older EventLens wrote it")
                    .doesNotContain("bookmarks");
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            Bookmarks bookmarks = new Bookmarks(store);
            assertThat(bookmarks.list()).isEmpty();
            assertThat(bookmarks.delete(1)).isFalse();
            assertThat(bookmarks.setNote(1, "x")).isFalse();
            bookmarks.add("aggregates", "order-1", "the stuck order");
            assertThat(bookmarks.list()).extracting(Bookmark::note).containsExactly("the stuck order");
            assertThat(store.reads().scalar("SELECT value FROM meta WHERE key = 'schema_version'"))
                    .as("no migration: an older EventLens still opens the project").isEqualTo(Schema.current());
            assertThat(store.eventCount()).isEqualTo(474);
        }
    }

    @Test
    void aReadOnlyProjectListsItsBookmarksRefusesChangesAndIsNotTouched() throws Exception {
        Path without = dir.resolve("without.eventlens");
        Path with = dir.resolve("with.eventlens");
        ProjectStore.open(without).close();
        try (ProjectStore store = ProjectStore.open(with)) {
            new Bookmarks(store).add("flows", "evt-1", "kept");
        }
        byte[] before = digest(with);
        try (ProjectStore store = ProjectStore.openReadOnly(with)) {
            Bookmarks bookmarks = new Bookmarks(store);
            assertThat(bookmarks.list()).extracting(Bookmark::note).containsExactly("kept");
            assertThatThrownBy(() -> bookmarks.add("events", null, "new")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot add a bookmark to project").hasMessageContaining("read-only");
            assertThatThrownBy(() -> bookmarks.setNote(1, "x")).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> bookmarks.delete(1)).isInstanceOf(StoreException.class);
        }
        assertThat(digest(with)).isEqualTo(before);
        try (ProjectStore store = ProjectStore.openReadOnly(without)) {
            assertThat(new Bookmarks(store).list()).isEmpty();
        }
    }

    private static java.util.List<String> tables(ProjectStore store) {
        synchronized (store) {
            return store.reads().list("SELECT name FROM sqlite_master WHERE type = 'table'", rs -> rs.getString(1));
        }
    }

    private static byte[] digest(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}

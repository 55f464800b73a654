package eventlens.model.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A project's bookmarks: places in the window (a view and what was selected in it, what an
 * {@code eventlens://} link names) kept with a short note, in the project itself (table {@code bookmarks}).
 *
 * <p>The table is created by the first bookmark, not by a schema migration (decision 0045): a project that has
 * none is exactly as an older EventLens wrote it, so that EventLens still opens it, and a read-only project of
 * any version lists its bookmarks (none when the table is absent) and refuses to add, edit or delete one.
 *
 * <p>A note is data: stored as typed (trimmed), with quotes, line breaks and any Unicode, at most
 * {@value #NOTE_LIMIT} characters. The view is the window's key for it ({@code flows}, {@code events}, …),
 * checked by the caller, who knows the views.
 */
public final class Bookmarks {
    /** The longest note kept, in characters: a note, not a document. */
    public static final int NOTE_LIMIT = 2_000;
    private static final String CREATE = "CREATE TABLE IF NOT EXISTS bookmarks (id INTEGER PRIMARY KEY, "
            + "view TEXT NOT NULL, selection TEXT, note TEXT NOT NULL, created_us INTEGER NOT NULL)";
    private final ProjectStore store;

    /** The bookmarks of {@code store}'s project. */
    public Bookmarks(ProjectStore store) {
        this.store = store;
    }

    /**
     * One bookmark.
     *
     * @param id its number in the project (what {@code eventlens bookmarks --delete N} takes)
     * @param view the view's key
     * @param selection the selected event, correlation or aggregate id, or null for the view alone
     * @param note the note ("" for none)
     * @param created when it was added
     */
    public record Bookmark(long id, String view, String selection, String note, Instant created) {
    }

    /** Adds a bookmark of {@code view} (and {@code selection}, null for none) with {@code note}; the new bookmark. */
    public Bookmark add(String view, String selection, String note) {
        if (view == null || view.isBlank()) {
            throw new IllegalArgumentException("a bookmark needs a view");
        }
        String text = checked(note);
        String select = selection == null || selection.isBlank() ? null : selection;
        synchronized (store) {
            refuseReadOnly("add a bookmark to");
            Instant now = store.clock().instant();
            Sql w = store.derivedWrites("add a bookmark to");
            long id = w.transaction(() -> {
                w.update(CREATE);
                w.update("INSERT INTO bookmarks(view, selection, note, created_us) VALUES (?, ?, ?, ?)",
                        view, select, text, SqlFilter.micros(now));
                return w.scalar("SELECT last_insert_rowid()");
            });
            return new Bookmark(id, view, select, text, Instant.EPOCH.plus(SqlFilter.micros(now), ChronoUnit.MICROS));
        }
    }

    /** Every bookmark, oldest first; none when the project has never had one. */
    public List<Bookmark> list() {
        synchronized (store) {
            if (!exists()) {
                return List.of();
            }
            return store.reads().list("SELECT id, view, selection, note, created_us FROM bookmarks ORDER BY id",
                    rs -> new Bookmark(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Rows.instant(rs, 5)));
        }
    }

    /** The bookmark numbered {@code id}. */
    public Optional<Bookmark> find(long id) {
        return list().stream().filter(b -> b.id() == id).findFirst();
    }

    /** Replaces the note of bookmark {@code id}; false when there is none of that number. */
    public boolean setNote(long id, String note) {
        String text = checked(note);
        synchronized (store) {
            refuseReadOnly("edit a bookmark of");
            return exists() && store.derivedWrites("edit a bookmark of")
                    .update("UPDATE bookmarks SET note = ? WHERE id = ?", text, id) > 0;
        }
    }

    /** Deletes bookmark {@code id}; false when there is none of that number. */
    public boolean delete(long id) {
        synchronized (store) {
            refuseReadOnly("delete a bookmark of");
            return exists() && store.derivedWrites("delete a bookmark of")
                    .update("DELETE FROM bookmarks WHERE id = ?", id) > 0;
        }
    }

    private boolean exists() {
        return store.reads().first("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bookmarks'",
                rs -> true).isPresent();
    }

    private static String checked(String note) {
        String text = note == null ? "" : note.strip();
        if (text.length() > NOTE_LIMIT) {
            throw new IllegalArgumentException("a bookmark's note is at most " + NOTE_LIMIT + " characters (this one has "
                    + text.length() + ")");
        }
        return text;
    }

    private void refuseReadOnly(String verb) {
        if (store.isReadOnly()) {
            throw new StoreException("cannot " + verb + " project " + store.file() + ": it is open read-only");
        }
    }
}

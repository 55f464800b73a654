package eventlens.app.bookmarks;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.store.Bookmarks;
import eventlens.model.store.Bookmarks.Bookmark;
import eventlens.model.store.ProjectStore;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open project's bookmarks (decision 0045): listed for the Bookmarks menu and dialog, added, renamed and
 * deleted on a worker, the list read again after each change. Going to one is the window's business (it knows
 * the views and the history): {@link #setOpen(Consumer)}.
 */
public final class BookmarksViewModel {
    private final BackgroundWork work;
    private final ObservableList<Bookmark> bookmarks = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper();
    private Consumer<Bookmark> open = b -> { };
    private Consumer<String> tell = s -> { };
    private ProjectStore store;

    public BookmarksViewModel(BackgroundWork work) {
        this.work = work;
    }

    /** What going to a bookmark does, and where to say what was done (the status bar). */
    public void setOpen(Consumer<Bookmark> open, Consumer<String> tell) {
        this.open = Objects.requireNonNull(open);
        this.tell = Objects.requireNonNull(tell);
    }

    /** Follows the open project (null: none). */
    public void setStore(ProjectStore newStore) {
        store = newStore;
        writable.set(newStore != null && !newStore.isReadOnly());
        bookmarks.clear();
        reload();
    }

    /** Reads the list again. */
    public void reload() {
        ProjectStore from = store;
        if (from == null) {
            return;
        }
        BackgroundTask.of(context -> new Bookmarks(from).list())
                .onSuccess(list -> {
                    if (from == store) {
                        bookmarks.setAll(list);
                    }
                })
                .named("Reading the bookmarks")
                .executeWith(work);
    }

    /** Bookmarks {@code view} ({@code selection} in it, null for none) with {@code note}. */
    public void add(String view, String selection, String note) {
        change("Adding a bookmark", from -> new Bookmarks(from).add(view, selection, note),
                "Bookmarked " + view + (selection == null ? "" : " " + selection));
    }

    /** Replaces the note of {@code bookmark}. */
    public void setNote(Bookmark bookmark, String note) {
        change("Editing a bookmark", from -> new Bookmarks(from).setNote(bookmark.id(), note), null);
    }

    /** Deletes {@code bookmark}. */
    public void delete(Bookmark bookmark) {
        change("Deleting a bookmark", from -> new Bookmarks(from).delete(bookmark.id()),
                "Deleted the bookmark " + describe(bookmark));
    }

    /** Goes to {@code bookmark}'s view and selection. */
    public void open(Bookmark bookmark) {
        open.accept(bookmark);
    }

    /** The bookmarks, oldest first. */
    public ObservableList<Bookmark> bookmarks() {
        return bookmarks;
    }

    /** False without a project or in a read-only one: bookmarks can then only be listed. */
    public ReadOnlyBooleanProperty writableProperty() {
        return writable.getReadOnlyProperty();
    }

    /** "flows evt-1 — the note", for a menu item or a message. */
    public static String describe(Bookmark b) {
        String note = b.note().isEmpty() ? "" : "  —  " + firstLine(b.note());
        return b.view() + (b.selection() == null ? "" : " " + b.selection()) + note;
    }

    static String firstLine(String note) {
        int end = note.indexOf('\n');
        String line = end < 0 ? note : note.substring(0, end) + " …";
        return line.length() > 80 ? line.substring(0, 79) + "…" : line;
    }

    private interface Change {
        Object apply(ProjectStore store);
    }

    private void change(String what, Change change, String done) {
        ProjectStore from = store;
        if (from == null) {
            tell.accept("Open a project first: bookmarks are kept in it");
            return;
        }
        if (from.isReadOnly()) {
            tell.accept("This project is open read-only: its bookmarks cannot be changed");
            return;
        }
        BackgroundTask.of(context -> change.apply(from))
                .onSuccess(result -> {
                    if (done != null) {
                        tell.accept(done);
                    }
                    reload();
                })
                .named(what)
                .executeWith(work);
    }
}

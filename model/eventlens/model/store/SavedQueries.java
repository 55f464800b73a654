package eventlens.model.store;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A project's saved queries (table {@code saved_queries}, name → query text) and its query history (the
 * last {@value #HISTORY} query texts run in the window's filter bar, newest first; table
 * {@code query_history}, created on first use). The command line's {@code --where @name} reads a saved
 * query; {@code eventlens query PROJECT --save NAME QUERY} writes one.
 *
 * <p>The texts are stored as typed, not checked: a saved query is parsed where it is used, so a query
 * saved by an older EventLens gets the current parser's error, with its column, like a typed one. A
 * read-only project lists what it has and refuses to save; its history is not recorded.
 */
public final class SavedQueries {
    /** How many history entries a project keeps. */
    public static final int HISTORY = 200;
    /** What a saved query's name may be: what {@code @name} can be typed as. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String CREATE_HISTORY = "CREATE TABLE IF NOT EXISTS query_history "
            + "(id INTEGER PRIMARY KEY, query TEXT NOT NULL, used_us INTEGER)";
    private final ProjectStore store;

    /** The saved queries and history of {@code store}'s project. */
    public SavedQueries(ProjectStore store) {
        this.store = store;
    }

    /** A saved query, by name. */
    public record Saved(String name, String query) {
    }

    /** Saves (or replaces) {@code query} under {@code name}; refuses a name that {@code @name} could not reach. */
    public void save(String name, String query) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' cannot name a query: use letters, digits, '.', '_' "
                    + "and '-' (at most 64), starting with a letter or digit");
        }
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("the query to save as '" + name + "' is empty");
        }
        synchronized (store) {
            refuseReadOnly("save a query in");
            store.derivedWrites("save a query in").update(
                    "INSERT OR REPLACE INTO saved_queries(name, query) VALUES (?, ?)", name, query.strip());
        }
    }

    /** Deletes a saved query; false when there was none of that name. */
    public boolean delete(String name) {
        synchronized (store) {
            refuseReadOnly("delete a query from");
            return store.derivedWrites("delete a query from").update("DELETE FROM saved_queries WHERE name = ?", name) > 0;
        }
    }

    /** The saved query of that name. */
    public Optional<String> find(String name) {
        synchronized (store) {
            return store.reads().first("SELECT query FROM saved_queries WHERE name = ?", rs -> rs.getString(1), name);
        }
    }

    /** Every saved query, by name. */
    public List<Saved> list() {
        synchronized (store) {
            return store.reads().list("SELECT name, query FROM saved_queries ORDER BY name",
                    rs -> new Saved(rs.getString(1), rs.getString(2)));
        }
    }

    /**
     * Records that {@code query} was run: it becomes the newest history entry (an earlier copy of the same
     * text is dropped) and the oldest beyond {@value #HISTORY} are forgotten. A read-only project records nothing.
     */
    public void remember(String query) {
        if (query == null || query.isBlank() || store.isReadOnly()) {
            return;
        }
        synchronized (store) {
            Sql w = store.derivedWrites("record the query history of");
            w.transaction(() -> {
                w.update(CREATE_HISTORY);
                w.update("DELETE FROM query_history WHERE query = ?", query.strip());
                w.update("INSERT INTO query_history(query, used_us) VALUES (?, ?)", query.strip(),
                        SqlFilter.micros(store.clock().instant()));
                w.update("DELETE FROM query_history WHERE id <= (SELECT id FROM query_history ORDER BY id DESC "
                        + "LIMIT 1 OFFSET ?)", HISTORY);
                return null;
            });
        }
    }

    /** The history, newest first. */
    public List<String> history() {
        synchronized (store) {
            boolean exists = store.reads().first("SELECT 1 FROM sqlite_master WHERE name = 'query_history'",
                    rs -> true).isPresent();
            return exists ? store.reads().list("SELECT query FROM query_history ORDER BY id DESC", rs -> rs.getString(1))
                    : List.of();
        }
    }

    private void refuseReadOnly(String verb) {
        if (store.isReadOnly()) {
            throw new StoreException("cannot " + verb + " project " + store.file() + ": it is open read-only");
        }
    }
}

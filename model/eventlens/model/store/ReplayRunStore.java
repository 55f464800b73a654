package eventlens.model.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Replay runs kept in a project (tables {@code replay_runs} and {@code replay_outputs}): one row per
 * run with its script, slice, mode and summary, and its outputs in order, each a kind and a JSON body.
 * The bodies are the replay layer's business; this class only stores them. Each save is one
 * transaction.
 */
public final class ReplayRunStore {
    private final ProjectStore store;

    /** Runs of {@code store}'s project. */
    public ReplayRunStore(ProjectStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Saves a run and its outputs; the run's id. {@code run.id()} is ignored. */
    public long save(StoredRun run, List<StoredOutput> outputs) {
        if (store.isReadOnly()) {
            throw new StoreException("cannot save the replay run: " + store.file() + " is read-only");
        }
        // A writer of its own, as an import has: the store's reader connection only reads.
        String failing = "cannot save the replay run in " + store.file();
        try (Connection c = Connections.open(store.file(), Connections.Purpose.WRITE, false)) {
            return new Sql(c, failing).transaction(() -> {
                long id;
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO replay_runs(started_us, script_name, script, query, mode, summary) VALUES (?,?,?,?,?,?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    Sql.bind(ps, Rows.micros(run.started()), run.scriptName(), run.script(), run.query(), run.mode(),
                            run.summary());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO replay_outputs(run_id, seq, kind, body) VALUES (?,?,?,?)")) {
                    for (StoredOutput o : outputs) {
                        Sql.bind(ps, id, o.seq(), o.kind(), o.body());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return id;
            });
        } catch (SQLException e) {
            throw new StoreException(failing + ": " + e.getMessage(), e);
        }
    }

    /** Every run, newest first. */
    public List<StoredRun> runs() {
        return select("SELECT id, started_us, script_name, script, query, mode, summary FROM replay_runs ORDER BY id DESC");
    }

    /** One run. */
    public Optional<StoredRun> run(long id) {
        return select("SELECT id, started_us, script_name, script, query, mode, summary FROM replay_runs WHERE id = ?", id)
                .stream().findFirst();
    }

    /** A run's outputs in order. */
    public List<StoredOutput> outputs(long runId) {
        synchronized (store) {
            return store.reads().failingAs("cannot read replay outputs of " + store.file()).list(
                    "SELECT seq, kind, body FROM replay_outputs WHERE run_id = ? ORDER BY seq",
                    rs -> new StoredOutput(rs.getInt(1), rs.getString(2), rs.getString(3)), runId);
        }
    }

    private List<StoredRun> select(String sql, Object... params) {
        synchronized (store) {
            return store.reads().failingAs("cannot read replay runs of " + store.file()).list(sql,
                    rs -> new StoredRun(rs.getLong(1), Rows.instant(rs, 2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)), params);
        }
    }

    /**
     * A stored run.
     *
     * @param id         its key (0 before saving)
     * @param started    wall-clock time the run started
     * @param scriptName the script's file name
     * @param script     the script's text
     * @param query      the slice as written
     * @param mode       {@code all} or {@code roots}
     * @param summary    the summary as JSON text
     */
    public record StoredRun(long id, Instant started, String scriptName, String script, String query, String mode,
            String summary) {
    }

    /**
     * One output of a run.
     *
     * @param seq  its order in the run
     * @param kind e.g. {@code published}, {@code deadLetter}, {@code log}, {@code divergence}
     * @param body JSON text
     */
    public record StoredOutput(int seq, String kind, String body) {
    }
}

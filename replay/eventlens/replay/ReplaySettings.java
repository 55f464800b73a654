package eventlens.replay;

import eventlens.model.query.EventQuery;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptLimits;
import java.util.Objects;

/**
 * What a run replays and how; the same settings over the same slice always give the same run.
 *
 * @param script    the handler script
 * @param query     the slice (from {@code --where}; a time window is {@code after:}/{@code before:} terms)
 * @param queryText the slice as written (stored with the run), may be empty
 * @param mode      all or roots
 * @param seed      seeds derived event ids and {@code Math.random}
 * @param limits    the budget of one handler call (statements, time, memory)
 * @param budgets   how far published events may cascade
 */
public record ReplaySettings(ReplayScript script, EventQuery query, String queryText, ReplayMode mode, long seed,
        ScriptLimits limits, ReplayBudgets budgets) {
    public ReplaySettings {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(query, "query");
        queryText = queryText == null ? "" : queryText;
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(budgets, "budgets");
    }

    /** Settings with the default {@link ReplayBudgets}. */
    public ReplaySettings(ReplayScript script, EventQuery query, String queryText, ReplayMode mode, long seed,
            ScriptLimits limits) {
        this(script, query, queryText, mode, seed, limits, ReplayBudgets.DEFAULT);
    }

    /** {@code script} over every event in {@code mode}, seed 0, default limits and budgets. */
    public static ReplaySettings of(ReplayScript script, ReplayMode mode) {
        return new ReplaySettings(script, EventQuery.ALL, "", mode, 0, ScriptLimits.DEFAULT);
    }

    /** The same settings over another slice. */
    public ReplaySettings withQuery(EventQuery newQuery, String newText) {
        return new ReplaySettings(script, newQuery, newText, mode, seed, limits, budgets);
    }

    /** The same settings with other call limits. */
    public ReplaySettings withLimits(ScriptLimits newLimits) {
        return new ReplaySettings(script, query, queryText, mode, seed, newLimits, budgets);
    }

    /** The same settings with other cascade budgets. */
    public ReplaySettings withBudgets(ReplayBudgets newBudgets) {
        return new ReplaySettings(script, query, queryText, mode, seed, limits, newBudgets);
    }
}

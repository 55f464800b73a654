package eventlens.app.replay;

import eventlens.replay.ReplayMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slice and mode a script was written for, read from a header comment near its top:
 *
 * <pre>// eventlens: mode=roots where=type:*.* before:2024-01-16</pre>
 *
 * {@code where=} takes the rest of the line (a query may contain spaces); an empty {@code where=} means the
 * whole log. A key that is absent leaves the view's setting as it is. Only the Replay view applies it when a
 * script is opened; the command line keeps its explicit flags (decision 0014).
 *
 * @param mode  the replay mode, or null to leave it
 * @param where the slice query, or null to leave it
 */
record ScriptSetup(ReplayMode mode, String where) {
    /** Lines looked at: the header belongs at the top; a comment deep in a handler is not one. */
    static final int HEADER_LINES = 30;
    private static final Pattern HEADER = Pattern.compile("^\\s*//\\s*eventlens:(.*)$");
    private static final Pattern MODE = Pattern.compile("\\bmode=(\\S+)");
    private static final Pattern WHERE = Pattern.compile("\\bwhere=(.*)$");

    /** The header of {@code script}, if it has one that names a mode or a slice. */
    static Optional<ScriptSetup> of(String script) {
        if (script == null) {
            return Optional.empty();
        }
        return script.lines().limit(HEADER_LINES).map(HEADER::matcher).filter(Matcher::matches).findFirst()
                .flatMap(m -> parse(m.group(1)));
    }

    private static Optional<ScriptSetup> parse(String header) {
        Matcher where = WHERE.matcher(header);
        String query = where.find() ? where.group(1).strip() : null;
        String rest = query == null ? header : header.substring(0, where.start());
        Matcher mode = MODE.matcher(rest);
        ReplayMode m = null;
        if (mode.find()) {
            String name = mode.group(1).toUpperCase(Locale.ROOT);
            for (ReplayMode candidate : ReplayMode.values()) {
                if (candidate.name().equals(name)) {
                    m = candidate;
                }
            }
        }
        return m == null && query == null ? Optional.empty() : Optional.of(new ScriptSetup(m, query));
    }

    /** How the status line says what was set. */
    String describe() {
        StringBuilder s = new StringBuilder("slice and mode from the script's header:");
        if (mode != null) {
            s.append(" mode ").append(mode.name().toLowerCase(Locale.ROOT));
        }
        if (where != null) {
            s.append(where.isEmpty() ? " · whole log" : " · " + where);
        }
        return s.toString();
    }
}

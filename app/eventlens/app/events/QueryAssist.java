package eventlens.app.events;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.query.QueryException;
import eventlens.model.query.QueryExpr.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.StringProperty;

/**
 * What a query bar offers besides parsing (the Events view's filter, the Replay view's slice): the
 * project's history under ↑ and ↓, completion of keys, stored values and saved query names, and
 * {@code @name} for a saved query. The history and saved names are read once per project in the
 * background, the values to complete at the first completion; nothing here touches the store on the FX
 * thread.
 */
public final class QueryAssist {
    /** How many distinct values of a field the bar completes with. */
    static final int VALUES = 500;

    private final BackgroundWork work;
    private final StringProperty text;
    private EventPages source;
    private QueryCompletion.Vocabulary vocabulary = QueryCompletion.Vocabulary.EMPTY;
    private List<String> history = List.of();
    /** Where ↑/↓ are in the history: -1 is the text being typed. */
    private int historyAt = -1;
    private boolean valuesRequested;

    /** The assistance of the bar whose text is {@code text}. */
    public QueryAssist(BackgroundWork work, StringProperty text) {
        this.work = work;
        this.text = text;
    }

    /** Another project (null: none): its history and saved queries are read in the background. */
    public void setSource(EventPages newSource) {
        source = newSource;
        vocabulary = QueryCompletion.Vocabulary.EMPTY;
        history = List.of();
        historyAt = -1;
        valuesRequested = false;
        if (newSource == null) {
            return;
        }
        EventPages from = newSource;
        BackgroundTask.of(context -> new Loaded(savedQueries(from), from.history()))
                .named("read the saved queries and history")
                .onSuccess(loaded -> {
                    if (source == from) {
                        vocabulary = vocabulary.withSaved(loaded.saved());
                        history = loaded.history();
                    }
                })
                .executeWith(work);
    }

    private record Loaded(Map<String, String> saved, List<String> history) {
    }

    private static Map<String, String> savedQueries(EventPages from) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : from.savedNames()) {
            from.savedQuery(name).ifPresent(q -> out.put(name, q));
        }
        return out;
    }

    private void loadValues(EventPages from) {
        valuesRequested = true;
        BackgroundTask.of(context -> new QueryCompletion.Vocabulary(from.knownValues(Field.TYPE, VALUES),
                        from.knownValues(Field.SOURCE, VALUES), from.knownValues(Field.AGGREGATE_TYPE, VALUES),
                        from.schemaValues(VALUES), Map.of()))
                .named("read the values to complete")
                .onSuccess(values -> {
                    if (source == from) {
                        vocabulary = values.withSaved(vocabulary.saved());
                    }
                })
                .executeWith(work);
    }

    /** What completes the word that ends at {@code caret} of the bar's text. */
    public List<QueryCompletion.Suggestion> completions(int caret) {
        if (!valuesRequested && source != null) {
            loadValues(source); // the first completion lists keys; the values follow from the next one
        }
        String t = text.get() == null ? "" : text.get();
        return QueryCompletion.at(t, caret, vocabulary);
    }

    /** ↑: the previous query of this project's history (newest first); false when none. */
    public boolean historyBack() {
        if (historyAt + 1 >= history.size()) {
            return false;
        }
        text.set(history.get(++historyAt));
        return true;
    }

    /** ↓: the next newer query of the history, or an empty bar after the newest. */
    public boolean historyForward() {
        if (historyAt < 0) {
            return false;
        }
        historyAt--;
        text.set(historyAt < 0 ? "" : history.get(historyAt));
        return true;
    }

    /**
     * {@code @name} alone is the project's saved query of that name; an unknown name is an error at the
     * {@code @} (a saved query's own error keeps the column of the saved text).
     */
    public String resolveSaved(String query) throws QueryException {
        String t = query.strip();
        if (!t.startsWith("@") || t.chars().anyMatch(Character::isWhitespace)) {
            return query;
        }
        String saved = vocabulary.saved().get(t.substring(1));
        if (saved == null) {
            throw unknownSaved(t.substring(1), query.indexOf('@') + 1);
        }
        return saved;
    }

    /** The error of {@code @name} when the project has no saved query of that name; {@code column} is the {@code @}'s. */
    public static QueryException unknownSaved(String name, int column) {
        return new QueryException(column, name.length() + 1, "no saved query '" + name
                + "'; save one with: eventlens query PROJECT --save NAME QUERY");
    }

    /** The query becomes the newest history entry, here and in the project (in the background). */
    public void remember(String query) {
        historyAt = -1;
        if (query.isEmpty() || source == null) {
            return;
        }
        List<String> h = new ArrayList<>(history);
        h.remove(query);
        h.add(0, query);
        history = List.copyOf(h);
        EventPages from = source;
        BackgroundTask.of(context -> {
            from.remember(query);
            return null;
        }).named("record the query history").executeWith(work);
    }
}

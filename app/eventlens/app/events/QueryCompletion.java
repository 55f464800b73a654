package eventlens.app.events;

import eventlens.model.query.QueryParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the filter bar offers to complete the word at the caret: filter keys ({@code type:}, {@code is:},
 * {@code data.} …) and boolean words, the values of {@code type: source: aggtype:} the project holds, the
 * types and declared versions of {@code schema:} (from the stored schemas), the flags of {@code is:} and
 * {@code has:}, and saved queries after {@code @}.
 */
final class QueryCompletion {
    /** The most suggestions shown at once. */
    static final int MAX = 20;

    private QueryCompletion() {
    }

    /** What the project offers to complete with. */
    record Vocabulary(List<String> types, List<String> sources, List<String> aggregateTypes, List<String> schemas,
            Map<String, String> saved) {
        static final Vocabulary EMPTY = new Vocabulary(List.of(), List.of(), List.of(), List.of(), Map.of());

        /** The same values with other saved queries. */
        Vocabulary withSaved(Map<String, String> newSaved) {
            return new Vocabulary(types, sources, aggregateTypes, schemas, newSaved);
        }
    }

    /** Replace {@code text[from, to)} with {@code replacement}; {@code label} is what the list shows. */
    record Suggestion(String label, int from, int to, String replacement) {
        /** The text after taking this suggestion. */
        String apply(String text) {
            return text.substring(0, from) + replacement + text.substring(to);
        }
    }

    /** The suggestions for the word that ends at {@code caret} in {@code text}. */
    static List<Suggestion> at(String text, int caret, Vocabulary v) {
        int end = Math.max(0, Math.min(caret, text.length()));
        int start = end;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1)) && text.charAt(start - 1) != '(') {
            start--;
        }
        if (start < end && text.charAt(start) == '-') {
            start++;
        }
        String word = text.substring(start, end);
        List<Suggestion> out = new ArrayList<>();
        if (word.startsWith("@")) {
            for (String name : v.saved().keySet().stream().sorted().toList()) {
                add(out, name.startsWith(word.substring(1)), "@" + name + "  " + v.saved().get(name), start, end, "@" + name);
            }
            return out;
        }
        int colon = word.indexOf(':');
        if (colon > 0) {
            String key = word.substring(0, colon).toLowerCase(Locale.ROOT);
            String prefix = word.substring(colon + 1);
            for (String value : values(key, v)) {
                String typed = key + ":" + value;
                add(out, value.regionMatches(true, 0, prefix, 0, prefix.length()), typed, start, end,
                        word.substring(0, colon + 1) + (key.equals("schema") ? value : quoted(value)) + " ");
            }
            return out;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        for (String key : QueryParser.keys()) {
            add(out, key.startsWith(lower), key + ":", start, end, key + ":");
        }
        for (String path : List.of("data.", "metadata.")) {
            add(out, !word.isEmpty() && path.startsWith(lower), path, start, end, path);
        }
        for (String op : List.of("AND", "OR", "NOT")) {
            add(out, !word.isEmpty() && op.startsWith(word), op, start, end, op + " ");
        }
        return out;
    }

    private static List<String> values(String key, Vocabulary v) {
        return switch (key) {
            case "type" -> v.types();
            case "source", "src" -> v.sources();
            case "aggtype" -> v.aggregateTypes();
            case "schema" -> v.schemas(); // already in the parser's form (QueryParser.schemaValue)
            case "is", "has" -> QueryParser.flags(key);
            default -> List.of();
        };
    }

    private static void add(List<Suggestion> out, boolean matches, String label, int from, int to, String replacement) {
        if (matches && out.size() < MAX) {
            out.add(new Suggestion(label, from, to, replacement));
        }
    }

    /** A value with a space, quote or parenthesis goes in quotes, as the parser wants it. */
    private static String quoted(String value) {
        boolean plain = value.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '(' || c == ')');
        return plain ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

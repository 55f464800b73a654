package eventlens.model.query;

import eventlens.model.query.QueryParser.Token;
import eventlens.model.query.QueryParser.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a query text into {@link Token}s: parentheses, the upper-case words {@code AND OR NOT}, a
 * {@code -} glued to the term after it, quoted phrases and terms (a term may hold quoted parts, as in
 * {@code data.note="a b"}).
 */
final class QueryTokens {
    private QueryTokens() {
    }

    static List<Token> of(String text) throws QueryException {
        List<Token> out = new ArrayList<>();
        int at = 0;
        int n = text.length();
        while (at < n) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), at + 1));
                at++;
            } else if (c == '-' && at + 1 < n && !Character.isWhitespace(text.charAt(at + 1))
                    && text.charAt(at + 1) != ')' && text.charAt(at + 1) != '-') {
                out.add(new Token(Kind.MINUS, "-", at + 1));
                at++;
            } else if (c == '"') {
                int close = closingQuote(text, at + 1);
                if (close < 0) {
                    throw unclosedQuote(at);
                }
                String phrase = QueryTerms.unescape(text.substring(at + 1, close));
                if (phrase.isEmpty()) {
                    throw new QueryException(at + 1, 2, "empty quotes search for nothing; put the text between them");
                }
                out.add(new Token(Kind.PHRASE, phrase, at + 1));
                at = close + 1;
            } else {
                int end = endOfTerm(text, at);
                String term = text.substring(at, end);
                Kind kind = switch (term) {
                    case "AND" -> Kind.AND;
                    case "OR" -> Kind.OR;
                    case "NOT" -> Kind.NOT;
                    default -> Kind.TERM;
                };
                out.add(new Token(kind, term, at + 1));
                at = end;
            }
        }
        return out;
    }

    /**
     * The end of the unquoted term at {@code from}: the next space or parenthesis outside quotes. In the
     * regular expression of {@code data.PATH~RE} balanced parentheses belong to the pattern
     * ({@code data.sku~^(A|B)-[0-9]+$}); a {@code )} with none open still closes a group.
     */
    private static int endOfTerm(String text, int from) throws QueryException {
        int openQuote = -1;
        int at = from;
        boolean path = text.regionMatches(true, from, "data.", 0, 5) || text.regionMatches(true, from, "metadata.", 0, 9);
        boolean regex = false;
        int open = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (openQuote < 0 && (Character.isWhitespace(c) || (c == ')' && open == 0))) {
                break;
            }
            if (c == '\\') {
                at = Math.min(at + 2, text.length());
                continue;
            }
            if (c == '"') {
                openQuote = openQuote >= 0 ? -1 : at;
            } else if (openQuote < 0 && regex && (c == '(' || c == ')')) {
                open += c == '(' ? 1 : -1;
            } else if (openQuote < 0 && c == '~' && path) {
                regex = true;
            } else if (openQuote < 0 && c == '(') {
                if (List.of("AND", "OR", "NOT").contains(text.substring(from, at))) {
                    break; // "OR(a b)": the word, then the group
                }
                throw new QueryException(at + 1, "'(' right after '" + text.substring(from, at) + "': put a space "
                        + "before a group, or quote the text to search for it (\"" + text.substring(from, at) + "(…\")");
            }
            at++;
        }
        if (openQuote >= 0) {
            throw unclosedQuote(openQuote);
        }
        return at;
    }

    private static QueryException unclosedQuote(int at) {
        return new QueryException(at + 1, "unclosed quote: the \" here has no closing \"");
    }

    private static int closingQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '"') {
                return i;
            }
        }
        return -1;
    }
}

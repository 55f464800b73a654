package eventlens.importers.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eventlens.importers.VerbatimMember;
import eventlens.model.ImportError;
import eventlens.model.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Turns the bytes of one record into its raw text and JSON tree, or into an {@link ImportError}
 * with a short reason and the line and column of the fault. Not thread-safe: one per import.
 */
final class RecordParser {
    private final String file;
    private final ObjectMapper mapper = Json.mapper();
    private final CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private final ShallowTree shallow;

    RecordParser(String file) {
        this(file, null);
    }

    /**
     * A parser handing over the top-level objects and arrays in the forms {@code forms} gives their names
     * ({@link ShallowTree}); null to build every tree whole.
     */
    RecordParser(String file, Function<String, VerbatimMember.Form> forms) {
        this.file = file;
        this.shallow = forms == null ? null : new ShallowTree(mapper, forms);
    }

    /**
     * A parsed record, or the error that stops it ({@code error} non-null, {@code node} null). A record
     * read in spite of a trailing comma carries a {@code warning} saying where the comma is.
     */
    record Result(String raw, JsonNode node, ImportError error, ImportError warning) {
        Result(String raw, JsonNode node, ImportError error) {
            this(raw, node, error, null);
        }
    }

    /**
     * Parses {@code bytes[from..from+length)}. Good records are parsed in place; a failing one is
     * parsed again on its own, from index 0: read with a warning when its only fault is trailing commas
     * (after the record, as in a JSON-lines line ending with {@code ,}, or before a closing bracket
     * inside it), else described as an error.
     */
    Result parse(byte[] bytes, int from, int length, long line, long column, long offset) {
        Result good = parseInPlace(bytes, from, length);
        if (good != null) {
            return good;
        }
        byte[] own = from == 0 ? bytes : Arrays.copyOfRange(bytes, from, from + length);
        Result tolerated = withTrailingCommas(own, length, line, column);
        return tolerated != null ? tolerated : diagnose(own, length, line, column, offset);
    }

    /**
     * The record read with its trailing commas tolerated, and a warning at the first one; null when
     * it has none or has another fault. A comma after the whole record is cut from its raw text.
     */
    private Result withTrailingCommas(byte[] bytes, int length, long line, long column) {
        int comma = TrailingCommas.first(bytes, length);
        if (comma < 0) {
            return null;
        }
        int end = TrailingCommas.endWithoutFinalComma(bytes, length);
        try {
            String raw = strictUtf8.reset().decode(ByteBuffer.wrap(bytes, 0, end)).toString();
            try (JsonParser parser = mapper.getFactory().createParser(bytes, 0, end)) {
                parser.configure(JsonReadFeature.ALLOW_TRAILING_COMMA.mappedFeature(), true);
                JsonNode node = mapper.readTree(parser);
                if (node == null || hasMore(parser)) {
                    return null;
                }
                long[] at = position(bytes, comma, line, column);
                String where = comma >= end ? "after the record" : "before a closing bracket";
                return new Result(raw, node, null, ImportError.warning(file, at[0], at[1],
                        "trailing comma " + where + " (tolerated: the record was imported)", raw));
            }
        } catch (IOException | NumberFormatException e) {
            return null; // another fault: described by diagnose
        }
    }

    /** The parsed record, or null when anything is wrong with it. */
    private Result parseInPlace(byte[] bytes, int from, int length) {
        try {
            String raw = text(bytes, from, length);
            if (shallow != null) {
                try (JsonParser parser = mapper.getFactory().createParser(bytes, from, length)) {
                    JsonNode node = shallow.read(parser, bytes, from, length, raw);
                    if (node != null) {
                        return hasMore(parser) ? null : new Result(raw, node, null);
                    }
                }
            }
            try (JsonParser parser = mapper.getFactory().createParser(bytes, from, length)) {
                JsonNode node = mapper.readTree(parser);
                return node != null && !hasMore(parser) ? new Result(raw, node, null) : null;
            }
        } catch (IOException | NumberFormatException e) {
            return null; // described by diagnose
        }
    }

    /**
     * The text of well-formed UTF-8, else a {@link CharacterCodingException}: decoded by the JDK's fast decoder
     * (twice as fast as a strict one on this log), which puts U+FFFD for a malformed byte; only a text that holds
     * U+FFFD, malformed or written so, is decoded again strictly.
     */
    private String text(byte[] bytes, int from, int length) throws CharacterCodingException {
        String text = new String(bytes, from, length, StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') < 0 ? text : strictUtf8.reset().decode(ByteBuffer.wrap(bytes, from, length)).toString();
    }

    private Result diagnose(byte[] bytes, int length, long line, long column, long offset) {
        String raw;
        try {
            raw = strictUtf8.reset().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            if (looksBinary(bytes, length)) {
                return binary(bytes, length, line, column);
            }
            int bad = firstMalformed(bytes, length);
            long[] at = position(bytes, bad, line, column);
            return failed(at[0], at[1], "invalid UTF-8 at byte " + (offset + bad), lenient(bytes, length));
        }
        try (JsonParser parser = mapper.getFactory().createParser(bytes, 0, length)) {
            JsonNode node = mapper.readTree(parser);
            if (node == null) {
                return failed(line, column, "empty record", raw);
            }
            JsonLocation end = parser.currentLocation();
            if (hasMore(parser)) {
                return failed(raw, line, column, end, "invalid JSON: more text after the record");
            }
            return new Result(raw, node, null);
        } catch (JsonProcessingException e) {
            if (looksBinary(bytes, length)) {
                return binary(bytes, length, line, column);
            }
            JsonLocation at = e.getLocation();
            if (at != null && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unrecognized token '")) {
                at = tokenStart(at, e.getOriginalMessage(), bytes);
            }
            return failed(raw, line, column, at, JsonFaults.reason(e));
        } catch (NumberFormatException e) {
            // Jackson reads every fraction as a BigDecimal, which cannot hold an exponent such as 1e99999999999.
            return failed(line, column, "invalid JSON: a number out of range", raw);
        } catch (IOException e) {
            return failed(line, column, "unreadable record: " + e.getMessage(), raw);
        }
    }

    private Result binary(byte[] bytes, int length, long line, long column) {
        return failed(line, column, "binary data, not JSON text (" + length + " bytes)", lenient(bytes, length));
    }

    private static boolean hasMore(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Jackson places an unrecognized token's error after the token (and sometimes after the byte
     * that ends it); point at the token's start instead, found by searching back for its text.
     */
    private static JsonLocation tokenStart(JsonLocation at, String message, byte[] bytes) {
        int end = message.indexOf("': was");
        long errorOffset = at.getByteOffset();
        if (end <= 20 || errorOffset < 0) {
            return at;
        }
        byte[] token = message.substring(20, end).replace("...", "").getBytes(StandardCharsets.UTF_8);
        for (long i = Math.min(errorOffset, bytes.length) - token.length; i >= 0 && errorOffset - i <= at.getColumnNr(); i--) {
            if (Arrays.equals(bytes, (int) i, (int) i + token.length, token, 0, token.length)) {
                return new JsonLocation(at.contentReference(), i, at.getCharOffset(), at.getLineNr(),
                        at.getColumnNr() - (int) (errorOffset - i));
            }
        }
        return at;
    }

    private Result failed(String raw, long line, long column, JsonLocation at, String reason) {
        if (at == null || at.getLineNr() < 1) {
            return failed(line, column, reason, raw);
        }
        long errorLine = line + at.getLineNr() - 1;
        long errorColumn = at.getLineNr() == 1 ? column + at.getColumnNr() - 1 : at.getColumnNr();
        String where = at.getLineNr() == 1 && column == 1
                ? " at column " + errorColumn : " at line " + errorLine + ", column " + errorColumn;
        return failed(errorLine, errorColumn, reason + where, raw);
    }

    private Result failed(long line, long column, String reason, String raw) {
        return new Result(raw, null, new ImportError(file, line, column, reason, raw));
    }

    /** NUL bytes, or more than one byte in twenty a control character: this is not text. */
    private static boolean looksBinary(byte[] bytes, int length) {
        int controls = 0;
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) {
                controls++;
            }
        }
        return controls > 0 && controls * 20 > length;
    }

    private int firstMalformed(byte[] bytes, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(Math.min(length, 1 << 16) + 2);
        strictUtf8.reset();
        while (true) {
            CoderResult result = strictUtf8.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return length;
            }
            out.clear();
        }
    }

    /** Line and column of a byte index inside a record that starts at (line, column). */
    private static long[] position(byte[] bytes, int index, long line, long column) {
        long l = line;
        long c = column;
        for (int i = 0; i < index; i++) {
            if (bytes[i] == '\n') {
                l++;
                c = 1;
            } else {
                c++;
            }
        }
        return new long[] {l, c};
    }

    private static String lenient(byte[] bytes, int length) {
        return new String(bytes, 0, Math.min(length, ImportError.MAX_RAW + 1), StandardCharsets.UTF_8);
    }

    /** Short, human reasons for Jackson's parse errors. */
    static final class JsonFaults {
        private JsonFaults() {
        }

        static String reason(JsonProcessingException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (e instanceof StreamConstraintsException) {
                if (m.contains("nesting depth")) {
                    return "nesting depth exceeds the limit of " + Json.MAX_DEPTH + " levels";
                }
                return "record exceeds a size limit: " + firstClause(m);
            }
            if (m.startsWith("Unexpected end-of-input")) {
                return "invalid JSON: the record ends too early (truncated?)";
            }
            if (m.startsWith("Unexpected character ('")) {
                int end = m.indexOf("' (code");
                return "invalid JSON: unexpected character '" + (end > 23 ? m.substring(23, end) : "?") + "'";
            }
            if (m.startsWith("Unrecognized token '")) {
                int end = m.indexOf("': was");
                String token = end > 20 ? m.substring(20, end) : "?";
                return "invalid JSON: unrecognized token '" + (token.length() > 30 ? token.substring(0, 30) + "…" : token) + "'";
            }
            if (m.startsWith("Illegal unquoted character")) {
                return "invalid JSON: a control character must be escaped inside a string";
            }
            if (m.startsWith("Unexpected close marker")) {
                return "invalid JSON: brackets do not match";
            }
            return "invalid JSON: " + firstClause(m);
        }

        private static String firstClause(String message) {
            int cut = message.indexOf('\n');
            String first = cut < 0 ? message : message.substring(0, cut);
            return first.length() > 100 ? first.substring(0, 100) + "…" : first;
        }
    }
}

package eventlens.importers.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.importers.VerbatimMember;
import eventlens.importers.VerbatimMember.Form;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A record's tree in which chosen top-level members that hold an object or an array are kept with their verbatim
 * text ({@link VerbatimMember}, decision 0068): as that text only, or as a tree that knows it. The event's data is
 * most of a record; a reader that only stores its text need not build its tree (with a {@code BigDecimal} for each
 * number) and write it out again. Every other member is as {@link ObjectMapper#readTree} makes it; a member kept
 * as text is still read token by token, so a fault in it or nesting beyond the limit fails the record as before.
 */
final class ShallowTree {
    private final ObjectMapper mapper;
    private final JsonNodeFactory nodes;
    private final Function<String, Form> forms;

    /** Hands over each top-level member holding an object or an array in the form {@code forms} gives its name. */
    ShallowTree(ObjectMapper mapper, Function<String, Form> forms) {
        this.mapper = mapper;
        this.nodes = mapper.getNodeFactory();
        this.forms = forms;
    }

    /**
     * Reads the value {@code parser} (over the {@code length} bytes from {@code from}, whose text is {@code raw})
     * is about to give; null when there is none, or when a member's text could not be told apart (then the caller
     * reads the record whole).
     */
    JsonNode read(JsonParser parser, byte[] bytes, int from, int length, String raw) throws IOException {
        boolean ascii = raw.length() == length; // a character beyond ASCII takes two bytes or more
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            return first == null ? null : mapper.readTree(parser);
        }
        ObjectNode object = nodes.objectNode();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            Form form = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY ? forms.apply(name) : Form.TREE;
            if (form == Form.TREE) {
                object.set(name, scalar(parser, token));
                continue;
            }
            long start = parser.currentTokenLocation().getByteOffset();
            JsonNode tree = null;
            if (form == Form.TEXT) {
                parser.skipChildren();
            } else {
                tree = mapper.readTree(parser);
            }
            String text = slice(bytes, from, ascii ? raw : null, start, parser.currentLocation().getByteOffset(), token);
            if (text == null) {
                return null;
            }
            object.set(name, tree == null ? VerbatimMember.of(text)
                    : tree instanceof ObjectNode o ? VerbatimMember.withText(o, text) : tree);
        }
        return object;
    }

    /** A scalar made as {@code readTree} makes it with this mapper; containers, floats and big numbers by it. */
    private JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> mapper.readTree(parser);
            };
            default -> mapper.readTree(parser);
        };
    }

    /**
     * The bytes {@code [start, end)} past {@code from} as text, when they are the whole container; else null. In
     * an all-ASCII record ({@code raw} given: as many characters as bytes) they are cut from its text.
     */
    private static String slice(byte[] bytes, int from, String raw, long start, long end, JsonToken open) {
        int at = from + (int) start;
        int length = (int) (end - start);
        char close = open == JsonToken.START_OBJECT ? '}' : ']';
        char opening = open == JsonToken.START_OBJECT ? '{' : '[';
        if (start < 0 || length < 2 || at + length > bytes.length
                || bytes[at] != opening || bytes[at + length - 1] != close) {
            return null;
        }
        return raw != null ? raw.substring((int) start, (int) end) : new String(bytes, at, length, StandardCharsets.UTF_8);
    }
}

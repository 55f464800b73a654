package eventlens.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import eventlens.model.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Members of a record kept with their verbatim JSON text (decision 0068), so that a mapper stores them as the record
 * writes them instead of writing them out again from a tree. JSON readers make them for the members a mapper names
 * ({@link FieldMapper#memberForms}).
 */
public final class VerbatimMember {
    /** How a JSON reader hands over a top-level member that holds an object or an array. */
    public enum Form {
        /** As a tree, the usual way. */
        TREE,
        /** As its text only ({@link #of}): the event's data, of which an event keeps nothing else. */
        TEXT,
        /** As a tree that also knows its text ({@link #withText}): the metadata, whose members are looked up. */
        TREE_AND_TEXT
    }

    private VerbatimMember() {
    }

    /** A node standing for the JSON {@code text} of an object or array: Jackson's {@link RawValue} in a {@link POJONode}. */
    public static JsonNode of(String text) {
        return new POJONode(new RawValue(text));
    }

    /** The object {@code tree} that also knows the {@code text} it was read from. */
    public static ObjectNode withText(ObjectNode tree, String text) {
        Map<String, JsonNode> members = new LinkedHashMap<>();
        tree.properties().forEach(member -> members.put(member.getKey(), member.getValue()));
        return new TextedObject(members, text);
    }

    /** The text of a node made by {@link #of} or {@link #withText}; null for any other node. */
    public static String text(JsonNode node) {
        if (node instanceof TextedObject texted) {
            return texted.text;
        }
        return node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw ? raw.rawValue().toString() : null;
    }

    /** The text of a node made here, else the node written out as compact JSON. */
    static String textOrWritten(JsonNode node) {
        String text = text(node);
        return text != null ? text : Json.write(node);
    }

    /** An object node with the text it was read from; equal to any object node with the same members. */
    private static final class TextedObject extends ObjectNode {
        private static final long serialVersionUID = 1L;
        private final String text;

        TextedObject(Map<String, JsonNode> members, String text) {
            super(JsonNodeFactory.instance, members);
            this.text = text;
        }
    }
}

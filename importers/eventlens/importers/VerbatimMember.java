package eventlens.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * A member of a record kept as its verbatim JSON text instead of a tree (decision 0068): a {@link POJONode}
 * holding a {@link RawValue}, which Jackson writes out as the text itself. JSON readers make them for members a
 * mapper only stores as text ({@link FieldMapper#membersAsText}).
 */
public final class VerbatimMember {
    private VerbatimMember() {
    }

    /** A node standing for the JSON {@code text} of an object or array. */
    public static JsonNode of(String text) {
        return new POJONode(new RawValue(text));
    }

    /** The text of a node made by {@link #of}; null for any other node. */
    public static String text(JsonNode node) {
        return node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw ? raw.rawValue().toString() : null;
    }
}

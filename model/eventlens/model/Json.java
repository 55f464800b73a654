package eventlens.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The one configured Jackson mapper of the application, with explicit read limits, and small
 * conveniences over it.
 */
public final class Json {
    /** Deeper nesting than this is refused with a clear reason instead of a stack overflow. */
    public static final int MAX_DEPTH = 1000;
    /**
     * Largest single string value accepted. The JSON readers refuse records above their own, smaller limit
     * first (a 32nd of the heap, at most 64 MB; see docs/decisions/0029-record-size-limit.md).
     */
    public static final int MAX_STRING = 100_000_000;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(MAX_STRING)
                .maxNumberLength(10_000)
                .build());
    }

    private Json() {
    }

    /** The shared mapper; configured once here, never reconfigured elsewhere. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses JSON text, or returns a missing node for null or unparsable text. */
    public static JsonNode parseOrMissing(String text) {
        if (text == null || text.isEmpty()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * Whether two texts hold the same JSON: equal texts, or both parsed to equal trees — spacing and the writing
     * of numbers aside ({@code 70.30} and {@code 70.3}), as data kept verbatim (decision 0068) and data written
     * out from a tree differ. Texts that are not JSON are the same only when equal.
     */
    public static boolean same(String a, String b) {
        if (a == null || b == null || a.equals(b)) {
            return a == null ? b == null : a.equals(b);
        }
        JsonNode left = parseOrMissing(a);
        return !left.isMissingNode() && left.equals(parseOrMissing(b));
    }

    /** Compact JSON text of a tree. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** Indented JSON text, or the text itself when it is not JSON. */
    public static String pretty(String text) {
        JsonNode node = parseOrMissing(text);
        if (node.isMissingNode()) {
            return text == null ? "" : text;
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}

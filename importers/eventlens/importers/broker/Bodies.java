package eventlens.importers.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import eventlens.model.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Decoding of message bodies and header values for display: JSON held in a string, base64, byte
 * arrays written as JSON lists of numbers, big-endian binary numbers, and SNS envelopes inside SQS
 * bodies. The raw record is always kept elsewhere; these only make the content readable.
 */
final class Bodies {
    private Bodies() {
    }

    /** A text holding a JSON object or array, parsed; any other text as a text node; null for null. */
    static JsonNode fromText(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.length() >= 2 && (t.charAt(0) == '{' || t.charAt(0) == '[')) {
            JsonNode parsed = Json.parseOrMissing(t);
            if (parsed.isContainerNode()) {
                return parsed;
            }
        }
        return JsonNodeFactory.instance.textNode(text);
    }

    /**
     * An SNS notification ({@code {"Type":"Notification","Message":"…"}}) replaced by its decoded
     * inner message; anything else as it is.
     */
    static JsonNode unwrapSns(JsonNode body) {
        if (body != null && body.isObject() && "Notification".equals(body.path("Type").asText(null))
                && body.path("Message").isTextual()) {
            return fromText(body.get("Message").textValue());
        }
        return body;
    }

    /** Base64 text decoded to bytes; null when it is not base64. */
    static byte[] base64(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Bytes as UTF-8 text when they are valid UTF-8, else null. */
    static String utf8(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Base64 text decoded and read as a body (JSON or text); the text itself when it is not base64 of UTF-8. */
    static JsonNode fromBase64(String text) {
        String decoded = utf8(base64(text));
        return fromText(decoded == null ? text : decoded);
    }

    /**
     * A JSON list of byte values (0..255, or -128..127 as Java writes them), as bytes.
     *
     * @throws IllegalArgumentException when an element is not a byte
     */
    static byte[] byteList(JsonNode list, String what) {
        byte[] out = new byte[list.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode b = list.get(i);
            if (!b.isIntegralNumber() || b.intValue() < -128 || b.intValue() > 255) {
                throw new IllegalArgumentException("malformed header " + what + ": element " + i + " is not a byte");
            }
            out[i] = (byte) b.intValue();
        }
        return out;
    }

    /**
     * A big-endian binary number of 1 to 8 bytes (Spring writes partition as 4 bytes, offset and
     * timestamp as 8).
     *
     * @throws IllegalArgumentException for an empty or longer value
     */
    static long bigEndian(byte[] bytes, String what) {
        if (bytes.length == 0 || bytes.length > 8) {
            throw new IllegalArgumentException("malformed header " + what + ": expected a 4- or 8-byte number, got "
                    + bytes.length + " bytes");
        }
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xff);
        }
        if (bytes.length == 4) {
            value = (int) value;
        }
        return value;
    }
}

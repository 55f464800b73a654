package eventlens.importers.esdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import eventlens.model.Json;

/** The data and metadata of an entry, which the HTTP API embeds as JSON text when the event was written as JSON. */
final class Payload {
    private Payload() {
    }

    /**
     * The member {@code name} decoded: a string is parsed as JSON unless the flag {@code isJsonFlag} is
     * {@code false} (then, or when it does not parse, it stays text); an object or array stays as it is;
     * null when absent. Base64 bodies of binary events ({@code dataBase64}) are kept as text.
     */
    static JsonNode decode(JsonNode entry, String name, String isJsonFlag) {
        JsonNode v = entry.get(name);
        if (v == null || v.isNull()) {
            JsonNode base64 = entry.get(name + "Base64");
            return base64 == null || base64.isNull() ? null : base64;
        }
        if (!v.isTextual()) {
            return v;
        }
        JsonNode flag = entry.get(isJsonFlag);
        if (flag != null && flag.isBoolean() && !flag.booleanValue()) {
            return v;
        }
        String text = v.textValue().strip();
        if (!text.startsWith("{") && !text.startsWith("[") && (flag == null || !flag.asBoolean())) {
            return v;
        }
        JsonNode parsed = Json.parseOrMissing(text);
        return parsed.isMissingNode() ? TextNode.valueOf(v.textValue()) : parsed;
    }
}

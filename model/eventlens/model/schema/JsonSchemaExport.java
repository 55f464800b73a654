package eventlens.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An inferred schema written as a JSON Schema (draft 2020-12) of the type's {@code data}: each field's
 * types, {@code required} for the members every event of their object had, {@code enum} for enum-like
 * fields, {@code format} for timestamps and UUIDs, a {@code pattern} for numbers written as strings, and a
 * few {@code examples}. It describes what was seen, so it accepts every event it was inferred from.
 */
public final class JsonSchemaExport {
    private static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

    private JsonSchemaExport() {
    }

    /** The JSON Schema of a type's data. */
    public static ObjectNode of(TypeSchema schema) {
        Map<String, FieldSchema> byPath = new HashMap<>();
        for (FieldSchema f : schema.fields()) {
            byPath.put(f.path(), f);
        }
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("$schema", DRAFT);
        root.put("title", schema.label());
        root.put("description", "Inferred by EventLens from " + schema.events() + " events of " + schema.label());
        FieldSchema data = byPath.get("");
        if (data != null) {
            node(data, schema.fields(), byPath, root);
        }
        return root;
    }

    private static void node(FieldSchema field, List<FieldSchema> all, Map<String, FieldSchema> byPath, ObjectNode out) {
        List<String> types = field.types().keySet().stream().sorted().toList();
        if (types.size() == 1) {
            out.put("type", types.getFirst());
        } else {
            ArrayNode t = out.putArray("type");
            types.forEach(t::add);
        }
        if (types.contains("object")) {
            ObjectNode properties = out.putObject("properties");
            ArrayNode required = Json.mapper().createArrayNode();
            for (FieldSchema child : all) {
                if (field.path().equals(child.parent()) && !child.path().endsWith("[]")) {
                    node(child, all, byPath, properties.putObject(child.name()));
                    if (child.present() == field.types().get("object")) {
                        required.add(child.name());
                    }
                }
            }
            if (!required.isEmpty()) {
                out.set("required", required);
            }
        }
        FieldSchema element = byPath.get(field.path() + "[]");
        if (types.contains("array") && element != null) {
            node(element, all, byPath, out.putObject("items"));
        }
        if (!field.enumValues().isEmpty()) {
            ArrayNode values = out.putArray("enum");
            field.enumValues().forEach(v -> values.add(parsed(v)));
        }
        if (field.format() == StringFormat.TIMESTAMP || field.format() == StringFormat.UUID) {
            out.put("format", field.format().label());
        } else if (field.format() == StringFormat.NUMBER_AS_STRING) {
            out.put("pattern", "^-?(0|[1-9][0-9]*)(\\\\.[0-9]+)?([eE][+-]?[0-9]+)?$".replace("\\\\", "\\"));
        }
        if (!field.examples().isEmpty() && !types.contains("object") && !types.contains("array")) {
            ArrayNode examples = out.putArray("examples");
            field.examples().forEach(v -> examples.add(parsed(v)));
        }
    }

    private static JsonNode parsed(String json) {
        JsonNode n = Json.parseOrMissing(json);
        return n.isMissingNode() ? Json.mapper().getNodeFactory().textNode(json) : n;
    }
}

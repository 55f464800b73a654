package eventlens.importers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mapping file: a JSON object from event field names to JSON pointers (RFC 6901) into each
 * record, for example {@code {"id": "/header/messageId", "type": "/kind", "time": "/header/sentAt"}}.
 * Fields named in it are read from those pointers only; the others are found automatically.
 */
public final class MappingFile {
    /** The event fields a mapping may name. */
    public static final Set<String> FIELDS = Set.of("id", "type", "time", "source", "aggregateType",
            "aggregateId", "version", "correlationId", "causationId", "data", "metadata");

    /** A mapping value standing for the file's name without its extensions (one stream per file). */
    public static final String FILE = "{file}";
    /** A mapping value standing for the record's 1-based index in its file (e.g. a stream's version). */
    public static final String RECORD = "{record}";

    private MappingFile() {
    }

    /**
     * Reads and checks a mapping file.
     *
     * @throws ImportException when the file cannot be read, is not a JSON object of strings, names an
     *     unknown field or holds a pointer that does not start with {@code /}
     */
    public static Map<String, String> read(Path file) throws ImportException {
        String name = file.toString();
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ImportException(name, 0, 0, "mapping file not found");
        } catch (JsonProcessingException e) {
            throw new ImportException(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
                    "mapping file is not valid JSON: " + e.getOriginalMessage());
        } catch (NumberFormatException e) {
            throw new ImportException(name, 0, 0, "mapping file is not valid JSON: a number out of range");
        } catch (IOException e) {
            throw new ImportException(name, 0, 0, "cannot read mapping file: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ImportException(name, 0, 0,
                    "a mapping file is a JSON object of field names to JSON pointers, e.g. {\"id\": \"/msgId\"}");
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw new ImportException(name, 0, 0, "the pointer for '" + entry.getKey() + "' must be a string");
            }
            mapping.put(entry.getKey(), entry.getValue().textValue());
        }
        List<String> problems = problems(mapping);
        if (!problems.isEmpty()) {
            throw new ImportException(name, 0, 0, String.join("; ", problems));
        }
        return Map.copyOf(mapping);
    }

    /** What is wrong with a mapping (unknown fields, malformed pointers); empty when it is usable. */
    public static List<String> problems(Map<String, String> mapping) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : mapping.entrySet()) {
            if (!FIELDS.contains(entry.getKey())) {
                problems.add("unknown field '" + entry.getKey() + "' (known: " + String.join(", ", sortedFields()) + ")");
            } else if (!entry.getValue().startsWith("/") && !FILE.equals(entry.getValue())
                    && !RECORD.equals(entry.getValue())) {
                problems.add("pointer for '" + entry.getKey() + "' must start with '/' (or be " + FILE + " or "
                        + RECORD + "): " + entry.getValue());
            }
        }
        return problems;
    }

    private static List<String> sortedFields() {
        return FIELDS.stream().sorted().toList();
    }
}

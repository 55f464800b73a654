package eventlens.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import eventlens.model.DeclaredVersion;
import eventlens.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of JSON Schema files the user provides, one per event type and version: {@code TYPE.vN.json}
 * (the schema of {@code TYPE}'s data at declared version N) or {@code TYPE.json} (any version, and events
 * that declare none). Types may contain dots: {@code order.created.v2.json}; a version is digits and dots, so {@code pubsub.topic.v1.messagePublished.json} is a type without one. Versions match without trailing
 * {@code .0} parts ({@code 2}, {@code 2.0} and {@code v2} are one version). A schema without {@code $schema}
 * is read as draft 2020-12. Files are read with com.networknt:json-schema-validator.
 */
public final class SchemaFolder {
    private static final Pattern VERSIONED = Pattern.compile("(.+)\\.v(\\d+(?:\\.\\d+)*)\\.json");

    /** One schema file. */
    public record Entry(String type, String version, Path file, Schema schema) {
    }

    private final Path folder;
    private final Map<String, Entry> byKey = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    private SchemaFolder(Path folder) {
        this.folder = folder;
    }

    /**
     * Reads every {@code *.json} file of a folder; fails with the file and the reason when one is not a JSON
     * Schema, or when the folder holds none.
     */
    public static SchemaFolder read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": not a folder of JSON Schema files");
        }
        SchemaFolder out = new SchemaFolder(folder);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            Matcher m = VERSIONED.matcher(name);
            String type = m.matches() ? m.group(1) : name.substring(0, name.length() - ".json".length());
            String version = m.matches() ? DeclaredVersion.normal(Json.mapper().getNodeFactory().textNode(m.group(2))) : null;
            JsonNode tree = Json.parseOrMissing(Files.readString(file));
            if (!tree.isObject() && !tree.isBoolean()) {
                throw new IOException(file + ": not a JSON Schema (not a JSON object)");
            }
            Schema schema;
            try {
                schema = registry.getSchema(Json.write(tree), InputFormat.JSON);
                schema.initializeValidators();
            } catch (RuntimeException e) {
                throw new IOException(file + ": not a usable JSON Schema: " + e.getMessage(), e);
            }
            Entry entry = new Entry(type, version, file, schema);
            out.entries.add(entry);
            out.byKey.put(key(type, version), entry);
        }
        if (out.entries.isEmpty()) {
            throw new IOException(folder + ": no JSON Schema files (TYPE.json or TYPE.vN.json) in it");
        }
        return out;
    }

    /** The folder read. */
    public Path folder() {
        return folder;
    }

    /** The schema files, in name order. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The schema for an event of this type and declared version (null: none), or null when there is none. */
    public Entry schemaFor(String type, String version) {
        if (type == null) {
            return null;
        }
        if (version != null) {
            Entry exact = byKey.get(key(type, version));
            if (exact != null) {
                return exact;
            }
        }
        return byKey.get(key(type, null));
    }

    private static String key(String type, String version) {
        if (version == null) {
            return type + "\u0000";
        }
        String v = version;
        while (v.endsWith(".0")) {
            v = v.substring(0, v.length() - 2);
        }
        return type + "\u0000" + v;
    }
}

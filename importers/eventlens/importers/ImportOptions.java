package eventlens.importers;

import java.util.Map;

/**
 * Options of one import. {@code mapping} maps event field names ({@code id}, {@code type},
 * {@code time}, {@code source}, {@code aggregateType}, {@code aggregateId}, {@code version},
 * {@code correlationId}, {@code causationId}, {@code data}, {@code metadata}) to JSON pointers
 * (RFC 6901) into each record; empty means automatic mapping.
 */
public record ImportOptions(Map<String, String> mapping) {
    public static final ImportOptions AUTOMATIC = new ImportOptions(Map.of());

    public ImportOptions {
        mapping = Map.copyOf(mapping);
    }
}

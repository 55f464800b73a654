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

    /**
     * Refuses a mapping for a reader that does not take one, so that it is never silently ignored.
     *
     * @throws ImportException naming the file, the reader and what to do instead
     */
    public void requireTakenBy(Importer importer, String file) throws ImportException {
        if (!mapping.isEmpty() && !importer.takesMapping()) {
            throw new ImportException(file, 0, 0, refusal(importer));
        }
    }

    /** Why a reader refuses a mapping, in one line. */
    public static String refusal(Importer importer) {
        return "the " + importer.name() + " reader maps its records itself and takes no mapping file: import this "
                + "file without --mapping (a mapping applies to the json and csv readers and to database tables)";
    }
}

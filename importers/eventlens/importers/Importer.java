package eventlens.importers;

import java.util.List;

/**
 * A reader for one family of formats. Readers are registered in {@link ImporterRegistry}; the
 * registry sniffs the first bytes of a source and picks the most confident one.
 */
public interface Importer {
    /** The name used with {@code --format} and recorded with each import, e.g. {@code json}. */
    String name();

    /** One line for {@code eventlens formats}. */
    String description();

    /** The fields this reader finds and where it looks for them, for {@code eventlens formats}. */
    List<FieldSource> fields();

    /**
     * How sure this reader is that it can read a source starting with {@code head} (0 = not at all,
     * 100 = certain). {@code head} holds up to the first 64 KiB, possibly cut mid-record.
     */
    int sniff(byte[] head, String name);

    /**
     * Reads every record of the source into the sink. Bad records go to
     * {@link ImportSink#reject}; only a source that cannot be read at all throws.
     */
    void read(ImportSource source, ImportOptions options, ImportSink sink) throws ImportException;

    /**
     * Whether this reader maps its records through {@link ImportOptions#mapping()} ({@link FieldMapper}).
     * A reader that maps its records itself (spans, workflow histories, broker envelopes, change
     * events, EventStoreDB feeds) does not, and a mapping given for its file is refused rather than
     * ignored ({@link ImportOptions#requireTakenBy}).
     */
    default boolean takesMapping() {
        return false;
    }

    /** One line of the field table: an event field and where this reader finds it. */
    record FieldSource(String field, String from) {
    }
}

package eventlens.importers;

import eventlens.model.ImportError;
import eventlens.model.store.ImportRecord;
import java.util.List;

/**
 * What an import did, over all its inputs: the format (or formats, comma-separated) that read them,
 * records read, events imported, extra deliveries of known events, records skipped because the same
 * record had been imported before, records that failed, dead letters stored, lines skipped as comments,
 * warnings (records imported in spite of a trailing comma), the first errors and warnings (at most
 * {@link #MAX_ERRORS}; every one is in the project), and one record per file.
 */
public record ImportSummary(String format, long read, long imported, long duplicates, long skipped, long failed,
                            long deadLetters, long comments, long warnings, List<ImportError> errors,
                            List<ImportRecord> files) {
    /** Errors carried in a summary; the project keeps them all. */
    public static final int MAX_ERRORS = 100;

    public ImportSummary {
        errors = List.copyOf(errors);
        files = List.copyOf(files);
    }
}

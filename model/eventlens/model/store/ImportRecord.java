package eventlens.model.store;

import java.time.Instant;

/**
 * One imported file as recorded in the project: what it was, which reader and mapping read it, and
 * the counts of its summary (records read, events imported, extra deliveries of known events,
 * records skipped because that same record was imported before, failures, dead letters), the lines
 * skipped as comments or header lines (not records, not errors) and the warnings (records imported
 * in spite of something reported, such as a trailing comma).
 */
public record ImportRecord(long id, String file, String format, String mapping, Instant started, Instant finished,
                           long read, long imported, long duplicates, long skipped, long failed, long deadLetters,
                           long comments, long warnings) {
}

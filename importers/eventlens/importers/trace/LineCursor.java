package eventlens.importers.trace;

import eventlens.model.Origin;

/**
 * Lines of the spans inside one record (a trace document holding many spans): each span's line is
 * where its id next appears after the previous span's. Spans come in document order, so the cursor
 * only moves forward and a document is scanned once, however many spans it holds.
 */
final class LineCursor {
    private final String raw;
    private final Origin record;
    private int at;
    private long line;

    LineCursor(String raw, Origin record) {
        this.raw = raw;
        this.record = record;
        this.line = record.line();
    }

    /** The origin of the next span whose id is {@code id}; the last position when it is not found. */
    Origin next(String id) {
        if (id != null && !id.isEmpty()) {
            int found = raw.indexOf('"' + id + '"', at);
            if (found < 0) {
                found = raw.indexOf(id, at);
            }
            if (found >= 0) {
                for (int i = at; i < found; i++) {
                    if (raw.charAt(i) == '\n') {
                        line++;
                    }
                }
                at = found + 1; // past this id, so that a repeat of it is found where it repeats
            }
        }
        return new Origin(record.file(), line, record.format());
    }
}

package eventlens.importers.json;

import java.io.IOException;

/** Cuts a byte stream into records without parsing them. */
interface RecordSplitter {
    /**
     * Longest record handed on; longer ones are reported through {@link RecordHandler#tooLong}. Parsing a
     * record takes up to ~30 times its size in memory (a wide object of small fields), so 16 MB keeps an
     * import within a 1 GB heap with room to spare; see docs/decisions/0029-record-size-limit.md.
     */
    int MAX_RECORD = 16 * 1024 * 1024;

    /** Bytes of a too-long record kept to show in the error. */
    int TOO_LONG_HEAD = 4096;

    /** Reads the whole stream, handing each record to {@code handler}. */
    void split(RecordHandler handler) throws IOException;
}

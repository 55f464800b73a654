package eventlens.importers.json;

import java.io.IOException;

/** Cuts a byte stream into records without parsing them. */
interface RecordSplitter {
    /**
     * Longest record handed on; longer ones are reported through {@link RecordHandler#tooLong}. Parsing a
     * record takes up to ~30 times its size in memory (a wide object of small fields), so the limit is a
     * 32nd of the heap: 32 MB at a 1 GB heap, 64 MB (at most) from a 2 GB heap on, 8 MB at least. See
     * docs/decisions/0029-record-size-limit.md for the measurements.
     */
    int MAX_RECORD = (int) Math.max(8L << 20, Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 32));

    /** Bytes of a too-long record kept to show in the error. */
    int TOO_LONG_HEAD = 4096;

    /** Reads the whole stream, handing each record to {@code handler}. */
    void split(RecordHandler handler) throws IOException;
}

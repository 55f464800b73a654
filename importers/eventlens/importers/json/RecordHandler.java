package eventlens.importers.json;

/** Receives the records a splitter cuts out of a byte stream, in order. */
interface RecordHandler {
    /**
     * One record's bytes, {@code bytes[from..from+length)} (valid only during the call).
     *
     * @param line 1-based line where the record starts
     * @param column 1-based byte column where the record starts
     * @param offset byte offset in the source where the record starts
     */
    void record(byte[] bytes, int from, int length, long line, long column, long offset);

    /** A record longer than the limit, skipped; {@code head} holds its first bytes. */
    void tooLong(byte[] head, int headLength, long line, long column, long limit);

    /** A comment or header line ({@code #}, {@code //}, a licence block), skipped. */
    void comment(long line);

    /**
     * A comma between records that separates nothing (before an array's {@code ]}, a second one in a
     * row, or between top-level objects), skipped; {@code reason} says which.
     */
    void strayComma(long line, long column, String reason);
}

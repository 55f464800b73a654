package eventlens.importers;

/**
 * Follows an import from the thread that runs it. Implementations must be cheap and thread-safe:
 * {@link #progress} is called often, from a worker thread.
 */
public interface ImportListener {
    /** No progress, never cancelled. */
    ImportListener NONE = new ImportListener() {
    };

    /**
     * Bytes read so far over all inputs, their total (-1 while unknown, e.g. standard input or
     * compressed files), and records read so far.
     */
    default void progress(long bytesDone, long bytesTotal, long records) {
    }

    /** Polled while importing; once true, the import stops and is rolled back. */
    default boolean cancelled() {
        return false;
    }
}

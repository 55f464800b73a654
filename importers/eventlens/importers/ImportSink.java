package eventlens.importers;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.ImportError;

/**
 * Where a reader delivers what it read, in file order. A reader never stops on a bad record: it
 * reports it through {@link #reject} and goes on. Any method may throw
 * {@link ImportCancelledException} when the user cancelled; the reader lets it propagate.
 */
public interface ImportSink {
    /** An event read from the source (position 0; the store assigns it). */
    void accept(Event event);

    /** A dead-letter record read from the source. */
    void accept(DeadLetter deadLetter);

    /**
     * A record that could not be read, with where and why; or, when {@link ImportError#warning()}, something
     * reported about a record that was read all the same (a trailing comma).
     */
    void reject(ImportError error);

    /**
     * Lines skipped as comments or header lines ({@code #}, {@code //}, a licence header above the
     * records): neither records nor errors, only counted.
     */
    void comments(long lines);
}

package eventlens.model.schema;

import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A project's events after a position, with their texts, read a page at a time on a thread of its own a few pages
 * ahead of the caller, so that reading (the record texts unpacked) and what the caller does with them (the schema
 * inference's parsing) run on both cores. The rows are read as a replay reads them ({@link
 * ProjectStore#eventsTextsLater}) and their texts unpacked in Java on this thread: 2.0–2.7 s for the texts of
 * 1,000,000 events, against 5.0–6.1 s through {@link ProjectStore#events}, which unpacks them in SQL. At most
 * {@link #AHEAD} pages wait. A failure of the reading is rethrown by {@link #next()}.
 */
final class PagesAhead implements AutoCloseable {
    static final int AHEAD = 4;
    /** Put after the last page, and after a failure. */
    private static final List<Event> END = List.of();

    private final BlockingQueue<List<Event>> pages = new ArrayBlockingQueue<>(AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    /** Reads the events after {@code after}, pages of {@code pageSize}, until {@code most} are read (whole pages). */
    PagesAhead(ProjectStore store, long after, int pageSize, long most) {
        reader = Thread.ofPlatform().daemon().name("eventlens-schema-pages").start(
                () -> read(store, after, pageSize, most));
    }

    private void read(ProjectStore store, long after, int pageSize, long most) {
        long from = after;
        long read = 0;
        try {
            while (!closed && read < most) {
                List<Event> page = store.eventsTextsLater(EventQuery.ALL, from, pageSize);
                if (page.isEmpty()) {
                    break;
                }
                for (Event e : page) { // unpacked here, so that the caller's thread only infers
                    e.raw();
                    e.data();
                    e.metadata();
                }
                from = page.getLast().position();
                read += page.size();
                put(page);
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (InterruptedException e) {
            return; // closed
        }
        try {
            put(END);
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void put(List<Event> page) throws InterruptedException {
        while (!closed && !pages.offer(page, 100, TimeUnit.MILLISECONDS)) {
            // the caller is behind: wait, unless it stopped
        }
    }

    /** The next page, empty after the last one. */
    List<Event> next() {
        List<Event> page;
        try {
            page = pages.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the events", e);
        }
        if (page == END) {
            pages.offer(END); // later calls see the end too
            if (failure != null) {
                throw failure;
            }
        }
        return page;
    }

    /**
     * Stops reading ahead and waits for the reading thread to let go of the store (at most the page it is reading: it
     * is not interrupted, which the store's connection would not survive).
     */
    @Override
    public void close() {
        closed = true;
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package eventlens.replay;

import eventlens.model.Event;
import eventlens.model.Exemption;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keyset pages of a query, each page read on another thread while the caller works through the one before:
 * a replay spends about half its time reading rows and the other half in handlers, and on two cores the
 * two halves overlap. At most one page is read ahead; a page that fails to read fails the call that needed
 * it, with the store's own exception.
 */
@Exemption(rule = Exemption.WALL_TIME_IN_REPLAY, why = "reads the next page of rows on a thread of its own while "
        + "the run works through the current one; the rows and their order are the store query's, so no result "
        + "depends on that thread's timing")
final class StorePages implements Iterator<Event> {
    static final int PAGE = 2000;
    /** Threads that read pages ahead; they end after a minute without work, so an iterator left unfinished costs nothing. */
    private static final ExecutorService AHEAD = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "eventlens-replay-read-ahead");
        t.setDaemon(true);
        return t;
    });
    private final ProjectStore store;
    private final EventQuery query;
    private final AtomicBoolean textsAsked = new AtomicBoolean();
    private List<Event> page = List.of();
    private int next;
    private boolean last;
    private CompletableFuture<List<Event>> ahead;

    StorePages(ProjectStore store, EventQuery query) {
        this.store = store;
        this.query = query;
        this.ahead = read(0);
    }

    /**
     * Reads the page after {@code after} ahead: without the record texts until a handler (or anything else) first asks
     * for an event's, with them from then on (decision 0078). A run whose handlers never read an event's data reads 40
     * bytes an event from the blocks; one whose handlers do reads each page's texts with it, on this thread, as before.
     */
    private CompletableFuture<List<Event>> read(long after) {
        return CompletableFuture.supplyAsync(() -> textsAsked.get() ? store.eventsTextsLater(query, after, PAGE)
                : store.eventsTextsWhenAsked(query, after, PAGE, () -> textsAsked.set(true)), AHEAD);
    }

    /** Whether the pages read from now on come with their record texts: an event's texts were asked for. */
    boolean readsTexts() {
        return textsAsked.get();
    }

    @Override
    public boolean hasNext() {
        if (next < page.size()) {
            return true;
        }
        if (last) {
            return false;
        }
        page = take(ahead);
        next = 0;
        last = page.size() < PAGE;
        ahead = last ? null : read(page.get(page.size() - 1).position());
        return !page.isEmpty();
    }

    private static List<Event> take(CompletableFuture<List<Event>> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Override
    public Event next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.get(next++);
    }
}

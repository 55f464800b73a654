package eventlens.app.events;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.work.TaskHandle;
import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.collections.ObservableListBase;

/**
 * A read-only list of {@code count} events that holds only a few pages of them. {@link #get} returns a
 * cached row, or {@code null} while its page loads in the background; when the page arrives the
 * {@code pageLoaded} callback runs (on the FX thread) so that the table can redraw. A table over it
 * asks only for the rows it shows, so scrolling to the end of a million rows reads one or two pages.
 */
final class PagedEvents extends ObservableListBase<Event> {
    static final int PAGE_SIZE = 200;
    private static final int MAX_PAGES = 50;
    /** Page reads queued at once; older ones are cancelled, so a fling across the log reads only where it lands. */
    static final int MAX_IN_FLIGHT = 4;

    private final EventSource source;
    private final EventQuery query;
    private final int size;
    private final BackgroundWork work;
    private final LongConsumer pageLoaded;
    private final Consumer<Throwable> pageFailed;
    private final Map<Long, List<Event>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<Event>> eldest) {
            return size() > MAX_PAGES;
        }
    };
    private final Map<Long, TaskHandle> loading = new LinkedHashMap<>();
    private final Set<Long> failed = new HashSet<>();
    private boolean disposed;

    PagedEvents(EventSource source, EventQuery query, long count, BackgroundWork work, LongConsumer pageLoaded,
                Consumer<Throwable> pageFailed) {
        this.source = source;
        this.query = query;
        this.size = (int) Math.min(count, Integer.MAX_VALUE - 1);
        this.work = work;
        this.pageLoaded = pageLoaded;
        this.pageFailed = pageFailed;
    }

    @Override
    public Event get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        long page = index / PAGE_SIZE;
        Event cached = cached(page, index);
        if (cached != null) {
            return cached;
        }
        load(page);
        return cached(page, index);
    }

    @Override
    public int size() {
        return size;
    }

    /** The row if its page is in memory, without loading anything. */
    Event peek(int index) {
        return index < 0 || index >= size ? null : cached(index / PAGE_SIZE, index);
    }

    /** Searches only the pages in memory: a full scan would read the whole log. */
    @Override
    public int indexOf(Object o) {
        for (Map.Entry<Long, List<Event>> entry : pages.entrySet()) {
            int i = entry.getValue().indexOf(o);
            if (i >= 0) {
                return (int) (entry.getKey() * PAGE_SIZE + i);
            }
        }
        return -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /** Stops reporting late pages (the list was replaced by another query's). */
    void dispose() {
        disposed = true;
    }

    private Event cached(long page, int index) {
        List<Event> rows = pages.get(page);
        int i = index % PAGE_SIZE;
        return rows != null && i < rows.size() ? rows.get(i) : null;
    }

    private void load(long page) {
        if (disposed || loading.containsKey(page) || failed.contains(page)) {
            return;
        }
        loading.put(page, TaskHandle.NONE);
        TaskHandle handle = BackgroundTask.of(context -> source.page(query, page * PAGE_SIZE, PAGE_SIZE))
                .onSuccess(rows -> {
                    loading.remove(page);
                    pages.put(page, List.copyOf(rows));
                    if (!disposed) {
                        pageLoaded.accept(page);
                    }
                })
                .onFailure(error -> {
                    loading.remove(page);
                    failed.add(page);
                    if (!disposed) {
                        pageFailed.accept(error);
                    }
                })
                .executeWith(work);
        loading.computeIfPresent(page, (key, none) -> handle);
        while (loading.size() > MAX_IN_FLIGHT) {
            Map.Entry<Long, TaskHandle> eldest = loading.entrySet().iterator().next();
            eldest.getValue().cancel();
            loading.remove(eldest.getKey());
        }
    }
}

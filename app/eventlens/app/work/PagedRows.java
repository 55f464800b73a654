package eventlens.app.work;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.collections.ObservableListBase;

/**
 * A read-only list of {@code count} rows that holds only a few pages of them, for tables over a store
 * of any size. {@link #get} returns a cached row, or {@code null} while its page loads in the
 * background; when the page arrives the {@code pageLoaded} callback runs (on the FX thread) so that the
 * table can redraw. A table asks only for the rows it shows, so scrolling to the end of a million rows
 * reads one or two pages; at most {@link #MAX_IN_FLIGHT} reads are queued and older ones are
 * cancelled, so a fling across the list reads only where it lands.
 */
public final class PagedRows<T> extends ObservableListBase<T> implements LoadingRows<T> {
    /** Rows a page holds. */
    public static final int PAGE_SIZE = 200;
    /** Page reads queued at once. */
    public static final int MAX_IN_FLIGHT = 4;
    private static final int MAX_PAGES = 50;

    private final PageReader<T> reader;
    private final int size;
    private final BackgroundWork work;
    private final LongConsumer pageLoaded;
    private final Consumer<Throwable> pageFailed;
    private final Map<Long, List<T>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<T>> eldest) {
            return size() > MAX_PAGES;
        }
    };
    private final Map<Long, TaskHandle> loading = new LinkedHashMap<>();
    private final Set<Long> failed = new HashSet<>();
    private boolean disposed;
    /** Pages loaded so far; what is drawn from the rows (column widths) can wait for the first. */
    private final javafx.beans.property.ReadOnlyLongWrapper pagesLoaded = new javafx.beans.property.ReadOnlyLongWrapper();

    /** Reads {@code limit} rows from row {@code offset} on; runs on a worker. */
    @FunctionalInterface
    public interface PageReader<T> {
        List<T> read(long offset, int limit) throws Exception;
    }

    public PagedRows(PageReader<T> reader, long count, BackgroundWork work, LongConsumer pageLoaded,
                     Consumer<Throwable> pageFailed) {
        this.reader = reader;
        this.size = (int) Math.min(count, Integer.MAX_VALUE - 1);
        this.work = work;
        this.pageLoaded = pageLoaded;
        this.pageFailed = pageFailed;
    }

    /** Counts the pages loaded (on the FX thread, after the row list's own listener ran). */
    @Override
    public javafx.beans.property.ReadOnlyLongProperty pagesLoadedProperty() {
        return pagesLoaded.getReadOnlyProperty();
    }

    /** The page a row index falls in. */
    public static long pageOf(int index) {
        return index / PAGE_SIZE;
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        long page = pageOf(index);
        T cached = cached(page, index);
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
    @Override
    public T peek(int index) {
        return index < 0 || index >= size ? null : cached(pageOf(index), index);
    }

    /** Searches only the pages in memory: a full scan would read the whole store. */
    @Override
    public int indexOf(Object o) {
        for (Map.Entry<Long, List<T>> entry : pages.entrySet()) {
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
    public void dispose() {
        disposed = true;
    }

    private T cached(long page, int index) {
        List<T> rows = pages.get(page);
        int i = index % PAGE_SIZE;
        return rows != null && i < rows.size() ? rows.get(i) : null;
    }

    private void load(long page) {
        if (disposed || loading.containsKey(page) || failed.contains(page)) {
            return;
        }
        loading.put(page, TaskHandle.NONE);
        TaskHandle handle = BackgroundTask.of(context -> reader.read(page * PAGE_SIZE, PAGE_SIZE))
                .onSuccess(rows -> {
                    loading.remove(page);
                    pages.put(page, List.copyOf(rows));
                    if (!disposed) {
                        pageLoaded.accept(page);
                        pagesLoaded.set(pagesLoaded.get() + 1);
                    }
                })
                .onFailure(error -> {
                    loading.remove(page);
                    failed.add(page);
                    if (!disposed) {
                        pageFailed.accept(error);
                    }
                })
                .executeQuicklyWith(work);
        loading.computeIfPresent(page, (key, none) -> handle);
        while (loading.size() > MAX_IN_FLIGHT) {
            Map.Entry<Long, TaskHandle> eldest = loading.entrySet().iterator().next();
            eldest.getValue().cancel();
            loading.remove(eldest.getKey());
        }
    }
}

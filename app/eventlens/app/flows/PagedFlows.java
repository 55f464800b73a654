package eventlens.app.flows;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.flow.FlowFilter;
import eventlens.model.flow.FlowList;
import eventlens.model.flow.FlowSort;
import eventlens.model.flow.FlowSummary;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.collections.ObservableListBase;

/**
 * A read-only list of {@code count} flow summaries holding only a few pages, like the events table's
 * list: {@link #get} returns a cached row or {@code null} while its page loads in the background.
 */
final class PagedFlows extends ObservableListBase<FlowSummary> {
    static final int PAGE_SIZE = 200;
    private static final int MAX_PAGES = 20;

    private final FlowList list;
    private final FlowFilter filter;
    private final FlowSort sort;
    private final boolean descending;
    private final int size;
    private final BackgroundWork work;
    private final LongConsumer pageLoaded;
    private final Consumer<Throwable> pageFailed;
    private final Map<Long, List<FlowSummary>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<FlowSummary>> eldest) {
            return size() > MAX_PAGES;
        }
    };
    private final Set<Long> loading = new HashSet<>();
    private boolean disposed;

    PagedFlows(FlowList list, FlowFilter filter, FlowSort sort, boolean descending, long count, BackgroundWork work,
               LongConsumer pageLoaded, Consumer<Throwable> pageFailed) {
        this.list = list;
        this.filter = filter;
        this.sort = sort;
        this.descending = descending;
        this.size = (int) Math.min(count, Integer.MAX_VALUE - 1);
        this.work = work;
        this.pageLoaded = pageLoaded;
        this.pageFailed = pageFailed;
    }

    @Override
    public FlowSummary get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        long page = index / PAGE_SIZE;
        FlowSummary cached = peek(index);
        if (cached == null) {
            load(page);
            cached = peek(index);
        }
        return cached;
    }

    @Override
    public int size() {
        return size;
    }

    /** The row if its page is in memory, without loading anything. */
    FlowSummary peek(int index) {
        if (index < 0 || index >= size) {
            return null;
        }
        List<FlowSummary> rows = pages.get((long) index / PAGE_SIZE);
        int i = index % PAGE_SIZE;
        return rows != null && i < rows.size() ? rows.get(i) : null;
    }

    /** Searches only the pages in memory: a full scan would read every flow. */
    @Override
    public int indexOf(Object o) {
        for (Map.Entry<Long, List<FlowSummary>> entry : pages.entrySet()) {
            int i = entry.getValue().indexOf(o);
            if (i >= 0) {
                return (int) (entry.getKey() * PAGE_SIZE + i);
            }
        }
        return -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    void dispose() {
        disposed = true;
    }

    private void load(long page) {
        if (disposed || !loading.add(page)) {
            return;
        }
        BackgroundTask.of(context -> list.page(filter, sort, descending, page * PAGE_SIZE, PAGE_SIZE))
                .onSuccess(rows -> {
                    loading.remove(page);
                    pages.put(page, List.copyOf(rows));
                    if (!disposed) {
                        pageLoaded.accept(page);
                    }
                })
                .onFailure(error -> {
                    if (!disposed) {
                        pageFailed.accept(error);
                    }
                })
                .executeWith(work);
    }
}

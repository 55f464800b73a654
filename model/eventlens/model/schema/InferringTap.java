package eventlens.model.schema;

import eventlens.model.Event;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.SchemasTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The import's tap: hands the stored events, in batches, to a {@link SchemaInference} that runs on a thread of
 * its own, so that fingerprinting does not lengthen the store thread's work (the import's bottleneck); at
 * commit it waits for the inference to catch up. What waits is bounded in events and in text: a batch is cut
 * at {@link #BATCH} events or {@link #BATCH_CHARS} characters, the queue holds at most {@link #QUEUE_KB} KB of
 * text (the store thread waits when it is full), and of a record whose texts hold more than {@link #BIG} characters
 * only its data is kept (its declared version is looked up at once). The sizes are the writer's, so that the store's
 * thread does not read each event's strings again. A failure of the inference is rethrown on the store
 * thread at commit.
 */
final class InferringTap implements ImportWriter.Tap {
    static final int BATCH = 1000;
    static final long BATCH_CHARS = 1L << 20;
    static final int QUEUE_KB = 4 << 10;
    static final int BIG = 64 << 10;
    private static final Batch END = new Batch(List.of(), 0);

    /**
     * One event to observe, stored at {@code position}; {@code version} is already known when {@code event}'s raw
     * text was dropped.
     */
    private record Item(Event event, long position, boolean versionKnown, String version) {
    }

    private record Batch(List<Item> items, int kb) {
    }

    private final SchemaInference inference;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(64);
    private final Semaphore queuedKb = new Semaphore(QUEUE_KB);
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private List<Item> batch = new ArrayList<>(BATCH);
    private long batchChars;
    private volatile boolean failed;
    private volatile boolean closed;

    InferringTap(SchemaInference inference, Executor thread) {
        this.inference = inference;
        thread.execute(this::infer);
    }

    @Override
    public void stored(Event event, long position, long chars) {
        if (failed) {
            return; // the failure is rethrown at commit
        }
        Item item;
        long kept = chars;
        if (chars > BIG) {
            // Big in all: its raw text, if it is the big part, is not kept (its declared version is looked up now).
            String version = SchemaInference.declaredVersion(event);
            item = new Item(new Event(position, event.id(), event.type(), null, null, null, null, null, null, null,
                    event.data(), null, "", null), position, true, version);
            kept = length(event.data());
        } else {
            item = new Item(event, position, false, null);
        }
        batch.add(item);
        batchChars += kept;
        if (batch.size() >= BATCH || batchChars >= BATCH_CHARS) {
            flush();
        }
    }

    @Override
    public List<SchemasTable.Row> rows() {
        if (!failed) {
            flush();
            put(END);
        }
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while inferring schemas", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot infer the schemas: " + e.getCause(), e.getCause());
        }
        return SchemaCatalog.rows(inference.schemas());
    }

    @Override
    public void close() {
        closed = true;
    }

    private void flush() {
        if (!batch.isEmpty()) {
            put(new Batch(batch, (int) Math.min(QUEUE_KB, (batchChars >> 10) + 1)));
            batch = new ArrayList<>(BATCH);
            batchChars = 0;
        }
    }

    private void put(Batch b) {
        try {
            while (!failed && !closed && !queuedKb.tryAcquire(b.kb(), 100, TimeUnit.MILLISECONDS)) {
                // the inference is behind: wait (bounded memory), unless it failed
            }
            while (!failed && !closed && !queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                // as above
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while inferring schemas", e);
        }
    }

    private void infer() {
        try {
            while (true) {
                Batch b = queue.poll(100, TimeUnit.MILLISECONDS);
                if (b == END || b == null && closed) {
                    break; // done, or the import was given up (rolled back) before its end
                }
                if (b == null) {
                    continue;
                }
                for (Item item : b.items()) {
                    Event e = item.event();
                    inference.observe(item.position(), e.id(), e.type(),
                            item.versionKnown() ? item.version() : SchemaInference.declaredVersion(e), e.data());
                }
                queuedKb.release(b.kb());
            }
            done.complete(null);
        } catch (Throwable t) { // an OutOfMemoryError included: the import must learn of it
            failed = true;
            done.completeExceptionally(t);
        }
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }
}

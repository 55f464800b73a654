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

/**
 * The import's tap: hands the stored events, in batches, to a {@link SchemaInference} that runs on a thread of
 * its own, so that fingerprinting does not lengthen the store thread's work (the import's bottleneck); at
 * commit it waits for the inference to catch up. The queue holds at most {@link #QUEUED} batches of
 * {@link #BATCH} events (the store thread waits when it is full), and a failure of the inference is rethrown on
 * the store thread at commit.
 */
final class InferringTap implements ImportWriter.Tap {
    static final int BATCH = 1000;
    static final int QUEUED = 8;
    private static final List<Event> END = List.of();

    private final SchemaInference inference;
    private final BlockingQueue<List<Event>> queue = new ArrayBlockingQueue<>(QUEUED);
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private List<Event> batch = new ArrayList<>(BATCH);
    private volatile boolean failed;
    private volatile boolean closed;

    InferringTap(SchemaInference inference, Executor thread) {
        this.inference = inference;
        thread.execute(this::infer);
    }

    @Override
    public void stored(Event event) {
        if (failed) {
            return; // the failure is rethrown at commit
        }
        batch.add(event);
        if (batch.size() >= BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    @Override
    public List<SchemasTable.Row> rows() {
        if (!failed) {
            if (!batch.isEmpty()) {
                put(batch);
                batch = new ArrayList<>(BATCH);
            }
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

    private void put(List<Event> events) {
        try {
            while (!failed && !closed && !queue.offer(events, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // the inference is behind: wait (bounded memory), unless it failed
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while inferring schemas", e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private void infer() {
        try {
            while (true) {
                List<Event> events = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (events == END || events == null && closed) {
                    break; // done, or the import was given up (rolled back) before its end
                }
                if (events == null) {
                    continue;
                }
                for (Event e : events) {
                    inference.observe(e);
                }
            }
            done.complete(null);
        } catch (Throwable t) { // an OutOfMemoryError included: the import must learn of it
            failed = true;
            done.completeExceptionally(t);
        }
    }
}

package eventlens.model.store;

import eventlens.model.Event;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Packs the record texts of an import's batches ({@link TextPacker}) on a thread of its own, while the import's
 * thread inserts the batch's rows of {@code events}: packing a 400-byte record takes about 3 µs, which would
 * otherwise be added to the store's thread, the import's bottleneck. The first batch chooses the dictionary:
 * one trained on its records and stored in {@code body_dictionaries} (in the import's transaction), else the
 * project's last one, else none.
 */
final class BatchPacking implements AutoCloseable {
    private final Sql sql;
    private ExecutorService thread;
    private TextPacker packer;

    /** Packing for an import writing through {@code sql}. */
    BatchPacking(Sql sql) {
        this.sql = sql;
    }

    /**
     * An event's body ready to bind: its record text as {@link TextPacker#pack} gave it, and the places of its data
     * and metadata in that text ({@link EventBodies#placeIn}, 0 when stored apart: the data always is when the
     * text is packed).
     */
    record Body(Object text, int dataAt, int metadataAt) {
    }

    /** Starts packing the bodies of {@code batch}; {@link #join} gives them, one per event, in order. */
    Future<Body[]> start(List<Event> batch) {
        if (packer == null) {
            packer = choosePacker(batch);
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "eventlens-pack");
                t.setDaemon(true);
                return t;
            });
        }
        List<Event> events = List.copyOf(batch);
        TextPacker p = packer;
        return thread.submit(() -> {
            Body[] out = new Body[events.size()];
            for (int i = 0; i < out.length; i++) {
                Event e = events.get(i);
                String raw = e.raw();
                byte[] utf8 = raw.getBytes(StandardCharsets.UTF_8);
                // As many bytes as characters: all ASCII, so no surrogate (the common case, without a loop).
                boolean bmp = utf8.length == raw.length() || EventBodies.isBmp(raw);
                Object text = p.pack(raw, utf8);
                // Beside a packed text the data is kept as text: a query on a data field reads it without
                // unpacking (6.8 s against 1.6 s on 1M events when it did), for a tenth of the file.
                out[i] = new Body(text, text instanceof byte[] ? 0 : EventBodies.placeIn(raw, e.data(), bmp),
                        EventBodies.placeIn(raw, e.metadata(), bmp));
            }
            return out;
        });
    }

    /** What {@link #start} packed. */
    static Body[] join(Future<Body[]> packing) {
        try {
            return packing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("the import was interrupted while packing its records");
        } catch (ExecutionException e) {
            throw new StoreException("cannot pack the records' texts: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private TextPacker choosePacker(List<Event> first) {
        List<String> samples = new ArrayList<>(first.size());
        for (Event e : first) {
            samples.add(e.raw());
        }
        byte[] trained = TextPacker.train(samples);
        if (trained != null) {
            sql.update("INSERT INTO body_dictionaries(dictionary) VALUES (?)", (Object) trained);
            return new TextPacker(sql.scalar("SELECT last_insert_rowid()"), trained);
        }
        return sql.first("SELECT id, dictionary FROM body_dictionaries ORDER BY id DESC LIMIT 1",
                rs -> new TextPacker(rs.getLong(1), rs.getBytes(2))).orElseGet(() -> new TextPacker(0, null));
    }

    @Override
    public void close() {
        if (packer != null) {
            // A packing still running (the import failed mid-batch) ends before its context is freed.
            thread.shutdownNow();
            thread.close();
            packer.close();
            packer = null;
        }
    }
}

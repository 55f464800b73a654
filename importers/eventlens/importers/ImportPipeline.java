package eventlens.importers;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.ImportError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs one reader on a reader thread and hands its records, in chunks and in order, to a sink on the
 * calling thread: parsing and storing overlap on two cores, with a queue between them bounded in chunks
 * and in bytes so that memory stays flat whatever the input's size and however big its records are
 * (a chunk is cut at 1,000 records or 4 MB of text; the queue holds four chunks and at most 32 MB, or one bigger
 * chunk).
 */
final class ImportPipeline {
    private static final int CHUNK = 1000;
    /**
     * Chunks the queue holds. Four keep the store's thread fed (the reader is faster) and little in flight: every
     * young collection copies what waits here, and 32 chunks (35,000 records in flight) cost the 1M import 0.8 s of
     * pauses and 1.3 s of collector CPU, four 0.35 s and 0.4 s (decision 0082).
     */
    private static final int QUEUE = 4;
    private static final long CHUNK_CHARS = 4L << 20;
    /** Text the queue holds at most, in KB: one permit per KB of a chunk's text. */
    private static final int QUEUE_KB = 32 << 10;

    private final Executor readerThreads;
    private final ImportService.Progress progress;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Semaphore queuedKb = new Semaphore(QUEUE_KB);
    private volatile boolean stopReader;
    private volatile boolean consumerGone;

    ImportPipeline(Executor readerThreads, ImportService.Progress progress) {
        this.readerThreads = readerThreads;
        this.progress = progress;
    }

    /** Reads the whole source into the sink; rethrows the reader's failure on this thread. */
    void run(Importer importer, ImportSource source, ImportOptions options, ImportSink sink) throws ImportException {
        run(chunks -> importer.read(source, options, chunks), sink);
    }

    /** Something that reads records into a sink (a file's reader, or a table's). */
    interface Body {
        void read(ImportSink sink) throws ImportException;
    }

    /** Runs the body on the reader thread and delivers what it reads to the sink on this thread. */
    void run(Body body, ImportSink sink) throws ImportException {
        readerThreads.execute(() -> read(body));
        try {
            consume(sink);
        } catch (RuntimeException | Error | ImportException e) {
            stopReader = true;
            consumerGone = true;
            throw e;
        }
    }

    private void consume(ImportSink sink) throws ImportException {
        long records = 0;
        while (true) {
            Chunk chunk = take();
            for (Object item : chunk.items) {
                deliver(item, sink);
            }
            queuedKb.release(chunk.kb);
            records += chunk.items.size();
            progress.records(records);
            if (progress.cancelled()) {
                stopReader = true;
            }
            if (chunk.last) {
                if (stopReader) {
                    throw new ImportCancelledException();
                }
                rethrow(chunk.failure);
                return;
            }
        }
    }

    private void read(Body body) {
        ChunkingSink chunking = new ChunkingSink();
        Throwable failure = null;
        try {
            body.read(chunking);
        } catch (ImportCancelledException e) {
            failure = null;
        } catch (Throwable t) {
            failure = t;
        }
        chunking.items.trimToSize();
        put(new Chunk(chunking.items, true, failure, kb(chunking.chars)));
    }

    private static void deliver(Object item, ImportSink sink) {
        if (item instanceof Event e) {
            sink.accept(e);
        } else if (item instanceof DeadLetter d) {
            sink.accept(d);
        } else if (item instanceof Comments c) {
            sink.comments(c.lines());
        } else {
            sink.reject((ImportError) item);
        }
    }

    private static void rethrow(Throwable failure) throws ImportException {
        if (failure == null) {
            return;
        }
        if (failure instanceof ImportException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("reader failed", failure);
    }

    private Chunk take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopReader = true;
            throw new ImportCancelledException();
        }
    }

    private void put(Chunk chunk) {
        try {
            while (!queuedKb.tryAcquire(chunk.kb, 100, TimeUnit.MILLISECONDS)) {
                if (consumerGone) {
                    return; // the consumer gave up (it failed); nobody will take this chunk
                }
            }
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (consumerGone) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportCancelledException();
        }
    }

    /** Permits for a chunk of {@code chars} characters of text: a chunk bigger than the queue takes them all. */
    private static int kb(long chars) {
        return (int) Math.min(QUEUE_KB, (chars >> 10) + 1);
    }

    /** Characters of text a record holds, roughly what it costs in memory. */
    private static long chars(Object item) {
        return switch (item) {
            case Event e -> length(e.raw()) + length(e.data()) + length(e.metadata());
            case DeadLetter d -> length(d.raw()) + length(d.event()) + length(d.message()) + length(d.stack());
            case ImportError e -> length(e.raw());
            default -> 0;
        };
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }

    private record Chunk(List<Object> items, boolean last, Throwable failure, int kb) {
    }

    /** Lines skipped as comments, carried in file order with the records. */
    private record Comments(long lines) {
    }

    /** Collects records into chunks on the reader thread; stops the reader once cancelled. */
    private final class ChunkingSink implements ImportSink {
        private ArrayList<Object> items = new ArrayList<>(CHUNK);
        private long chars;

        @Override
        public void accept(Event event) {
            add(event);
        }

        @Override
        public void accept(DeadLetter deadLetter) {
            add(deadLetter);
        }

        @Override
        public void reject(ImportError error) {
            add(error);
        }

        @Override
        public void comments(long lines) {
            add(new Comments(lines));
        }

        private void add(Object item) {
            if (stopReader) {
                throw new ImportCancelledException();
            }
            items.add(item);
            chars += chars(item);
            if (items.size() >= CHUNK || chars >= CHUNK_CHARS) {
                put(new Chunk(items, false, null, kb(chars)));
                items = new ArrayList<>(CHUNK);
                chars = 0;
            }
        }
    }
}

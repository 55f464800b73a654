package eventlens.importers;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.ImportError;
import eventlens.model.Json;
import eventlens.model.store.ImportRecord;
import eventlens.model.schema.SchemaCatalog;
import eventlens.model.store.ImportWriter;
import eventlens.model.deadletter.DlqOnlyEvents;
import eventlens.model.store.ProjectStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The one entry point of every import: expands folders, decompresses {@code .gz}, sniffs each
 * input to pick its reader (unless a format is forced), and writes everything as one transaction, so
 * that a cancelled, failed or killed import leaves the project as it was.
 *
 * <p>Parsing and storing run on two threads: a reader thread parses records into chunks that the
 * calling thread writes to the store, so that both cores work.
 */
public final class ImportService {
    static final int HEAD = 64 * 1024;
    /** The format recorded for an empty input when no reader was chosen. */
    static final String EMPTY = "empty";

    /**
     * Inputs known to be bigger than this in all leave their schemas to be inferred after the project opens (decision
     * 0079): the inference during the import cost a 1,000,000-line import about a tenth of its time until it opens.
     */
    public static final long SCHEMAS_LATER_ABOVE_BYTES = 128L << 20;

    private final ImporterRegistry registry;
    private final Executor readerThreads;
    private long schemasLaterAbove = SCHEMAS_LATER_ABOVE_BYTES;

    /** A service that parses on a new daemon thread per input. */
    public ImportService(ImporterRegistry registry) {
        this(registry, task -> Thread.ofPlatform().daemon().name("eventlens-import-reader").start(task));
    }

    /** A service that parses on the given executor (it must run each task on another thread). */
    public ImportService(ImporterRegistry registry, Executor readerThreads) {
        this.registry = registry;
        this.readerThreads = readerThreads;
    }

    /** This service with another size above which schemas are inferred after the import (tests use small ones). */
    ImportService schemasLaterAbove(long bytes) {
        schemasLaterAbove = bytes;
        return this;
    }

    /**
     * Imports the inputs into the project.
     *
     * @param formatOrNull a reader name to use for every input, or null to detect each one
     * @throws ImportException when nothing can be done: a missing input or an unknown format
     * @throws ImportCancelledException when the listener cancelled; nothing was kept
     */
    public ImportSummary run(ProjectStore store, List<ImportInput> inputs, String formatOrNull,
                             ImportOptions options, ImportListener listener) throws ImportException {
        return write(store::beginImport, inputs, formatOrNull, options, listener);
    }

    /**
     * Imports the inputs into a new project at {@code project}, which must not exist: the project appears
     * there, whole, when the import is done, and not at all when it fails or is cancelled (decision 0051: a
     * new project is loaded without a journal, faster than an import into an existing one).
     *
     * @throws ImportException when nothing can be done: a missing input or an unknown format
     * @throws ImportCancelledException when the listener cancelled; no project was created
     */
    public ImportSummary runIntoNewProject(Path project, List<ImportInput> inputs, String formatOrNull,
                                           ImportOptions options, ImportListener listener) throws ImportException {
        return write(() -> ProjectStore.createByImport(project, java.time.Clock.systemUTC()), inputs, formatOrNull,
                options, listener);
    }

    private ImportSummary write(java.util.function.Supplier<ImportWriter> begin, List<ImportInput> inputs,
                                String formatOrNull, ImportOptions options, ImportListener listener)
            throws ImportException {
        Importer forced = formatOrNull == null ? null : registry.byName(formatOrNull).orElseThrow(() ->
                new ImportException(formatOrNull, 0, 0, "unknown format '" + formatOrNull
                        + "'; 'eventlens formats' lists the readers"));
        if (forced != null) {
            options.requireTakenBy(forced, "--format " + forced.name());
        }
        List<ImportInput> units = expand(inputs);
        long total = totalBytes(units);
        AtomicLong bytes = new AtomicLong();
        String mapping = options.mapping().isEmpty() ? null : Json.write(Json.mapper().valueToTree(options.mapping()));
        Totals totals = new Totals();
        try (ImportWriter writer = begin.get()) {
            if (total <= schemasLaterAbove) { // an unknown size (-1, standard input) as before
                writer.tap(SchemaCatalog.importTap());
            }
            for (ImportInput unit : units) {
                if (listener.cancelled()) {
                    throw new ImportCancelledException();
                }
                importOne(unit, forced, options, mapping, writer, new Progress(listener, bytes, total, totals), totals);
            }
            if (listener.cancelled()) {
                throw new ImportCancelledException();
            }
            addDlqOnlyEvents(writer, totals);
            writer.commit();
        }
        return totals.summary();
    }

    /**
     * Messages that only a dead-letter queue holds become events of their own (flagged), in the same import, so that
     * flows and state can show them; see DlqOnlyEvents.
     */
    private static void addDlqOnlyEvents(ImportWriter writer, Totals totals) {
        if (totals.deadLetters > 0) {
            DlqOnlyEvents.addMissing(writer);
        }
    }

    /**
     * Imports the records of a source that is not a file (a database table, {@code table.TableSource}),
     * recorded like a file import under the source's name and format, so that the Imports view lists it
     * and a second import of the same source counts its records as imported before.
     *
     * @throws ImportException when the source cannot be read at all; nothing was kept
     * @throws ImportCancelledException when the listener cancelled; nothing was kept
     */
    public ImportSummary runSource(ProjectStore store, RecordSource source, ImportOptions options,
                                   ImportListener listener) throws ImportException {
        String mapping = options.mapping().isEmpty() ? null : Json.write(Json.mapper().valueToTree(options.mapping()));
        Totals totals = new Totals();
        try (ImportWriter writer = store.beginImport()) {
            writer.tap(SchemaCatalog.importTap());
            writer.startFile(source.name(), source.format(), mapping);
            List<ImportError> errors = new ArrayList<>();
            new ImportPipeline(readerThreads, new Progress(listener, new AtomicLong(), -1, totals))
                    .run(sink -> source.read(options, sink), new WritingSink(writer, errors));
            totals.add(writer.finishFile(), source.format(), errors);
            if (listener.cancelled()) {
                throw new ImportCancelledException();
            }
            addDlqOnlyEvents(writer, totals);
            writer.commit();
        }
        return totals.summary();
    }

    private void importOne(ImportInput unit, Importer forced, ImportOptions options, String mapping,
                           ImportWriter writer, Progress progress, Totals totals) throws ImportException {
        try (InputStream raw = unit.path() != null ? Files.newInputStream(unit.path()) : unit.stream();
             DecodedInput decoded = DecodedInput.of(new CountingInputStream(raw, progress::bytes))) {
            BufferedInputStream in = new BufferedInputStream(unclosable(decoded), HEAD);
            in.mark(HEAD);
            byte[] head = in.readNBytes(HEAD);
            in.reset();
            if (head.length == 0) {
                empty(unit, forced, decoded, head, mapping, writer, totals);
                return;
            }
            Importer importer;
            try {
                importer = forced != null ? forced : registry.detect(head, unit.name());
            } catch (ImportException e) {
                refuse(unit, "unknown", notGzip(unit, decoded) + e.reason(), head, mapping, writer, totals,
                        decoded.damage());
                return;
            }
            if (!options.mapping().isEmpty() && !importer.takesMapping()) {
                refuse(unit, importer.name(), ImportOptions.refusal(importer), head, mapping, writer, totals,
                        decoded.damage());
                return;
            }
            writer.startFile(unit.name(), importer.name(), mapping);
            List<ImportError> errors = new ArrayList<>();
            WritingSink sink = new WritingSink(writer, errors);
            new ImportPipeline(readerThreads, progress).run(importer, new ImportSource(unit.name(), in), options, sink);
            // A reader may stop before the end (and may close its stream): read on to find damage there too.
            decoded.transferTo(OutputStream.nullOutputStream());
            decoded.damage().ifPresent(d -> sink.reject(new ImportError(unit.name(), d.line(), 0, d.reason(), "")));
            totals.add(writer.finishFile(), importer.name(), errors);
        } catch (IOException e) {
            throw new ImportException(unit.name(), 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * An input with no content: an empty file, {@code /dev/null}, an empty standard input, or a gzip file
     * whose header is damaged. Empty inputs all count alike, as no records and a warning; damage is an error.
     */
    private void empty(ImportInput unit, Importer forced, DecodedInput decoded, byte[] head, String mapping,
                       ImportWriter writer, Totals totals) {
        Optional<DecodedInput.Damage> damage = decoded.damage();
        if (damage.isPresent()) {
            refuse(unit, "gzip", damage.get().reason(), head, mapping, writer, totals, Optional.empty());
            return;
        }
        String format = forced != null ? forced.name() : EMPTY;
        writer.startFile(unit.name(), format, mapping);
        ImportError note = ImportError.warning(unit.name(), 0, 0, "empty input: nothing to import", "");
        writer.add(note);
        totals.add(writer.finishFile(), format, List.of(note));
    }

    /** The stream as a reader sees it: closing it is left to this service, which reads on to the end. */
    private static InputStream unclosable(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // closed by importOne once the reader is done
            }
        };
    }

    /** A hint for an input named {@code .gz} that is not gzip data, in front of the reason it was refused. */
    private static String notGzip(ImportInput unit, DecodedInput decoded) {
        return unit.name().toLowerCase(java.util.Locale.ROOT).endsWith(".gz") && !decoded.gzip()
                ? "named .gz but not gzip data; " : "";
    }

    /**
     * Records a file that is not read at all, as one error row with the start of the file, and a second
     * one when its gzip data was found damaged within the part that was looked at.
     */
    private static void refuse(ImportInput unit, String format, String reason, byte[] head, String mapping,
                               ImportWriter writer, Totals totals, Optional<DecodedInput.Damage> damage) {
        writer.startFile(unit.name(), format, mapping);
        List<ImportError> errors = new ArrayList<>();
        errors.add(new ImportError(unit.name(), 0, 0, reason, preview(head)));
        damage.ifPresent(d -> errors.add(new ImportError(unit.name(), d.line(), 0, d.reason(), "")));
        errors.forEach(writer::add);
        totals.add(writer.finishFile(), format, errors);
    }

    /** The content of {@code in}, decompressed when it is gzip data and ending early where such data is damaged. */
    static InputStream decompressed(InputStream in) throws IOException {
        return DecodedInput.of(in);
    }

    private static String preview(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 512), StandardCharsets.UTF_8);
        return text.replaceAll("[\\x00-\\x08\\x0e-\\x1f]", "?");
    }

    /**
     * Files of the inputs: folders walked in name order (hidden files and anything but regular files skipped),
     * missing ones refused. A device or named pipe named as an input is read like a file.
     */
    static List<ImportInput> expand(List<ImportInput> inputs) throws ImportException {
        Set<ImportInput> out = new LinkedHashSet<>();
        for (ImportInput input : inputs) {
            if (input.path() == null) {
                out.add(input);
            } else if (Files.isDirectory(input.path())) {
                try (Stream<Path> files = Files.walk(input.path())) {
                    files.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(p -> out.add(ImportInput.of(p)));
                } catch (IOException e) {
                    throw new ImportException(input.name(), 0, 0, "cannot list folder: " + e.getMessage(), e);
                }
            } else if (Files.exists(input.path())) {
                out.add(input); // a file, or a device or named pipe given by name (/dev/null, a FIFO): read as a stream
            } else {
                throw new ImportException(input.name(), 0, 0, "no such file or folder");
            }
        }
        return List.copyOf(out);
    }

    private static long totalBytes(List<ImportInput> units) {
        long total = 0;
        for (ImportInput u : units) {
            long size = u.size();
            if (size < 0) {
                return -1;
            }
            total += size;
        }
        return total;
    }

    /** Delivers what the reader produced to the store, keeping the first errors for the summary. */
    private record WritingSink(ImportWriter writer, List<ImportError> errors) implements ImportSink {
        @Override
        public void accept(Event event) {
            writer.add(event);
        }

        @Override
        public void accept(DeadLetter deadLetter) {
            writer.add(deadLetter);
        }

        @Override
        public void reject(ImportError error) {
            writer.add(error);
            if (errors.size() < ImportSummary.MAX_ERRORS) {
                errors.add(error);
            }
        }

        @Override
        public void comments(long lines) {
            writer.addComments(lines);
        }
    }

    /** Reports bytes and records to the listener and answers its cancellation. */
    static final class Progress {
        private final ImportListener listener;
        private final AtomicLong bytes;
        private final long total;
        private final Totals totals;

        Progress(ImportListener listener, AtomicLong bytes, long total, Totals totals) {
            this.listener = listener;
            this.bytes = bytes;
            this.total = total;
            this.totals = totals;
        }

        void bytes(long n) {
            bytes.addAndGet(n);
        }

        void records(long recordsInThisFile) {
            listener.progress(bytes.get(), total, totals.read + recordsInThisFile);
        }

        boolean cancelled() {
            return listener.cancelled();
        }
    }

    /** Sums of the files' records. */
    static final class Totals {
        private final Set<String> formats = new LinkedHashSet<>();
        private final List<ImportError> errors = new ArrayList<>();
        private final List<ImportRecord> files = new ArrayList<>();
        private long read;
        private long imported;
        private long duplicates;
        private long skipped;
        private long failed;
        private long deadLetters;
        private long comments;
        private long warnings;

        void add(ImportRecord r, String format, List<ImportError> fileErrors) {
            formats.add(format);
            files.add(new ImportRecord(r.id(), r.file(), format, r.mapping(), r.started(), r.finished(), r.read(),
                    r.imported(), r.duplicates(), r.skipped(), r.failed(), r.deadLetters(), r.comments(), r.warnings()));
            read += r.read();
            imported += r.imported();
            duplicates += r.duplicates();
            skipped += r.skipped();
            failed += r.failed();
            deadLetters += r.deadLetters();
            comments += r.comments();
            warnings += r.warnings();
            for (ImportError e : fileErrors) {
                if (errors.size() < ImportSummary.MAX_ERRORS) {
                    errors.add(e);
                }
            }
        }

        ImportSummary summary() {
            return new ImportSummary(String.join(",", formats), read, imported, duplicates, skipped, failed,
                    deadLetters, comments, warnings, errors, files);
        }
    }
}

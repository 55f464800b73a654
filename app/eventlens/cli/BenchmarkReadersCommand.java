package eventlens.cli;

import com.fasterxml.jackson.core.JsonParser;
import eventlens.cli.bench.GeneratedFormat;
import eventlens.importers.ImportException;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSink;
import eventlens.importers.ImportSource;
import eventlens.importers.Importer;
import eventlens.importers.ImporterRegistry;
import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.ImportError;
import eventlens.model.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code eventlens benchmark readers --records N}: each reader alone over a generated file of N
 * records in its own shape (see {@link GeneratedFormat}), into a sink that only counts, next to
 * Jackson's bare tokenizer over the same file and to the JSON reader. A file is deleted once read,
 * so the disk holds one at a time; the reader streams it, so memory stays flat (but for Zipkin,
 * whose reader holds the file's spans to merge RPC halves).
 */
@Command(name = "readers", description = "Measure each reader's throughput on a generated file of its own shape.")
final class BenchmarkReadersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--records", defaultValue = "1000000", paramLabel = "N", description = "records per reader (default ${DEFAULT-VALUE})")
    long records;

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "only these readers (comma-separated)")
    List<String> only;

    @Option(names = "--warmup", defaultValue = "20000", paramLabel = "M",
            description = "records each reader reads once, untimed, before it is measured (default ${DEFAULT-VALUE})")
    long warmup;

    @Option(names = "--work", paramLabel = "DIR", description = "where the generated files go (default: a new temporary folder)")
    Path work;

    /** What one reader did with its file. */
    record Measure(String reader, long expected, long records, long errors, long bytes, long readNanos, long tokenizerNanos,
            String firstError) {
        boolean clean() {
            return errors == 0 && records == expected;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (records < 1) {
            throw new ParameterException(spec.commandLine(), "--records must be at least 1");
        }
        List<GeneratedFormat> formats = chosen();
        PrintWriter out = spec.commandLine().getOut();
        Path folder = work != null ? Files.createDirectories(work) : Files.createTempDirectory("eventlens-readers");
        out.printf("EventLens reader benchmark: %,d records per reader, %d cores, max heap %d MB, java %s%n%n", records,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, Runtime.version());
        out.println("| reader | records | MB | seconds | records/s | MB/s | vs JSON reader (per record) "
                + "| tokenizer s | tokenizer MB/s | reader ÷ tokenizer | errors |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        out.flush();
        List<Measure> measures = new ArrayList<>();
        Measure json = null;
        try {
            for (GeneratedFormat format : formats) {
                Importer reader = ImporterRegistry.standard().byName(format.reader()).orElseThrow();
                if (warmup > 0) {
                    measure(reader, format, folder, Math.min(warmup, records));
                }
                Measure m = measure(reader, format, folder, records);
                measures.add(m);
                json = m.reader().equals("json") ? m : json;
                out.println(row(m, json));
                out.flush();
            }
        } finally {
            if (work == null) {
                Files.deleteIfExists(folder);
            }
        }
        List<Measure> failed = measures.stream().filter(m -> !m.clean()).toList();
        for (Measure m : failed) {
            spec.commandLine().getErr().printf("eventlens: %s read %,d of %,d records with %,d errors; first: %s%n",
                    m.reader(), m.records(), m.expected(), m.errors(), m.firstError());
        }
        return failed.isEmpty() ? 0 : Main.FAILED;
    }

    private List<GeneratedFormat> chosen() {
        List<GeneratedFormat> all = GeneratedFormat.all();
        if (only == null || only.isEmpty()) {
            return all;
        }
        List<String> names = all.stream().map(GeneratedFormat::reader).toList();
        for (String name : only) {
            if (!names.contains(name.toLowerCase(Locale.ROOT))) {
                throw new ParameterException(spec.commandLine(), "no such reader: " + name + " (readers: "
                        + String.join(", ", names) + ")");
            }
        }
        return all.stream().filter(f -> only.stream().anyMatch(f.reader()::equalsIgnoreCase)).toList();
    }

    /** Generates the file, tokenizes it, reads it, deletes it. */
    private static Measure measure(Importer reader, GeneratedFormat format, Path folder, long count) throws IOException {
        Path file = folder.resolve(format.fileName());
        try {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
                format.write(w, count);
            }
            long tokenizer = tokenize(file);
            CountingSink sink = new CountingSink();
            long t = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                reader.read(new ImportSource(file.toString(), in), ImportOptions.AUTOMATIC, sink);
            } catch (ImportException e) {
                sink.fail(e.getMessage());
            } catch (OutOfMemoryError e) {
                // The reader's held data is unreachable once read() has thrown; say so in the table and go on.
                sink.fail("out of memory (" + e.getMessage() + ")");
            }
            long readNanos = System.nanoTime() - t;
            return new Measure(format.reader(), count, sink.records, sink.errors, Files.size(file), readNanos, tokenizer,
                    sink.firstError);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long tokenize(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(".csv")) {
            return -1; // not JSON: no tokenizer baseline
        }
        long t = System.nanoTime();
        try (InputStream in = Files.newInputStream(file); JsonParser p = Json.mapper().getFactory().createParser(in)) {
            long tokens = 0;
            while (p.nextToken() != null) {
                tokens++;
            }
            if (tokens == 0) {
                throw new IllegalStateException("no tokens in " + file);
            }
        }
        return System.nanoTime() - t;
    }

    static String row(Measure m, Measure json) {
        double seconds = m.readNanos() / 1e9;
        double mb = m.bytes() / 1e6;
        String vsJson = json == null || m.records() == 0 || json.records() == 0 ? "" : String.format(Locale.ROOT, "×%.2f",
                (m.readNanos() / (double) m.records()) / (json.readNanos() / (double) json.records()));
        String tokenizer = m.tokenizerNanos() < 0 ? "| – | – | – "
                : String.format(Locale.ROOT, "| %.2f | %.0f | ×%.1f ", m.tokenizerNanos() / 1e9, mb / (m.tokenizerNanos() / 1e9),
                        (double) m.readNanos() / m.tokenizerNanos());
        return String.format(Locale.ROOT, "| %s | %,d | %.0f | %.2f | %,.0f | %.1f | %s %s| %s |", m.reader(), m.records(), mb,
                seconds, m.records() / seconds, mb / seconds, vsJson, tokenizer,
                m.clean() ? "0" : String.format(Locale.ROOT, "%,d (read %,d of %,d)", m.errors(), m.records(), m.expected()));
    }

    /** Counts what a reader delivers, keeping nothing but the first error's reason. */
    private static final class CountingSink implements ImportSink {
        long records;
        long errors;
        String firstError;

        @Override
        public void accept(Event event) {
            records++;
        }

        @Override
        public void accept(DeadLetter deadLetter) {
            records++;
        }

        @Override
        public void reject(ImportError error) {
            fail("line " + error.line() + ": " + error.reason());
        }

        @Override
        public void comments(long lines) {
            // generated files carry no comments; nothing to count
        }

        void fail(String reason) {
            errors++;
            if (firstError == null) {
                firstError = reason;
            }
        }
    }
}

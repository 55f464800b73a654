package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.cli.bench.GeneratedFormat;
import eventlens.importers.Importer;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSource;
import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code eventlens benchmark readers} on tiny files: every generator makes a file its reader reads whole. */
class BenchmarkReadersCommandTest {
    private static final int RECORDS = 200;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> tableRows(String out) {
        return Arrays.stream(out.split("\\R")).filter(l -> l.startsWith("| ") && !l.startsWith("| reader ")).toList();
    }

    @Test
    void everyRegisteredReaderHasAGenerator() {
        assertThat(GeneratedFormat.all()).extracting(GeneratedFormat::reader)
                .containsExactlyElementsOf(ImporterRegistry.standard().all().stream().map(Importer::name).toList());
    }

    @Test
    void everyReaderReadsAllRecordsOfItsGeneratedFileWithoutErrors() {
        Run r = run("benchmark", "readers", "--records", String.valueOf(RECORDS), "--warmup", "0", "--work", dir.toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        List<String> rows = tableRows(r.out());
        assertThat(rows).extracting(l -> cells(l)[0])
                .containsExactlyElementsOf(ImporterRegistry.standard().all().stream().map(Importer::name).toList());
        for (String row : rows) {
            String[] cells = cells(row);
            assertThat(cells).as(row).hasSize(11);
            assertThat(cells[1]).as(row).isEqualTo(String.valueOf(RECORDS));
            assertThat(cells[10]).as(row).isEqualTo("0");
            assertThat(cells[6]).as(row).startsWith("×");
        }
        assertThat(cells(rows.get(0))[6]).isEqualTo("×1.00");
        try (var left = Files.list(dir)) {
            assertThat(left).as("generated files are deleted once read").isEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqs", "kafka", "rabbitmq", "servicebus", "temporal", "csv", "jaeger", "otlp", "zipkin", "esdb",
        "debezium"})
    void eachGeneratedSagaIsCorrelatedAndItsCausationsNameEventsOfTheFile(String name) throws Exception {
        GeneratedFormat format = GeneratedFormat.all().stream().filter(f -> f.reader().equals(name)).findFirst().orElseThrow();
        StringWriter text = new StringWriter();
        format.write(text, RECORDS);
        RecordingSink sink = new RecordingSink();
        ImporterRegistry.standard().byName(name).orElseThrow().read(new ImportSource(format.fileName(),
                new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8))), ImportOptions.AUTOMATIC, sink);

        assertThat(sink.errors).isEmpty();
        Set<String> ids = sink.events.stream().map(Event::id).collect(Collectors.toSet());
        assertThat(ids).as("ids are unique").hasSize(sink.events.size());
        sink.deadLetters.forEach(d -> ids.add(d.eventId()));
        assertThat(sink.events).allSatisfy(e -> assertThat(e.correlationId()).isNotBlank());
        assertThat(sink.events).filteredOn(e -> e.causationId() != null).isNotEmpty()
                .allSatisfy(e -> assertThat(ids).contains(e.causationId()));
        if (List.of("sqs", "kafka", "rabbitmq", "servicebus").contains(name)) {
            assertThat(sink.deadLetters).as("order 1025's payment capture failed").hasSize(1);
        }
    }

    @Test
    void theTableHasAHeaderASeparatorAndOneRowPerChosenReader() {
        Run r = run("benchmark", "readers", "--records", "30", "--warmup", "0", "--only", "csv,zipkin", "--work", dir.toString());

        assertThat(r.code()).isZero();
        List<String> lines = Arrays.stream(r.out().split("\\R")).filter(l -> l.startsWith("|")).toList();
        assertThat(lines.get(0)).isEqualTo("| reader | records | MB | seconds | records/s | MB/s | vs JSON reader (per record) "
                + "| tokenizer s | tokenizer MB/s | reader ÷ tokenizer | errors |");
        assertThat(lines.get(1)).isEqualTo("|---|---|---|---|---|---|---|---|---|---|---|");
        assertThat(lines.subList(2, lines.size())).extracting(l -> cells(l)[0]).containsExactly("csv", "zipkin");
        assertThat(cells(lines.get(2))[6]).as("no JSON reader measured: no ratio").isEmpty();
        assertThat(cells(lines.get(2))[7]).as("CSV is not JSON: no tokenizer baseline").isEqualTo("–");
    }

    @Test
    void anUnknownReaderIsAUsageError() {
        Run r = run("benchmark", "readers", "--records", "10", "--only", "json,parquet");

        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("no such reader: parquet");
    }

    /** The cells of a markdown table row, trimmed, without the outer bars; commas dropped from numbers. */
    private static String[] cells(String row) {
        String inner = row.substring(1, row.length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip)
                .map(c -> c.matches("[0-9,]+") ? c.replace(",", "") : c).toArray(String[]::new);
    }
}

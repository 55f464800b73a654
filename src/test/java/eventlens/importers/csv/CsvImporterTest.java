package eventlens.importers.csv;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSource;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvImporterTest {
    private static RecordingSink read(String name, String text) throws Exception {
        return read(name, text, ImportOptions.AUTOMATIC);
    }

    private static RecordingSink read(String name, String text, ImportOptions options) throws Exception {
        RecordingSink sink = new RecordingSink();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        var reader = ImporterRegistry.standard().detect(bytes, name);
        assertThat(reader.name()).isEqualTo("csv");
        reader.read(new ImportSource(name, new ByteArrayInputStream(bytes)), options, sink);
        return sink;
    }

    @Test
    void anEventStoreTableExportMapsByColumnNameWithItsJsonColumnDecoded() throws Exception {
        // The seeds' schema: events(event_id, aggregate_id, aggregate_type, event_type, event_data, version, occurred_at)
        RecordingSink sink = read("events.csv", """
                event_id,aggregate_id,aggregate_type,event_type,event_data,version,occurred_at
                e-1,order-1,Order,OrderPlaced,"{""items"":[""sku-1""],""total"":12.5}",1,2024-03-01T10:00:00Z
                e-2,order-1,Order,OrderPaid,"{""amount"":12.5}",2,2024-03-01T10:05:00Z
                """);
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).hasSize(2);
        Event placed = sink.events.get(0);
        assertThat(placed.id()).isEqualTo("e-1");
        assertThat(placed.type()).isEqualTo("OrderPlaced");
        assertThat(placed.aggregateType()).isEqualTo("Order");
        assertThat(placed.aggregateId()).isEqualTo("order-1");
        assertThat(placed.version()).isEqualTo(1L);
        assertThat(placed.time()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(placed.dataTree().path("items").get(0).asText()).isEqualTo("sku-1");
        assertThat(placed.dataTree().path("total").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(placed.raw()).startsWith("e-1,order-1,");
        assertThat(placed.origin().line()).isEqualTo(2);
        assertThat(sink.events.get(1).origin().line()).isEqualTo(3);
    }

    @Test
    void tabsSemicolonsQuotedLineBreaksAndNestedColumns() throws Exception {
        RecordingSink tsv = read("log.tsv", "id\ttype\ttimestamp\tmetadata.correlationId\tdata.note\n"
                + "a\tx.created\t2024-01-01T00:00:00Z\tc-1\tplain\n");
        assertThat(tsv.events).singleElement().satisfies(e -> {
            assertThat(e.correlationId()).isEqualTo("c-1");
            assertThat(e.dataTree().path("note").asText()).isEqualTo("plain");
        });

        RecordingSink semi = read("log.txt", "id;type;time;comment\n"
                + "a;x.created;2024-01-01T00:00:00Z;\"two\nlines; and a \"\"quote\"\"\"\n"
                + "b;x.updated;2024-01-01T00:00:01Z;zip 0042\n");
        assertThat(semi.errors).isEmpty();
        assertThat(semi.events).extracting(Event::id).containsExactly("a", "b");
        assertThat(semi.events.get(0).dataTree().path("comment").asText()).isEqualTo("two\nlines; and a \"quote\"");
        assertThat(semi.events.get(1).origin().line()).as("the line the record starts on").isEqualTo(4);
        assertThat(semi.events.get(1).dataTree().path("comment").asText()).as("not a number").isEqualTo("zip 0042");
    }

    @Test
    void aLongFileIsReadAcrossItsBlocksWithQuotedLineBreaksAnywhere() throws Exception {
        StringBuilder b = new StringBuilder("id,type,time,note\n");
        for (int i = 0; i < 5_000; i++) {
            b.append("e").append(i).append(",t.x,2024-01-01T00:00:00Z,\"line one\nline \"\"two\"\" of ").append(i)
                    .append("\"\n");
        }
        RecordingSink sink = read("long.csv", b.toString());
        assertThat(sink.errors).isEmpty();
        assertThat(sink.events).hasSize(5_000);
        assertThat(sink.events.get(4_321).dataTree().path("note").asText()).isEqualTo("line one\nline \"two\" of 4321");
        assertThat(sink.events.get(4_321).origin().line()).isEqualTo(2 + 2L * 4_321);
    }

    @Test
    void badRowsAreReportedWithTheirLineAndTheRestImports() throws Exception {
        RecordingSink sink = read("bad.csv", """
                id,type,time
                a,x.created,2024-01-01T00:00:00Z
                b,x.created,2024-01-01T00:00:01Z,surplus
                c,x.created
                ,,
                d,x.created,"2024-01-01T00:00:03Z
                """);
        assertThat(sink.events).extracting(Event::id).containsExactly("a", "c");
        assertThat(sink.errors).hasSize(3);
        assertThat(sink.errors.get(0).line()).isEqualTo(3);
        assertThat(sink.errors.get(0).reason()).isEqualTo("row has 4 cells, the header 3");
        assertThat(sink.errors.get(1).line()).isEqualTo(5);
        assertThat(sink.errors.get(1).reason()).contains("no id, type or time");
        assertThat(sink.errors.get(2).line()).isEqualTo(6);
        assertThat(sink.errors.get(2).reason()).contains("never closed");
    }

    @Test
    void aMappingFileOverridesTheColumns() throws Exception {
        RecordingSink sink = read("odd.csv", "ref,what,when\nr-1,thing.done,2024-01-01T00:00:00Z\n",
                new ImportOptions(Map.of("id", "/ref", "type", "/what", "time", "/when")));
        assertThat(sink.events).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("r-1");
            assertThat(e.type()).isEqualTo("thing.done");
        });
    }

    @Test
    void detectionLeavesJsonAndPlainTextAlone() {
        CsvImporter csv = new CsvImporter();
        assertThat(csv.sniff("{\"id\":\"a,b,c\"}\n".getBytes(StandardCharsets.UTF_8), "x.csv")).isZero();
        assertThat(csv.sniff("[1,2,3]".getBytes(StandardCharsets.UTF_8), "x.json")).isZero();
        assertThat(csv.sniff("just a sentence\nand another\n".getBytes(StandardCharsets.UTF_8), "notes.txt")).isZero();
        assertThat(csv.sniff("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "x.csv")).isEqualTo(85);
        assertThat(csv.sniff("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "x.log")).isEqualTo(60);
    }

    @Test
    void theSplitterKeepsEmptyCellsAndCrlf() throws Exception {
        List<CsvRecords.Row> rows = CsvImporter.rows(new StringReader("a,,c\r\n\"\",b,\r\n"), ',');
        assertThat(rows).extracting(CsvRecords.Row::fields).containsExactly(List.of("a", "", "c"), List.of("", "b", ""));
        assertThat(rows.get(1).line()).isEqualTo(2);
    }
}

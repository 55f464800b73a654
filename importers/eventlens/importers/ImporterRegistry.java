package eventlens.importers;

import eventlens.importers.broker.KafkaImporter;
import eventlens.importers.broker.RabbitMqImporter;
import eventlens.importers.broker.ServiceBusImporter;
import eventlens.importers.broker.SqsImporter;
import eventlens.importers.cdc.DebeziumImporter;
import eventlens.importers.csv.CsvImporter;
import eventlens.importers.esdb.EsdbImporter;
import eventlens.importers.json.JsonImporter;
import eventlens.importers.temporal.TemporalImporter;
import eventlens.importers.trace.JaegerImporter;
import eventlens.importers.trace.OtlpImporter;
import eventlens.importers.trace.ZipkinImporter;
import java.util.List;
import java.util.Optional;

/**
 * The readers EventLens knows, and the choice of one for a source: by name ({@code --format}) or by
 * sniffing its first bytes.
 */
public final class ImporterRegistry {
    private static final int PREVIEW_CHARS = 40;

    private final List<Importer> importers;

    /** A registry of the given readers; on equal confidence the earlier one wins. */
    public ImporterRegistry(List<Importer> importers) {
        this.importers = List.copyOf(importers);
    }

    /** The built-in readers. */
    public static ImporterRegistry standard() {
        return new ImporterRegistry(List.of(new JsonImporter(), new SqsImporter(), new KafkaImporter(),
                new RabbitMqImporter(), new ServiceBusImporter(), new TemporalImporter(), new CsvImporter(),
                new JaegerImporter(), new OtlpImporter(), new ZipkinImporter(), new EsdbImporter(),
                new DebeziumImporter()));
    }

    /** Every registered reader, in registration order. */
    public List<Importer> all() {
        return importers;
    }

    /** The reader with this name (case-insensitive), if any. */
    public Optional<Importer> byName(String name) {
        return importers.stream().filter(i -> i.name().equalsIgnoreCase(name)).findFirst();
    }

    /** A reader interested in a source, and how much (1–100). */
    public record Candidate(Importer importer, int confidence) {
    }

    /** Every reader interested in a source starting with {@code head}, most confident first (ties: registration order). */
    public List<Candidate> candidates(byte[] head, String name) {
        List<Candidate> out = new java.util.ArrayList<>();
        for (Importer importer : importers) {
            int score = importer.sniff(head, name);
            if (score > 0) {
                out.add(new Candidate(importer, score));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Candidate::confidence).reversed());
        return out;
    }

    /**
     * The reader most confident that it can read a source starting with {@code head}.
     *
     * @param head up to the first 64 KiB of the source
     * @param name the source's display name (file names may raise a reader's confidence)
     * @throws ImportException when no reader recognises the input; the reason quotes its start
     */
    public Importer detect(byte[] head, String name) throws ImportException {
        Importer best = null;
        int bestScore = 0;
        for (Importer importer : importers) {
            int score = importer.sniff(head, name);
            if (score > bestScore) {
                best = importer;
                bestScore = score;
            }
        }
        if (best == null) {
            throw new ImportException(name, 0, 0, "no reader recognises this input: "
                    + (SourceHead.firstContent(head) < 0 ? "it is empty" : "starts with " + SourceHead.preview(head, PREVIEW_CHARS)));
        }
        return best;
    }
}

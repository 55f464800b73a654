package eventlens.importers;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The readers EventLens knows, and the choice of one for a source: by name ({@code --format}) or by
 * sniffing its first bytes.
 *
 * <p>The built-in readers are plug-ins: each family's package implements {@link Importer}, and the file
 * {@code META-INF/services/eventlens.importers.Importer} lists them in registration order, found through
 * {@link ServiceLoader}. So this package never names a reader, and a reader's package only depends on
 * this one (decision 0031).
 */
public final class ImporterRegistry {
    private static final int PREVIEW_CHARS = 40;

    private final List<Importer> importers;

    /** A registry of the given readers; on equal confidence the earlier one wins. */
    public ImporterRegistry(List<Importer> importers) {
        this.importers = List.copyOf(importers);
    }

    /**
     * The built-in readers, in the order of the services file; new instances on every call.
     *
     * @throws IllegalStateException when the services file is missing from the class path (a broken build)
     */
    public static ImporterRegistry standard() {
        List<Importer> found = ServiceLoader.load(Importer.class, ImporterRegistry.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("no readers found: META-INF/services/" + Importer.class.getName()
                    + " is missing from the class path");
        }
        return new ImporterRegistry(found);
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

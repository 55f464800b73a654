package eventlens.importers;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.ImportError;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first records of a file as an import would map them, read without touching a project: what the
 * import dialog shows before the user commits (which reader, how sure, what the fields became, what was
 * refused), and what {@code eventlens import --preview} prints.
 *
 * @param file        the file
 * @param candidates  every reader interested in the file, most confident first (empty: none)
 * @param format      the reader used (the forced one, else the most confident), null when none
 * @param events      the first events mapped
 * @param deadLetters the first dead letters mapped
 * @param errors      the records refused among the first ones, with line and reason
 * @param more        true when the file holds more records than were read
 * @param problem     why nothing could be read (no reader, an unreadable file), else null
 */
public record ImportPreview(Path file, List<Candidate> candidates, String format, List<Event> events,
        List<DeadLetter> deadLetters, List<ImportError> errors, boolean more, String problem) {
    public ImportPreview {
        candidates = List.copyOf(candidates);
        events = List.copyOf(events);
        deadLetters = List.copyOf(deadLetters);
        errors = List.copyOf(errors);
    }

    /** A reader and how sure it is (0–100) that it can read the file. */
    public record Candidate(String format, int confidence) {
    }

    /**
     * Reads up to {@code limit} records (events, dead letters and refused records together) of a file.
     *
     * @param formatOrNull a reader name to use, or null to detect it
     * @throws ImportException for an unknown format name
     */
    public static ImportPreview of(ImporterRegistry registry, Path file, String formatOrNull, ImportOptions options,
            int limit) throws ImportException {
        Importer forced = formatOrNull == null ? null : registry.byName(formatOrNull).orElseThrow(() ->
                new ImportException(formatOrNull, 0, 0, "unknown format '" + formatOrNull + "'"));
        Collected sink = new Collected(limit);
        List<Candidate> candidates = List.of();
        Importer importer = forced;
        try (InputStream in = new BufferedInputStream(ImportService.decompressed(Files.newInputStream(file)),
                ImportService.HEAD)) {
            in.mark(ImportService.HEAD);
            byte[] head = in.readNBytes(ImportService.HEAD);
            in.reset();
            candidates = registry.candidates(head, file.toString()).stream()
                    .map(c -> new Candidate(c.importer().name(), c.confidence())).toList();
            if (importer == null) {
                importer = registry.detect(head, file.toString());
            }
            options.requireTakenBy(importer, file.toString());
            importer.read(new ImportSource(file.toString(), in), options, sink);
        } catch (ImportCancelledException full) {
            return sink.preview(file, candidates, importer, true, null);
        } catch (ImportException e) {
            return sink.preview(file, candidates, importer, false, e.reason());
        } catch (IOException e) {
            return sink.preview(file, candidates, importer, false, "cannot read: " + e.getMessage());
        }
        return sink.preview(file, candidates, importer, false, null);
    }

    /** Keeps the first records and stops the reader (by cancelling it) at the first one beyond them. */
    private static final class Collected implements ImportSink {
        private final int limit;
        private final List<Event> events = new ArrayList<>();
        private final List<DeadLetter> deadLetters = new ArrayList<>();
        private final List<ImportError> errors = new ArrayList<>();

        Collected(int limit) {
            this.limit = limit;
        }

        private void room() {
            if (events.size() + deadLetters.size() + errors.size() >= limit) {
                throw new ImportCancelledException();
            }
        }

        @Override
        public void accept(Event event) {
            room();
            events.add(event);
        }

        @Override
        public void accept(DeadLetter deadLetter) {
            room();
            deadLetters.add(deadLetter);
        }

        @Override
        public void reject(ImportError error) {
            room();
            errors.add(error);
        }

        @Override
        public void comments(long lines) {
            // the preview shows records; the import counts the comment lines
        }

        ImportPreview preview(Path file, List<Candidate> candidates, Importer importer, boolean more, String problem) {
            return new ImportPreview(file, candidates, importer == null ? null : importer.name(), events, deadLetters,
                    errors, more, problem);
        }
    }
}

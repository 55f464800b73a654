package eventlens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.importers.ImportException;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportPreview;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.MappingFile;
import eventlens.model.Event;
import eventlens.model.ImportError;
import eventlens.model.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eventlens preview FILE [--format NAME] [--mapping FILE] [--limit N] [--json]}: an import, dry. */
@Command(name = "preview", description = "Show which reader would import a file, how sure each reader is, and its "
        + "first records as they would be mapped; nothing is written.")
final class PreviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the log file (.gz decompressed)")
    Path file;

    @Option(names = "--format", paramLabel = "NAME", description = "reader to use instead of detecting one")
    String format;

    @Option(names = "--mapping", paramLabel = "FILE", description = "JSON file of JSON pointers per field")
    Path mapping;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "records to show (default 20)")
    int limit;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure(file + ": no such file");
        }
        ImportPreview p;
        try {
            ImportOptions options = mapping == null ? ImportOptions.AUTOMATIC : new ImportOptions(MappingFile.read(mapping));
            p = ImportPreview.of(ImporterRegistry.standard(), file, format, options, Math.max(1, limit));
        } catch (ImportException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        if (output.json()) {
            out.println(Json.write(json(p)));
        } else {
            print(p, out);
        }
        return p.problem() == null ? 0 : Main.FAILED;
    }

    private static void print(ImportPreview p, PrintWriter out) {
        String candidates = p.candidates().stream().map(c -> c.format() + " " + c.confidence())
                .collect(Collectors.joining(", "));
        out.printf("%s: %s%n", p.file(), p.format() == null ? "no reader" : "read as " + p.format());
        out.printf("  readers interested (confidence 0-100): %s%n", candidates.isEmpty() ? "none" : candidates);
        if (p.problem() != null) {
            out.printf("  %s%n", p.problem());
            return;
        }
        out.printf("%-24s %-28s %-24s %-18s %-20s %-18s %s%n", "id", "type", "time", "source", "aggregate",
                "correlation", "causation");
        for (Event e : p.events()) {
            out.printf("%-24s %-28s %-24s %-18s %-20s %-18s %s%n", cut(e.id(), 24), cut(e.type(), 28),
                    e.time() == null ? "" : e.time(), cut(e.source(), 18),
                    cut(e.aggregateId() == null ? null : (e.aggregateType() == null ? "" : e.aggregateType() + " ")
                            + e.aggregateId() + (e.version() == null ? "" : " v" + e.version()), 20),
                    cut(e.correlationId(), 18), e.causationId() == null ? "" : e.causationId());
        }
        p.deadLetters().forEach(d -> out.printf("dead letter of %s: %s%n", d.eventId(), d.errorType()));
        p.errors().forEach(e -> out.printf("  %s:%d: %s%n", e.file(), e.line(), e.reason()));
        out.printf("%d events, %d dead letters, %d refused%s%n", p.events().size(), p.deadLetters().size(),
                p.errors().size(), p.more() ? " among the first records; the file holds more" : "");
    }

    private static String cut(String s, int width) {
        if (s == null) {
            return "";
        }
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    private static ObjectNode json(ImportPreview p) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("file", p.file().toString());
        n.put("format", p.format());
        ArrayNode candidates = n.putArray("candidates");
        p.candidates().forEach(c -> candidates.addObject().put("format", c.format()).put("confidence", c.confidence()));
        ArrayNode events = n.putArray("events");
        for (Event e : p.events()) {
            ObjectNode o = events.addObject();
            o.put("id", e.id());
            o.put("type", e.type());
            o.put("time", e.time() == null ? null : e.time().toString());
            o.put("source", e.source());
            o.put("aggregateType", e.aggregateType());
            o.put("aggregateId", e.aggregateId());
            if (e.version() != null) {
                o.put("version", e.version());
            }
            o.put("correlationId", e.correlationId());
            o.put("causationId", e.causationId());
            o.put("line", e.origin().line());
        }
        n.put("deadLetters", p.deadLetters().size());
        ArrayNode errors = n.putArray("errors");
        for (ImportError e : p.errors()) {
            errors.addObject().put("line", e.line()).put("reason", e.reason());
        }
        n.put("more", p.more());
        n.put("problem", p.problem());
        return n;
    }
}

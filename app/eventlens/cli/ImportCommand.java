package eventlens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.importers.ImportException;
import eventlens.importers.ImportInput;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportService;
import eventlens.importers.ImportSummary;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.MappingFile;
import eventlens.importers.table.TableReader;
import eventlens.importers.table.TableSource;
import eventlens.model.ImportError;
import eventlens.model.Json;
import eventlens.model.store.ImportRecord;
import eventlens.model.store.ProjectStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code eventlens import PROJECT FILE|DIR|- ... [--format NAME] [--mapping FILE] [--json]}, and
 * {@code eventlens import PROJECT jdbc:…|FILE.sqlite --table T [--after T] [--before T] [--aggregate-type A]}
 * for an event-store table.
 */
@Command(name = "import", description = "Import logs into a project (created on first import). "
        + "Folders are read recursively, .gz files decompressed, '-' reads standard input. "
        + "With --table, reads an event table from a jdbc: URL or an SQLite file (password from PGPASSWORD "
        + "or EVENTLENS_DB_PASSWORD, else asked).")
final class ImportCommand implements Callable<Integer> {
    private static final int ERRORS_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE|DIR|-", description = "what to import")
    List<String> inputs;

    @Option(names = "--format", paramLabel = "NAME", description = "reader to use instead of detecting one (see 'eventlens formats')")
    String format;

    @Option(names = "--mapping", paramLabel = "FILE", description = "JSON file of JSON pointers per field, e.g. {\"id\":\"/msgId\",\"type\":\"/kind\"}; "
            + "for the json and csv readers and --table (the other readers map their records themselves)")
    Path mapping;

    @Mixin
    JsonOption output;

    @Option(names = "--table", paramLabel = "T", description = "the event table to read from a jdbc: URL or an SQLite file")
    String table;

    @Option(names = "--after", paramLabel = "TIME", description = "with --table: only events after this time (ISO-8601)")
    String after;

    @Option(names = "--before", paramLabel = "TIME", description = "with --table: only events before this time (ISO-8601)")
    String before;

    @Option(names = "--aggregate-type", paramLabel = "A", description = "with --table: only events of this aggregate type")
    String aggregateType;

    @Option(names = "--no-flows", description = "do not bring the flow list up to date after the import (the Flows view "
            + "then builds it when first shown)")
    boolean noFlows;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TableInput tableInput = TableInput.of(inputs, table, format, after, before, aggregateType);
        if (mapping != null && format != null) {
            ImporterRegistry.standard().byName(format).filter(reader -> !reader.takesMapping()).ifPresent(reader -> {
                throw new ParameterException(spec.commandLine(), ImportOptions.refusal(reader));
            });
        }
        List<ImportInput> sources = new ArrayList<>();
        if (tableInput == null) {
            for (String input : inputs) {
                sources.add(ImportInput.argument(input, System.in));
            }
        }
        try {
            ImportOptions options = mapping == null ? ImportOptions.AUTOMATIC : new ImportOptions(MappingFile.read(mapping));
            ImportSummary summary;
            ImportService service = new ImportService(ImporterRegistry.standard());
            if (tableInput == null && !Files.exists(project.file())) {
                // A new project is loaded on its own, without a journal, and appears when done (decision 0051).
                summary = service.runIntoNewProject(project.file(), sources, format, options, new TerminalProgress(err));
            } else {
                try (ProjectStore store = ProjectStore.open(project.file())) {
                    summary = tableInput == null
                            ? service.run(store, sources, format, options, new TerminalProgress(err))
                            : service.runSource(store, new TableSource(tableInput.location(), tableInput.slice(),
                                    new TableReader()), options, new TerminalProgress(err));
                }
            }
            AfterImport after = new AfterImport(project.file(), err);
            AfterImport.Indexed indexed = Files.exists(project.file()) ? after.buildIndexes() : null;
            AfterImport.FlowListBuilt flows = noFlows || !Files.exists(project.file()) ? null : after.buildFlowList();
            AfterImport.SchemasInferred schemas = Files.exists(project.file()) ? after.inferSchemas() : null;
            if (output.json()) {
                ObjectNode json = summaryJson(summary);
                if (indexed != null) {
                    json.put("indexesBuilt", indexed.built());
                    json.put("replayBlocksMade", indexed.blocks());
                }
                if (flows != null) {
                    json.put("flows", flows.flows());
                }
                if (schemas != null) {
                    json.put("schemasInferredFor", schemas.events());
                }
                out.println(Json.write(json));
            } else {
                printSummary(summary, out);
                if (indexed != null && (indexed.built() > 0 || indexed.blocks())) {
                    String done = indexed.built() == 0 ? "the replay's blocks made"
                            : "indexes: " + indexed.built() + " built" + (indexed.blocks() ? ", the replay's blocks made" : "");
                    out.printf("%s in %.1f s (the project could be opened meanwhile)%n", done, indexed.seconds());
                }
                if (flows != null) {
                    out.printf("flow list: %,d flows, up to date in %.1f s%n", flows.flows(), flows.seconds());
                }
                if (schemas != null) {
                    out.printf("schemas: inferred from %,d events in %.1f s%n", schemas.events(), schemas.seconds());
                }
            }
            return 0;
        } catch (ImportException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }

    static ObjectNode summaryJson(ImportSummary s) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("format", s.format());
        n.put("read", s.read());
        n.put("imported", s.imported());
        n.put("duplicates", s.duplicates());
        n.put("skipped", s.skipped());
        n.put("failed", s.failed());
        n.put("deadLetters", s.deadLetters());
        n.put("comments", s.comments());
        n.put("warnings", s.warnings());
        ArrayNode files = n.putArray("files");
        for (ImportRecord f : s.files()) {
            ObjectNode o = files.addObject();
            o.put("file", f.file());
            o.put("format", f.format());
            o.put("read", f.read());
            o.put("imported", f.imported());
            o.put("failed", f.failed());
            o.put("comments", f.comments());
            o.put("warnings", f.warnings());
        }
        ArrayNode errors = n.putArray("errors");
        for (ImportError e : s.errors()) {
            ObjectNode o = errors.addObject();
            o.put("file", e.file());
            o.put("line", e.line());
            o.put("column", e.column());
            o.put("reason", e.reason());
            if (e.warning()) {
                o.put("warning", true);
            }
        }
        return n;
    }

    private static void printSummary(ImportSummary s, PrintWriter out) {
        out.printf("format %s: read %,d, imported %,d, duplicates %,d, skipped %,d (imported before), failed %,d, "
                + "dead letters %,d%s%n", s.format(), s.read(), s.imported(), s.duplicates(), s.skipped(), s.failed(),
                s.deadLetters(), notes(s.comments(), s.warnings()));
        if (s.files().size() > 1) {
            s.files().stream().filter(f -> f.comments() > 0 || f.warnings() > 0)
                    .forEach(f -> out.printf("  %s%s%n", f.file(), notes(f.comments(), f.warnings())));
        }
        s.errors().stream().limit(ERRORS_SHOWN).forEach(e -> out.printf("  %s:%d:%d: %s%s%n", e.file(), e.line(),
                e.column(), e.warning() ? "warning: " : "", e.reason()));
        long listed = s.failed() + s.warnings();
        if (listed > ERRORS_SHOWN) {
            out.printf("  ... and %,d more; the Imports view lists them all%n", listed - ERRORS_SHOWN);
        }
    }

    /** ", comment lines skipped N, warnings M", leaving out the zeros. */
    private static String notes(long comments, long warnings) {
        return (comments > 0 ? String.format(", comment lines skipped %,d", comments) : "")
                + (warnings > 0 ? String.format(", warnings %,d", warnings) : "");
    }

    /** A progress line on standard error, only when it is a terminal, at most a few times a second. */
    private static final class TerminalProgress implements ImportListener {
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private long lastNanos;

        TerminalProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(long bytesDone, long bytesTotal, long records) {
            long now = System.nanoTime();
            if (!terminal || now - lastNanos < 250_000_000L) {
                return;
            }
            lastNanos = now;
            String percent = bytesTotal > 0 ? String.format(" (%d%%)", bytesDone * 100 / bytesTotal) : "";
            err.printf("\rimporting: %,d records, %,d MB%s   ", records, bytesDone >> 20, percent);
            err.flush();
        }
    }
}

package eventlens.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.app.work.ScriptEngines;
import eventlens.model.Json;
import eventlens.model.deadletter.DeadLetterContexts;
import eventlens.model.deadletter.DeadLetterExport;
import eventlens.model.deadletter.DeadLetterFilter;
import eventlens.model.deadletter.DeadLetterGroups;
import eventlens.model.state.StateAt;
import eventlens.model.store.ProjectStore;
import eventlens.replay.deadletter.DryRetry;
import eventlens.replay.deadletter.DryRunEntry;
import eventlens.replay.deadletter.DryRunJson;
import eventlens.replay.deadletter.DryRunTally;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptException;
import eventlens.replay.script.ScriptLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code dlq --retry --script FILE}: the dry-run retry of the chosen dead letters through a script
 * (nothing is sent anywhere), printed as the summary line and one line per entry, or as
 * {@link DryRunJson} lines; {@code --export} writes exactly the entries that would now succeed. The entries
 * are retried a page at a time and their lines spooled to a temporary file until the summary is known, so a
 * group of a million entries runs in flat memory.
 */
final class DlqRetry {
    /** Seed of derived ids and {@code Math.random}: fixed, so that the command and the view agree. */
    static final long SEED = 0;

    private DlqRetry() {
    }

    static void run(ProjectStore store, DeadLetterGroups dead, DeadLetterFilter filter, Path scriptFile,
                    ScriptLimits limits, Path export, boolean json, PrintWriter out, PrintWriter err) {
        ReplayScript script = ReplayCommand.read(scriptFile);
        Path spool = spoolFile();
        try {
            DryRunTally tally;
            long[] exported = {0};
            try (ScriptEngine engine = ScriptEngines.start();
                 DryRetry retry = new DryRetry(new DeadLetterContexts(store), new StateAt(store), engine, script,
                         limits, SEED);
                 Writer lines = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
                 Writer redeliver = export == null ? Writer.nullWriter() : open(export)) {
                DeadLetterExport exporter = new DeadLetterExport(Clock.systemUTC());
                tally = retry.retryEach(dead, filter, e -> {
                    try {
                        lines.write(json ? Json.write(DryRunJson.entry(e)) : line(e));
                        lines.write('\n');
                        if (export != null && e.succeeded()) {
                            redeliver.write(exporter.line(e.deadLetter()));
                            redeliver.write('\n');
                            exported[0]++;
                        }
                    } catch (IOException io) {
                        throw new UncheckedIOException(io);
                    }
                });
            } catch (ScriptException e) {
                throw new CommandFailure(e.error().describe());
            } catch (IOException | UncheckedIOException e) {
                throw new CommandFailure("cannot write " + (export == null ? "the dry run" : export) + ": " + e.getMessage(), e);
            }
            printSummaryThenEntries(tally, script, export, exported[0], json, spool, out, err);
        } finally {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException ignored) {
                // a leftover temporary file is all that is lost; the run's output was printed
            }
        }
    }

    /**
     * The summary comes first, and is known only at the end: the entries' lines wait in a temporary file, so
     * the run holds one page of a group of any size and never all of its lines.
     */
    private static void printSummaryThenEntries(DryRunTally tally, ReplayScript script, Path export, long exported,
                                                boolean json, Path spool, PrintWriter out, PrintWriter err) {
        ObjectNode summary = DryRunJson.summary(tally);
        if (export != null) {
            summary.put("exported", exported);
            summary.put("file", export.toString());
            if (!json) {
                err.println("eventlens: exported " + exported + " dead letter" + (exported == 1 ? "" : "s")
                        + " that would now succeed to " + export);
            }
        }
        out.println(json ? Json.write(summary) : tally.summary() + " (" + script.name() + ")");
        try (Reader lines = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            lines.transferTo(out);
        } catch (IOException e) {
            throw new CommandFailure("cannot read back the dry run from " + spool + ": " + e.getMessage(), e);
        }
        out.flush();
    }

    private static Path spoolFile() {
        try {
            return Files.createTempFile("eventlens-dry-run", ".txt");
        } catch (IOException e) {
            throw new CommandFailure("cannot create a temporary file for the dry run: " + e.getMessage(), e);
        }
    }

    private static Writer open(Path export) throws IOException {
        return Files.newBufferedWriter(export, StandardCharsets.UTF_8);
    }

    private static String line(DryRunEntry e) {
        String detail;
        if (e.error() != null) {
            detail = e.error().describe();
        } else if (e.handlers().isEmpty()) {
            detail = "no handler for " + (e.event() == null ? "a missing message" : e.event().type());
        } else {
            detail = e.published().isEmpty() ? "publishes nothing"
                    : "publishes " + String.join(",", e.published().stream().map(p -> p.type()).toList());
        }
        return TextCells.row(String.valueOf(e.deadLetter().key()), e.outcome().label(),
                e.deadLetter().handler() == null ? "-" : e.deadLetter().handler(),
                e.event() == null ? "-" : e.event().id(), detail);
    }
}

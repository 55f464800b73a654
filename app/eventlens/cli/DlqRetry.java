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
import eventlens.replay.deadletter.DryRunReport;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptException;
import eventlens.replay.script.ScriptLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code dlq --retry --script FILE}: the dry-run retry of the chosen dead letters through a script
 * (nothing is sent anywhere), printed as the summary line and one line per entry, or as
 * {@link DryRunJson} lines; {@code --export} writes exactly the entries that would now succeed.
 */
final class DlqRetry {
    /** Seed of derived ids and {@code Math.random}: fixed, so that the command and the view agree. */
    static final long SEED = 0;

    private DlqRetry() {
    }

    static void run(ProjectStore store, DeadLetterGroups dead, DeadLetterFilter filter, Path scriptFile,
                    ScriptLimits limits, Path export, boolean json, PrintWriter out, PrintWriter err) {
        ReplayScript script = ReplayCommand.read(scriptFile);
        DryRunReport report;
        try (ScriptEngine engine = ScriptEngines.start();
             DryRetry retry = new DryRetry(new DeadLetterContexts(store), new StateAt(store), engine, script,
                     limits, SEED)) {
            report = retry.retry(dead, filter);
        } catch (ScriptException e) {
            throw new CommandFailure(e.error().describe());
        }
        ObjectNode summary = DryRunJson.summary(report);
        if (export != null) {
            long written = write(report, export);
            summary.put("exported", written);
            summary.put("file", export.toString());
            if (!json) {
                err.println("eventlens: exported " + written + " dead letter" + (written == 1 ? "" : "s")
                        + " that would now succeed to " + export);
            }
        }
        if (json) {
            out.println(Json.write(summary));
            report.entries().forEach(e -> out.println(Json.write(DryRunJson.entry(e))));
        } else {
            out.println(report.summary() + " (" + script.name() + ")");
            report.entries().forEach(e -> out.println(line(e)));
        }
    }

    private static long write(DryRunReport report, Path file) {
        DeadLetterExport export = new DeadLetterExport(Clock.systemUTC());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (var d : report.succeeded()) {
                w.write(export.line(d));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + file + ": " + e.getMessage(), e);
        }
        return report.succeeded().size();
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

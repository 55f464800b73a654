package eventlens.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.DeadLetter;
import eventlens.model.Json;
import eventlens.model.deadletter.DeadLetterExport;
import eventlens.model.deadletter.DeadLetterFilter;
import eventlens.model.deadletter.DeadLetterGroup;
import eventlens.model.deadletter.DeadLetterGroups;
import eventlens.model.store.ProjectStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eventlens dlq PROJECT [--groups] [--queue Q] [--handler H] [--type T] [--error TEXT]
 * [--after TIME] [--before TIME] [--group FINGERPRINT] [--retry --script FILE] [--export FILE] [--json]}:
 * dead letters, one per line or grouped by failure, dry-run retried through a script ({@link DlqRetry}), or
 * exported as JSON lines for re-delivery (with {@code --retry}: only those that would now succeed).
 */
@Command(name = "dlq", description = "List dead letters, group them by failure, or export them for re-delivery.")
final class DlqCommand implements Callable<Integer> {
    private static final int PAGE = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Option(names = "--groups", description = "one line per failure group (fingerprint), largest first")
    boolean groups;

    @Option(names = "--queue", paramLabel = "Q", description = "only this queue or topic")
    String queue;

    @Option(names = "--handler", paramLabel = "H", description = "only this handler or consumer")
    String handler;

    @Option(names = "--type", paramLabel = "T", description = "only failed events of this type")
    String type;

    @Option(names = "--error", paramLabel = "TEXT", description = "only errors whose type, message or reason contains TEXT")
    String error;

    @Option(names = "--after", paramLabel = "TIME", description = "only failures at or after TIME (ISO-8601)")
    String after;

    @Option(names = "--before", paramLabel = "TIME", description = "only failures before TIME (ISO-8601)")
    String before;

    @Option(names = "--group", paramLabel = "FINGERPRINT", description = "only the entries of one group")
    String group;

    @Option(names = "--export", paramLabel = "FILE", description = "write the chosen entries as JSON lines ready for re-delivery")
    Path export;

    @Mixin
    JsonOption output;

    @Option(names = "--retry", description = "dry-run retry the chosen entries through --script; nothing is sent anywhere")
    boolean retry;

    @Option(names = "--script", paramLabel = "FILE", description = "the handler script (JavaScript) for --retry")
    Path script;

    /** The limits of one handler call in a dry-run retry, as {@code replay} has them. */
    @Mixin
    ScriptLimitOptions callLimits;

    @Override
    public Integer call() {
        if (groups && export != null) {
            throw new ParameterException(spec.commandLine(), "--groups and --export do not go together; "
                    + "export one group with --group FINGERPRINT");
        }
        if (retry != (script != null)) {
            throw new ParameterException(spec.commandLine(), retry ? "--retry needs --script FILE"
                    : "--script goes with --retry");
        }
        if (retry && groups) {
            throw new ParameterException(spec.commandLine(), "--groups and --retry do not go together; "
                    + "retry one group with --group FINGERPRINT");
        }
        DeadLetterFilter filter = new DeadLetterFilter(queue, handler, type, error, time("--after", after),
                time("--before", before), group);
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore store = ProjectStore.open(project.existing());
             DeadLetterGroups dead = new DeadLetterGroups(store)) {
            if (retry) {
                DlqRetry.run(store, dead, filter, script, callLimits.limits(), export, output.json(), out, spec.commandLine().getErr());
            } else if (export != null) {
                exportTo(dead, filter, out);
            } else if (groups) {
                for (DeadLetterGroup g : dead.all(filter)) {
                    out.println(output.json() ? Json.write(groupJson(g)) : groupLine(g));
                }
            } else {
                list(dead, filter, out);
            }
            out.flush();
            return 0;
        }
    }

    private void list(DeadLetterGroups dead, DeadLetterFilter filter, PrintWriter out) {
        long afterKey = 0;
        while (true) {
            List<DeadLetter> page = dead.entries(filter, afterKey, PAGE);
            for (DeadLetter d : page) {
                out.println(output.json() ? Json.write(entryJson(d)) : entryLine(d));
            }
            if (page.size() < PAGE) {
                return;
            }
            afterKey = page.get(page.size() - 1).key();
        }
    }

    private void exportTo(DeadLetterGroups dead, DeadLetterFilter filter, PrintWriter out) {
        long written;
        try (Writer w = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            written = new DeadLetterExport(Clock.systemUTC()).write(dead, filter, w);
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + export + ": " + e.getMessage(), e);
        }
        if (output.json()) {
            ObjectNode summary = Json.mapper().createObjectNode();
            summary.put("exported", written);
            summary.put("file", export.toString());
            out.println(Json.write(summary));
        } else {
            spec.commandLine().getErr().println("eventlens: exported " + written + " dead letter"
                    + (written == 1 ? "" : "s") + " to " + export);
        }
    }

    private Instant time(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + ": '" + text + "' is not an ISO-8601 time "
                    + "such as 2024-01-15T10:30:00Z");
        }
    }

    private static String entryLine(DeadLetter d) {
        return TextCells.row(String.valueOf(d.key()), orDash(d.lastFailure() == null ? null : d.lastFailure().toString()),
                orDash(d.handler()), error(d.errorType(), d.message() != null ? d.message() : d.reason()),
                d.attempts() == null ? "-" : d.attempts() + " attempt" + (d.attempts() == 1 ? "" : "s"),
                orDash(d.eventId()));
    }

    private static ObjectNode entryJson(DeadLetter d) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("key", d.key());
        n.put("eventId", d.eventId());
        n.put("handler", d.handler());
        n.put("queue", d.queue());
        n.put("reason", d.reason());
        n.put("errorType", d.errorType());
        n.put("message", d.message());
        n.put("attempts", d.attempts());
        n.put("firstFailure", d.firstFailure() == null ? null : d.firstFailure().toString());
        n.put("lastFailure", d.lastFailure() == null ? null : d.lastFailure().toString());
        n.put("fingerprint", d.fingerprint());
        n.put("format", d.origin().format());
        return n;
    }

    private static String groupLine(DeadLetterGroup g) {
        return TextCells.row(g.fingerprint(), String.valueOf(g.count()),
                orDash(g.firstFailure() == null ? null : g.firstFailure().toString()),
                orDash(g.lastFailure() == null ? null : g.lastFailure().toString()),
                list(g.handlers()), list(g.eventTypes()), list(g.queues()), error(g.errorType(), g.sampleMessage()));
    }

    private static ObjectNode groupJson(DeadLetterGroup g) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("fingerprint", g.fingerprint());
        n.put("count", g.count());
        n.put("firstFailure", g.firstFailure() == null ? null : g.firstFailure().toString());
        n.put("lastFailure", g.lastFailure() == null ? null : g.lastFailure().toString());
        n.put("errorType", g.errorType());
        n.put("sampleMessage", g.sampleMessage());
        n.put("sampleKey", g.sampleKey());
        g.handlers().forEach(n.putArray("handlers")::add);
        g.eventTypes().forEach(n.putArray("eventTypes")::add);
        g.queues().forEach(n.putArray("queues")::add);
        return n;
    }

    private static String error(String type, String message) {
        if (type == null) {
            return orDash(message);
        }
        return message == null ? type : type + ": " + message;
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "-" : String.join(",", values);
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}

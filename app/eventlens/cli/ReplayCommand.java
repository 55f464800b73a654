package eventlens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.app.work.ScriptEngines;
import eventlens.model.Json;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import eventlens.replay.Pacer;
import eventlens.replay.ReplayBudgets;
import eventlens.replay.ReplayMode;
import eventlens.replay.ReplaySession;
import eventlens.replay.ReplaySettings;
import eventlens.replay.RunOutputs;
import eventlens.replay.RunSummary;
import eventlens.replay.run.ReplayRuns;
import eventlens.replay.run.RunCodec;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eventlens replay PROJECT --script FILE [--where QUERY] [--mode all|roots] [--json]}: runs the
 * slice through the script as fast as possible, stores the run in the project and prints its summary
 * (with {@code --json}: one object with the summary and every output). The limits of a handler call and
 * the cascade budgets of the run have options (docs/decisions/0027-script-watchdog-and-cascade-budgets.md).
 */
@Command(name = "replay", description = "Replay events through a JavaScript handler script; store and summarise the run.")
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Option(names = "--script", required = true, paramLabel = "FILE", description = "the handler script (JavaScript)")
    Path script;

    @Mixin
    WhereOption where;

    @Option(names = "--mode", defaultValue = "all", paramLabel = "all|roots",
            description = "all: every event of the slice; roots: roots only, compared with what was recorded (default ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "seeds derived ids and Math.random (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    ScriptLimitOptions callLimits;

    @Option(names = "--max-published-per-event", defaultValue = "10000", paramLabel = "N",
            description = "events the handlers may publish while one event is delivered (default ${DEFAULT-VALUE})")
    int maxPublishedPerEvent;

    @Option(names = "--max-cascade-depth", defaultValue = "64", paramLabel = "N",
            description = "hops from a recorded event to a published one (default ${DEFAULT-VALUE})")
    int maxCascadeDepth;

    @Option(names = "--max-published", defaultValue = "1000000", paramLabel = "N",
            description = "events the whole run may publish (default ${DEFAULT-VALUE})")
    long maxPublished;

    @Option(names = "--no-save", description = "do not store the run in the project")
    boolean noSave;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        String queryText = where.text(project.existing());
        EventQuery query = Main.where(spec, queryText);
        ReplayMode replayMode = switch (mode.toLowerCase(Locale.ROOT)) {
            case "all" -> ReplayMode.ALL;
            case "roots" -> ReplayMode.ROOTS;
            default -> throw new ParameterException(spec.commandLine(), "--mode must be all or roots, not '" + mode + "'");
        };
        ReplayScript replayScript = read(script);
        ReplaySettings settings = new ReplaySettings(replayScript, query, queryText, replayMode, seed, callLimits.limits(), budgets());
        Path file = project.existing();
        Instant started = Clock.systemUTC().instant();
        try (ScriptEngine engine = ScriptEngines.start(); ProjectStore store = ProjectStore.open(file);
                ReplaySession session = ReplaySession.open(store, engine, settings, Runnable::run, Pacer.none())) {
            ReplayProgress progress = new ReplayProgress(spec.commandLine().getErr(), System.console() != null,
                    System::nanoTime);
            session.addListener(progress);
            session.runToEnd();
            progress.clear();
            RunSummary summary = session.summary();
            RunOutputs outputs = session.outputs();
            // A read-only project (file or folder) is replayed all the same; the run is just not stored.
            long id = noSave || store.isReadOnly() ? 0 : new ReplayRuns(store).save(settings, started, summary, outputs);
            print(spec.commandLine().getOut(), id, replayScript, summary, outputs);
            return 0;
        } catch (ScriptException e) {
            throw new CommandFailure(e.error().describe());
        }
    }

    private ReplayBudgets budgets() {
        positive("--max-published-per-event", maxPublishedPerEvent);
        positive("--max-cascade-depth", maxCascadeDepth);
        positive("--max-published", maxPublished);
        return new ReplayBudgets(maxPublishedPerEvent, maxCascadeDepth, maxPublished);
    }

    private void positive(String option, long value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be positive");
        }
    }

    /** The script file, or a one-line failure (exit 1) naming what is wrong with it. */
    static ReplayScript read(Path file) {
        try {
            return new ReplayScript(file.getFileName().toString(), Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new CommandFailure("no such script: " + file);
        } catch (IOException e) {
            throw new CommandFailure("cannot read script " + file + ": " + e.getMessage(), e);
        }
    }

    private static void notKept(PrintWriter out, String what, long count, int kept) {
        if (count > kept) {
            out.printf("%s: the first %,d of %,d are kept (in --json and in the stored run)%n", what, kept, count);
        }
    }

    private void print(PrintWriter out, long id, ReplayScript s, RunSummary summary, RunOutputs outputs) {
        if (!output.json()) {
            out.printf("%s: %s, mode %s%n", id > 0 ? "run " + id : "run (not stored)", s.name(),
                    summary.mode().name().toLowerCase(Locale.ROOT));
            out.printf("delivered %d, published %d, failed %d, retried %d, dead-lettered %d, divergences %d, log lines %d%n",
                    summary.delivered(), summary.published(), summary.failed(), summary.retried(), summary.deadLettered(),
                    summary.divergences(), summary.logLines());
            summary.upcasts().forEach(u -> out.printf("upcaster %s: %d events changed%n", u.upcaster(), u.events()));
            if (summary.delivered() > 0) {
                summary.idle().forEach(h -> out.println(h.describe()));
            }
            notKept(out, "failures", summary.failed(), outputs.failures().size());
            notKept(out, "dead letters", summary.deadLettered(), outputs.deadLetters().size());
            notKept(out, "divergences", summary.divergences(), outputs.divergences().size());
            notKept(out, "log lines", summary.logLines(), outputs.logs().size());
            notKept(out, "idempotency warnings", summary.warnings(), outputs.warnings().size());
            if (summary.mode() == ReplayMode.ROOTS) {
                out.printf("matched %d recorded events%n", summary.matched());
                outputs.divergences().stream().findFirst().ifPresent(d -> out.printf(
                        "first divergence: %s %s under %s%n", d.kind().name().toLowerCase(Locale.ROOT), d.type(), d.causeId()));
            }
            if (summary.warnings() > 0) {
                out.printf("idempotency warnings %d%n", summary.warnings());
            }
            outputs.deadLetters().stream().limit(10).forEach(d -> out.printf("dead letter: %s on %s: %s%n",
                    d.handler(), d.event().id(), d.error().describe()));
            out.flush();
            return;
        }
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("run", id);
        n.put("script", s.name());
        n.put("scriptVersion", s.version());
        n.set("summary", RunCodec.write(summary));
        ArrayNode published = n.putArray("published");
        outputs.published().forEach(e -> published.add(RunCodec.write(e)));
        ArrayNode dead = n.putArray("deadLetters");
        outputs.deadLetters().forEach(d -> dead.add(RunCodec.write(d)));
        ArrayNode divergences = n.putArray("divergences");
        outputs.divergences().forEach(d -> divergences.add(RunCodec.write(d)));
        ArrayNode logs = n.putArray("logs");
        outputs.logs().forEach(l -> logs.add(RunCodec.write(l)));
        ArrayNode warnings = n.putArray("warnings");
        outputs.warnings().forEach(w -> warnings.add(RunCodec.write(w)));
        out.println(Json.write(n));
        out.flush();
    }
}

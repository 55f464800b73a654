package eventlens.replay.run;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.ReplayRunStore;
import eventlens.model.store.ReplayRunStore.StoredOutput;
import eventlens.model.store.ReplayRunStore.StoredRun;
import eventlens.replay.Divergence;
import eventlens.replay.HandlerFailure;
import eventlens.replay.IdempotencyWarning;
import eventlens.replay.LogLine;
import eventlens.replay.ReplayDeadLetter;
import eventlens.replay.ReplayMode;
import eventlens.replay.ReplaySettings;
import eventlens.replay.RunOutputs;
import eventlens.replay.RunSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Replay runs kept in a project: save one (summary and every output), list them, load one back.
 * Output kinds: {@code published}, {@code deadLetter}, {@code failure}, {@code log}, {@code divergence},
 * {@code warning}, each body in the {@link RunCodec} form.
 */
public final class ReplayRuns {
    private final ReplayRunStore store;

    /** The runs of {@code project}. */
    public ReplayRuns(ProjectStore project) {
        this.store = new ReplayRunStore(project);
    }

    /** Saves a run; its id. {@code started} is the wall-clock time it started (from an injected clock). */
    public long save(ReplaySettings settings, Instant started, RunSummary summary, RunOutputs outputs) {
        List<StoredOutput> rows = new ArrayList<>();
        outputs.published().forEach(e -> rows.add(row(rows, "published", Json.write(RunCodec.write(e)))));
        outputs.deadLetters().forEach(d -> rows.add(row(rows, "deadLetter", Json.write(RunCodec.write(d)))));
        outputs.failures().forEach(f -> rows.add(row(rows, "failure", Json.write(RunCodec.write(f)))));
        outputs.logs().forEach(l -> rows.add(row(rows, "log", Json.write(RunCodec.write(l)))));
        outputs.divergences().forEach(d -> rows.add(row(rows, "divergence", Json.write(RunCodec.write(d)))));
        outputs.warnings().forEach(w -> rows.add(row(rows, "warning", Json.write(RunCodec.write(w)))));
        StoredRun run = new StoredRun(0, started, settings.script().name(), settings.script().text(), settings.queryText(),
                settings.mode().name().toLowerCase(Locale.ROOT), Json.write(RunCodec.write(summary)));
        return store.save(run, rows);
    }

    /** Every run, newest first, without outputs. */
    public List<StoredReplay> list() {
        return store.runs().stream().map(r -> replay(r, new RunOutputs(List.of(), List.of(), List.of(), List.of(), List.of(), List.of()))).toList();
    }

    /** One run with its outputs. */
    public Optional<StoredReplay> load(long id) {
        return store.run(id).map(r -> replay(r, outputs(id)));
    }

    private RunOutputs outputs(long id) {
        List<Event> published = new ArrayList<>();
        List<ReplayDeadLetter> deadLetters = new ArrayList<>();
        List<HandlerFailure> failures = new ArrayList<>();
        List<LogLine> logs = new ArrayList<>();
        List<Divergence> divergences = new ArrayList<>();
        List<IdempotencyWarning> warnings = new ArrayList<>();
        for (StoredOutput o : store.outputs(id)) {
            JsonNode n = Json.parseOrMissing(o.body());
            switch (o.kind()) {
                case "published" -> published.add(RunCodec.event(n));
                case "deadLetter" -> deadLetters.add(RunCodec.deadLetter(n));
                case "failure" -> failures.add(RunCodec.failure(n));
                case "log" -> logs.add(RunCodec.logLine(n));
                case "divergence" -> divergences.add(RunCodec.divergence(n));
                case "warning" -> warnings.add(RunCodec.warning(n));
                default -> { } // a kind from a newer version: skipped
            }
        }
        return new RunOutputs(published, deadLetters, failures, logs, divergences, warnings);
    }

    private static StoredReplay replay(StoredRun r, RunOutputs outputs) {
        return new StoredReplay(r.id(), r.started(), r.scriptName(), r.script(), r.query(),
                ReplayMode.valueOf(r.mode().toUpperCase(Locale.ROOT)), RunCodec.summary(Json.parseOrMissing(r.summary())), outputs);
    }

    private static StoredOutput row(List<StoredOutput> rows, String kind, String body) {
        return new StoredOutput(rows.size(), kind, body);
    }
}

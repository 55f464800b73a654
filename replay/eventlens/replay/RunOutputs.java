package eventlens.replay;

import eventlens.model.Event;
import java.util.List;

/**
 * What a run produced, in order: every published event (a run budget bounds them), and the first
 * {@link #KEPT} of each other kind — {@link RunSummary} has the full counts. Immutable snapshot.
 *
 * @param published   events published by handlers
 * @param deadLetters deliveries given up on
 * @param failures    every failed attempt
 * @param logs        console lines
 * @param divergences roots mode differences, first divergence first
 * @param warnings    idempotency warnings
 */
public record RunOutputs(List<Event> published, List<ReplayDeadLetter> deadLetters, List<HandlerFailure> failures,
        List<LogLine> logs, List<Divergence> divergences, List<IdempotencyWarning> warnings) {
    /** Dead letters, failures, log lines, divergences and warnings kept of each kind, in memory and in a stored run. */
    public static final int KEPT = 100_000;

    public RunOutputs {
        published = List.copyOf(published);
        deadLetters = List.copyOf(deadLetters);
        failures = List.copyOf(failures);
        logs = List.copyOf(logs);
        divergences = List.copyOf(divergences);
        warnings = List.copyOf(warnings);
    }
}

package eventlens.replay;

import eventlens.model.Event;
import java.util.List;

/**
 * Everything a run produced, in order. Immutable snapshot.
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
    public RunOutputs {
        published = List.copyOf(published);
        deadLetters = List.copyOf(deadLetters);
        failures = List.copyOf(failures);
        logs = List.copyOf(logs);
        divergences = List.copyOf(divergences);
        warnings = List.copyOf(warnings);
    }
}

package eventlens.model.flow;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of the flow list: a correlation and the figures that tell whether it deserves a look.
 *
 * @param correlationId the correlation id
 * @param rootType type of the earliest root (null when it has none)
 * @param events distinct events
 * @param start earliest event time (null when unknown)
 * @param duration latest minus earliest event time
 * @param depth the deepest chain (root = 0)
 * @param anomalies number of anomalies ({@link CausalGraph#anomalies()})
 * @param failures number of failed events ({@link FlowNode#failed()})
 */
public record FlowSummary(String correlationId, String rootType, long events, Instant start, Duration duration,
        int depth, int anomalies, int failures) {
}

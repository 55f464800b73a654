package eventlens.model.store;

import java.time.Instant;

/**
 * One line of the aggregate list.
 *
 * @param aggregateId    the aggregate id
 * @param aggregateType  its type (the first non-null type of its events; null when none has one)
 * @param events         how many events it has
 * @param firstTime      the earliest event time (null when none has one)
 * @param lastTime       the latest event time
 * @param currentVersion the highest version (null when no event has one)
 * @param versionIssues  duplicate versions + missing versions in the range + events without a version
 *                       beside versioned ones (an aggregate with no version at all, such as a table's
 *                       change events, is ordered by log position and has none), counted in SQL; ordering and after-deletion anomalies need a walk of the history
 */
public record AggregateSummary(String aggregateId, String aggregateType, long events, Instant firstTime,
                               Instant lastTime, Long currentVersion, long versionIssues) {
}

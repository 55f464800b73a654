package eventlens.replay.deadletter;

import eventlens.model.DeadLetter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a dry-run retry of a few dead letters, every entry kept, in key order; a group of any size
 * is retried with {@link DryRetry#retryEach}, which keeps none.
 *
 * @param script the script's name
 * @param scriptVersion the script's hash ({@link eventlens.replay.script.ReplayScript#version()})
 * @param entries the outcomes
 */
public record DryRunReport(String script, String scriptVersion, List<DryRunEntry> entries) {
    public DryRunReport {
        entries = List.copyOf(entries);
    }

    /** How many entries came to {@code outcome}. */
    public long count(RetryOutcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).count();
    }

    /** The count of every outcome, in declaration order (zeros included). */
    public Map<RetryOutcome, Long> counts() {
        Map<RetryOutcome, Long> counts = new EnumMap<>(RetryOutcome.class);
        for (RetryOutcome o : RetryOutcome.values()) {
            counts.put(o, count(o));
        }
        return counts;
    }

    /** The same figures as a tally. */
    public DryRunTally tally() {
        return new DryRunTally(script, scriptVersion, counts());
    }

    /** The dead letters that would now succeed, in key order: what an export re-delivers. */
    public List<DeadLetter> succeeded() {
        return entries.stream().filter(DryRunEntry::succeeded).map(DryRunEntry::deadLetter).toList();
    }

    /** The one line shown before anything else, e.g. {@code 5 of 8 would now succeed}. */
    public String summary() {
        return tally().summary();
    }
}

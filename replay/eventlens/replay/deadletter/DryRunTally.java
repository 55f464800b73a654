package eventlens.replay.deadletter;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a dry-run retry came to, counted: the figures of a run over a group of any size, whose entries were
 * handed out one at a time ({@link DryRetry#retryEach}) and not kept.
 *
 * @param script the script's name
 * @param scriptVersion the script's hash ({@link eventlens.replay.script.ReplayScript#version()})
 * @param counts how many entries came to each outcome (every outcome present, zeros included)
 */
public record DryRunTally(String script, String scriptVersion, Map<RetryOutcome, Long> counts) {
    public DryRunTally {
        Map<RetryOutcome, Long> all = new EnumMap<>(RetryOutcome.class);
        for (RetryOutcome o : RetryOutcome.values()) {
            all.put(o, counts.getOrDefault(o, 0L));
        }
        counts = Map.copyOf(all);
    }

    /** How many entries came to {@code outcome}. */
    public long count(RetryOutcome outcome) {
        return counts.get(outcome);
    }

    /** How many entries were retried. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The one line shown before anything else, e.g. {@code 5 of 8 would now succeed}. */
    public String summary() {
        return count(RetryOutcome.SUCCEEDED) + " of " + total() + " would now succeed";
    }
}

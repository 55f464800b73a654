package eventlens.app.deadletters;

import eventlens.model.DeadLetter;
import eventlens.model.deadletter.DeadLetterFilter;
import eventlens.model.deadletter.DeadLetterGroup;
import eventlens.model.deadletter.DeadLetterGroups;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Counts each group's failures in equal time buckets over the range of all groups (on a worker). */
final class Sparklines {
    /** At most this many entries of a group are read for its sparkline (the shape, not the exact count). */
    static final int MAX_READ = 20_000;

    private Sparklines() {
    }

    static List<GroupRow> rows(DeadLetterGroups source, DeadLetterFilter filter, List<DeadLetterGroup> groups, int buckets) {
        Instant min = null;
        Instant max = null;
        for (DeadLetterGroup g : groups) {
            min = g.firstFailure() == null ? min : min == null || g.firstFailure().isBefore(min) ? g.firstFailure() : min;
            max = g.lastFailure() == null ? max : max == null || g.lastFailure().isAfter(max) ? g.lastFailure() : max;
        }
        List<GroupRow> rows = new ArrayList<>(groups.size());
        for (DeadLetterGroup g : groups) {
            int[] counts = new int[buckets];
            if (min != null) {
                List<DeadLetter> entries = source.entries(filter.withFingerprint(g.fingerprint()), 0, MAX_READ);
                for (DeadLetter d : entries) {
                    Instant at = d.lastFailure() != null ? d.lastFailure() : d.firstFailure();
                    if (at != null) {
                        counts[bucket(at, min, max, buckets)]++;
                    }
                }
            }
            rows.add(new GroupRow(g, counts));
        }
        return rows;
    }

    static int bucket(Instant at, Instant min, Instant max, int buckets) {
        long span = Math.max(1, max.toEpochMilli() - min.toEpochMilli());
        long offset = at.toEpochMilli() - min.toEpochMilli();
        return (int) Math.max(0, Math.min(buckets - 1, offset * buckets / span));
    }
}

package eventlens.app.deadletters;

import eventlens.model.deadletter.DeadLetterGroup;

/**
 * A row of the groups table: the group and its failures over time, counted in equal buckets over the
 * time range of every group shown (so sparklines compare).
 */
public record GroupRow(DeadLetterGroup group, int[] buckets) {
    public GroupRow {
        buckets = buckets.clone();
    }

    @Override
    public int[] buckets() {
        return buckets.clone();
    }
}

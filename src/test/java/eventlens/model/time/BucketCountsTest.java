package eventlens.model.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BucketCountsTest {

    @Test
    void eventsAreCountedInTheirBucketByTypeAndBySourceWithFailuresApart() {
        BucketCounts counts = new BucketCounts(1_000, 10, 3);
        counts.add(1_000, "order.created", "orders");
        counts.add(1_009, "order.created", "orders");
        counts.add(1_010, "payment.failed", "payments");
        counts.add(1_029, "order.created", null);
        counts.add(999, "order.created", "orders");
        counts.add(1_030, "order.created", "orders");

        assertThat(counts.counted()).as("the two outside the buckets are left out").isEqualTo(4);
        Histogram byType = counts.histogram(StackBy.TYPE, 8);
        assertThat(byType.series()).containsExactly("order.created", "payment.failed");
        assertThat(byType.counts()[0]).containsExactly(2, 0, 1);
        assertThat(byType.counts()[1]).containsExactly(0, 1, 0);
        assertThat(byType.failures()).containsExactly(0, 1, 0);
        assertThat(byType.total(0, 3)).isEqualTo(4);
        assertThat(byType.peak()).isEqualTo(2);

        Histogram bySource = counts.histogram(StackBy.SOURCE, 8);
        assertThat(bySource.series()).as("other comes last").containsExactly("orders", "payments", "(other)");
        assertThat(bySource.counts()[2]).as("no source counts as other").containsExactly(0, 0, 1);
    }

    @Test
    void beyondTheSeriesAskedForTheRarestAreSummedAsOther() {
        BucketCounts counts = new BucketCounts(0, 1, 1);
        for (int i = 0; i < 5; i++) {
            for (int n = 0; n <= i; n++) {
                counts.add(0, "t" + i, "s");
            }
        }
        Histogram h = counts.histogram(StackBy.TYPE, 3);
        assertThat(h.series()).containsExactly("t4", "t3", "(other)");
        assertThat(h.counts()[2]).containsExactly(1 + 2 + 3);
        assertThat(counts.histogram(StackBy.TYPE, 5).series()).as("exactly as many as asked: no other")
                .containsExactly("t4", "t3", "t2", "t1", "t0");
    }

    @Test
    void memoryIsBoundedByCountingTypesBeyondTheCapAsOther() {
        BucketCounts counts = new BucketCounts(0, 1, 2);
        for (int i = 0; i < BucketCounts.MAX_KEYS + 50; i++) {
            counts.add(0, "type-" + i, "s");
        }
        Histogram h = counts.histogram(StackBy.TYPE, BucketCounts.MAX_KEYS + 100);
        assertThat(h.series()).hasSize(BucketCounts.MAX_KEYS + 1).contains("(other)");
        assertThat(h.total(0)).isEqualTo(BucketCounts.MAX_KEYS + 50);
    }

    @Test
    void rebinningSumsWholeBucketsIntoWiderOnes() {
        BucketCounts fine = new BucketCounts(0, 10, 6);
        for (int t = 0; t < 60; t += 5) {
            fine.add(t, t < 30 ? "a.failed" : "b", "s");
        }
        BucketCounts coarse = fine.rebinnedInto(new BucketCounts(0, 20, 3));
        Histogram h = coarse.histogram(StackBy.TYPE, 4);
        assertThat(coarse.counted()).isEqualTo(12);
        assertThat(h.failures()).containsExactly(4, 2, 0);
        assertThat(new long[] {h.total(0), h.total(1), h.total(2)}).containsExactly(4, 4, 4);
    }

    @Test
    void coveringPicksARoundWidthOnTheClockThatReachesTheEnd() {
        BucketCounts c = BucketCounts.covering(100, 1_099, 7);
        assertThat(c.bucketMicros()).isEqualTo(200);
        assertThat(c.fromMicros()).isEqualTo(0);
        assertThat(c.fromMicros() + c.bucketMicros() * c.buckets()).isGreaterThan(1_099);
        assertThat(BucketCounts.covering(5, 5, 100).buckets()).as("one instant: one bucket").isEqualTo(1);
        assertThat(BucketCounts.roundWidth(2_400_000)).as("2.4 s: 5 s bars").isEqualTo(5_000_000);
        assertThat(BucketCounts.roundWidth(50_000_000)).as("50 s: minute bars").isEqualTo(60_000_000);
        assertThat(BucketCounts.roundWidth(100_000_000_000L)).as("beyond a day: whole days").isEqualTo(172_800_000_000L);
    }
}

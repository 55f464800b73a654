package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PixelKeysTest {
    @Test
    void keepsTheWidestEventOfEachBucketThroughGrowthAndCollisions() {
        PixelKeys buckets = new PixelKeys();
        Map<Long, double[]> expected = new HashMap<>();
        Random random = new Random(7);
        for (int node = 0; node < 50_000; node++) {
            // Few distinct keys, zero and negatives included, so that repeats and probing both happen.
            long key = random.nextInt(20_000) - 10_000L << (node % 3 == 0 ? 40 : 0);
            double extent = random.nextInt(1_000);
            buckets.offer(key, extent, node);
            double[] best = expected.get(key);
            if (best == null || extent > best[0]) {
                expected.put(key, new double[] {extent, node});
            }
        }
        assertThat(buckets.size()).isEqualTo(expected.size());
        long[] keys = buckets.sortedKeys();
        assertThat(keys).hasSize(expected.size()).isSorted();
        for (long key : keys) {
            assertThat(buckets.extent(key)).isEqualTo(expected.get(key)[0]);
            assertThat(buckets.node(key)).isEqualTo((int) expected.get(key)[1]);
        }
        assertThat(buckets.node(123_456_789_000L)).isEqualTo(-1);
    }
}

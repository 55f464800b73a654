package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PixelKeysTest {
    @Test
    void answersAsAHashSetDoesThroughGrowthAndCollisions() {
        PixelKeys keys = new PixelKeys();
        Set<Long> expected = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            // Few distinct values, zero and negatives included, so that repeats and probing both happen.
            long key = random.nextInt(20_000) - 10_000L << (i % 3 == 0 ? 40 : 0);
            assertThat(keys.add(key)).as("key %d", key).isEqualTo(expected.add(key));
        }
        assertThat(keys.size()).isEqualTo(expected.size());
        keys.add(0);
        assertThat(keys.add(0)).isFalse();
    }
}

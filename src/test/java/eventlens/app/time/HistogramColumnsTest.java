package eventlens.app.time;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.time.Histogram;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramColumnsTest {
    /** Ten buckets of 10 µs from 1,000: busy, five empty, busy, busy, one empty, busy. */
    private static final Histogram H = new Histogram(1_000, 10, List.of("a"),
            new long[][] {{3, 0, 0, 0, 0, 0, 2, 1, 0, 4}}, new long[10]);

    @Test
    void withoutCompressionEachBucketIsAColumn() {
        HistogramColumns c = new HistogramColumns(H, false);
        assertThat(c.size()).isEqualTo(10);
        assertThat(c.timeAt(0, 100)).isEqualTo(1_000);
        assertThat(c.timeAt(55, 100)).isEqualTo(1_055);
        assertThat(c.xOf(1_055, 100)).isEqualTo(55.0);
        assertThat(c.xOf(999, 100)).isNaN();
        assertThat(c.xOf(1_100, 100)).isNaN();
    }

    @Test
    void aLongEnoughRunOfEmptyBucketsBecomesOneGapAndAShortOneStays() {
        HistogramColumns c = new HistogramColumns(H, true);
        assertThat(c.size()).as("bucket 0, the gap 1-5, then 6, 7, 8, 9").isEqualTo(6);
        assertThat(c.isGap(1)).isTrue();
        assertThat(c.startMicros(1)).isEqualTo(1_010);
        assertThat(c.endMicros(1)).isEqualTo(1_060);
        assertThat(c.isGap(4)).as("a single empty bucket is not compressed").isFalse();
        assertThat(c.timeAt(15, 60)).as("inside the gap: its start").isEqualTo(1_010);
        assertThat(c.xOf(1_030, 60)).as("a time in the gap: the gap's left edge").isEqualTo(10.0);
        assertThat(c.columnAt(59.9, 60)).isEqualTo(5);
        assertThat(c.bucket(5)).isEqualTo(9);
    }
}

package eventlens.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Placing a flow's shapes into pixel buckets: bounded by the picture, not by the flow, and pure. */
class TimelineBucketsTest {
    private static FlowTimes fanOut(int events) {
        Instant start = Instant.parse("2024-01-15T10:00:00Z");
        List<Event> list = new ArrayList<>();
        list.add(new Event(1, "root", "order.placed", "api", start, null, null, null, "c", null, null, null, "{}", null));
        for (int i = 1; i < events; i++) {
            list.add(new Event(i + 1, "e" + i, "step", "s" + (i % 4), start.plusMillis(i), null, null, null, "c",
                    "root", null, null, "{}", null));
        }
        return FlowTimes.of(CausalGraph.build(list));
    }

    @Test
    void aHundredThousandEventsFittedInAThousandPixelsGiveAtMostOneBucketPerColumnAndLane() {
        FlowTimes times = fanOut(100_000);
        double ppm = 1_000 / times.duration();
        TimelineGeometry view = new TimelineGeometry(ppm, 0, 0, 1_000 + FlowTimelineSkin.LANE_LABELS, 400);
        TimelineBuckets buckets = TimelineBuckets.of(times, view);
        int lanes = 5;
        assertThat(buckets.bars().size()).isPositive().isLessThanOrEqualTo(lanes * 1_002);
        assertThat(buckets.connectors().size()).isPositive().isLessThanOrEqualTo(lanes * lanes * 1_002);
        assertThat(buckets.isFor(times, new TimelineGeometry(ppm, 0, 0, 1_000 + FlowTimelineSkin.LANE_LABELS, 400)))
                .isTrue();
        assertThat(buckets.isFor(times, new TimelineGeometry(ppm, 5, 0, 1_000 + FlowTimelineSkin.LANE_LABELS, 400)))
                .as("scrolled: another picture").isFalse();
        assertThat(buckets.isFor(fanOut(10), view)).as("another flow").isFalse();
    }

    @Test
    void theSameTimesAndGeometryGiveTheSameBuckets() {
        FlowTimes times = fanOut(5_000);
        TimelineGeometry view = new TimelineGeometry(0.5, 120, 0, 900, 300);
        TimelineBuckets a = TimelineBuckets.of(times, view);
        TimelineBuckets b = TimelineBuckets.of(times, view);
        assertThat(a.bars().sortedKeys()).containsExactly(b.bars().sortedKeys());
        assertThat(a.connectors().sortedKeys()).containsExactly(b.connectors().sortedKeys());
        for (long key : a.bars().sortedKeys()) {
            assertThat(a.bars().node(key)).isEqualTo(b.bars().node(key));
        }
    }

    @Test
    void eventsScrolledOutOfViewAreNotPlaced() {
        FlowTimes times = fanOut(1_000);
        TimelineBuckets farRight = TimelineBuckets.of(times, new TimelineGeometry(1, 1_000_000, 0, 900, 300));
        assertThat(farRight.bars().size()).isZero();
        assertThat(farRight.connectors().size()).isZero();
    }
}

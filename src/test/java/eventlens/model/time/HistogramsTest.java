package eventlens.model.time;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import eventlens.model.Origin;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.ProjectStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramsTest {
    private static final Instant T0 = Instant.parse("2024-01-15T10:00:00Z");

    @TempDir
    Path dir;

    private static void importSeconds(ProjectStore store, String prefix, int from, int to, String type) {
        try (ImportWriter w = store.beginImport()) {
            w.startFile(prefix + ".jsonl", "json", null);
            for (int s = from; s < to; s++) {
                w.add(new Event(0, prefix + s, type, "svc", T0.plusSeconds(s), null, null, null, null, null, "{}", "{}",
                        "{}", new Origin(prefix + ".jsonl", s, "json")));
            }
            w.commit();
        }
    }

    private static long micros(int seconds) {
        return T0.plusSeconds(seconds).toEpochMilli() * 1_000;
    }

    @Test
    void theOverviewCountsTheWholeLogAndIsCountedAgainAfterAnImport() {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.eventlens"));
             Histograms histograms = new Histograms(store)) {
            assertThat(histograms.overview()).as("no events: nothing to draw").isEmpty();
            importSeconds(store, "a", 0, 100, "order.created");
            BucketCounts first = histograms.overview().orElseThrow();
            assertThat(first.counted()).isEqualTo(100);
            assertThat(histograms.overview().orElseThrow()).as("unchanged project: the same counts").isSameAs(first);

            importSeconds(store, "b", 100, 150, "payment.failed");
            BucketCounts second = histograms.overview().orElseThrow();
            assertThat(second.counted()).isEqualTo(150);
            Histogram h = second.histogram(StackBy.TYPE, 4);
            assertThat(h.series()).containsExactly("order.created", "payment.failed");
            long failures = 0;
            for (int b = 0; b < h.buckets(); b++) {
                failures += h.failures(b);
            }
            assertThat(failures).isEqualTo(50);
        }
    }

    @Test
    void aWideRangeIsReBinnedAndANarrowOneRecountedFromItsEvents() {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.eventlens"));
             Histograms histograms = new Histograms(store)) {
            importSeconds(store, "a", 0, 10_000, "tick");
            BucketCounts wide = histograms.range(micros(0), micros(10_000), 100).orElseThrow();
            assertThat(wide.counted()).isEqualTo(10_000);
            assertThat(wide.bucketMicros()).as("100 s asked, rounded to 2 min bars").isEqualTo(120_000_000);
            assertThat(wide.fromMicros()).isEqualTo(micros(0));
            assertThat(wide.histogram(StackBy.TYPE, 2).total(0)).isEqualTo(120);

            BucketCounts narrow = histograms.range(micros(5_000), micros(5_010), 10).orElseThrow();
            assertThat(narrow.bucketMicros()).as("finer than the overview's buckets").isEqualTo(1_000_000);
            assertThat(narrow.counted()).isEqualTo(10);
            for (int b = 0; b < narrow.buckets(); b++) {
                assertThat(narrow.histogram(StackBy.TYPE, 2).total(b)).isEqualTo(1);
            }
        }
    }

    @Test
    void aScopedCountHoldsOnlyItsEventsOnTheWholeLogsGridAndStopsWhenCancelled() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.eventlens"));
             Histograms histograms = new Histograms(store)) {
            importSeconds(store, "a", 0, 100, "order.created");
            importSeconds(store, "b", 100, 150, "payment.failed");
            var failed = eventlens.model.store.TimeScan.Scope.of(store,
                    eventlens.model.query.QueryParser.parse("type:payment.*"));
            BucketCounts whole = histograms.overview().orElseThrow();
            BucketCounts scoped = histograms.overview(failed, () -> false).orElseThrow();
            assertThat(scoped.counted()).isEqualTo(50);
            assertThat(scoped.fromMicros()).as("the same grid").isEqualTo(whole.fromMicros());
            assertThat(scoped.bucketMicros()).isEqualTo(whole.bucketMicros());
            assertThat(histograms.overview(failed, () -> false).orElseThrow()).as("kept").isSameAs(scoped);
            assertThat(histograms.range(micros(0), micros(50), 10, failed, () -> false).orElseThrow().counted())
                    .as("nothing of the scope in the first 50 s").isZero();

            var created = eventlens.model.store.TimeScan.Scope.of(store,
                    eventlens.model.query.QueryParser.parse("NOT type:payment.*"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> histograms.overview(created, () -> true))
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
            assertThat(histograms.overview(created, () -> false).orElseThrow().counted())
                    .as("a cancelled count is not kept").isEqualTo(100);
        }
    }
}

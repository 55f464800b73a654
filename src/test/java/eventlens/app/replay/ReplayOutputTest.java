package eventlens.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import eventlens.replay.Delivery;
import eventlens.replay.ReplayMode;
import eventlens.replay.RunSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** While the engine works, counts follow every drain and rows at most every 300 ms, and always at its end. */
class ReplayOutputTest {
    private static final Instant AT = Instant.parse("2024-01-15T10:00:00Z");
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ReplayOutput output = new ReplayOutput(100, nanos::get);
    private final ReplayFeed feed = new ReplayFeed(null, 100);
    private final List<RunSummary> ended = new ArrayList<>();

    private void deliver(int from, int to) {
        for (int i = from; i <= to; i++) {
            Event e = new Event(i, "id-" + i, "t", null, AT, null, null, null, null, null, "{}", null, "{}", null);
            feed.delivered(new Delivery(i, e, AT, false, 1, List.of("h")));
        }
    }

    private void drain(boolean working) {
        output.drain(feed, working, s -> { }, ended::add);
    }

    @Test
    void rowsWaitWhileTheEngineWorksButCountsDoNot() {
        deliver(1, 10);
        drain(true);
        assertThat(output.deliveredCountProperty().get()).isEqualTo(10);
        assertThat(output.lastRecordedPositionProperty().get()).isEqualTo(10);
        assertThat(output.delivered()).as("shown at most every 300 ms while the engine works").isEmpty();

        nanos.addAndGet(ReplayOutput.ROWS_EVERY_NANOS);
        deliver(11, 12);
        drain(true);
        assertThat(output.delivered()).extracting(Delivery::index).hasSize(12).endsWith(12L);
    }

    @Test
    void theEndOfARunShowsEveryRowAtOnce() {
        deliver(1, 5);
        drain(true);
        RunSummary summary = new RunSummary(ReplayMode.ALL, 5, 0, 0, 0, 0, 0, 0, 0, 0, true);
        feed.playEnded(summary);
        drain(true);
        assertThat(output.delivered()).hasSize(5);
        assertThat(ended).containsExactly(summary);
    }

    @Test
    void theDrainAfterTheEngineStoppedShowsEveryRow() {
        deliver(1, 1);
        drain(false);
        assertThat(output.delivered()).hasSize(1);
    }
}

package eventlens.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import eventlens.replay.Delivery;
import eventlens.replay.LogLine;
import eventlens.replay.RunSummary;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReplayFeedTest {
    private static final Instant AT = Instant.parse("2024-01-15T10:00:00Z");

    private static Delivery delivery(long index, long position, boolean published) {
        Event e = new Event(position, "id-" + index, "order.created", null, AT, null, null, null, null, null, "{}", null,
                "{}", null);
        return new Delivery(index, e, AT, published, 1, List.of("h"));
    }

    @Test
    void keepsOnlyTheLastRowsOfEachKindBetweenTwoDrainsButCountsThemAll() {
        ReplayFeed feed = new ReplayFeed(null, 3);
        for (int i = 1; i <= 10; i++) {
            feed.delivered(delivery(i, i * 10L, false));
        }
        feed.delivered(delivery(11, 5, true)); // a published event's delivery does not move the recorded position
        feed.logged(new LogLine(11, AT, "h", "id-11", "hello"));

        ReplayFeed.Taken t = feed.take();

        assertThat(t.isEmpty()).isFalse();
        assertThat(t.delivered.added()).isEqualTo(11);
        assertThat(t.delivered.items()).extracting(Delivery::index).containsExactly(9L, 10L, 11L);
        assertThat(t.lastRecordedPosition).isEqualTo(100);
        assertThat(t.console.items()).extracting(ConsoleLine::text).containsExactly("#11 h: hello");
        assertThat(feed.take().isEmpty()).as("a second take finds nothing new").isTrue();
    }

    @Test
    void stopsAndEndsKeepTheirOrderAfterTheRows() {
        ReplayFeed feed = new ReplayFeed(null, 3);
        RunSummary first = summary(1);
        RunSummary second = summary(2);
        feed.playEnded(first);
        feed.delivered(delivery(1, 1, false));
        feed.playEnded(second);

        ReplayFeed.Taken t = feed.take();

        assertThat(t.after).containsExactly(new ReplayFeed.Ended(first), new ReplayFeed.Ended(second));
    }

    @Test
    void nothingDeliveredWhileADrainTakesIsLost() throws Exception {
        ReplayFeed feed = new ReplayFeed(null, 100);
        AtomicBoolean done = new AtomicBoolean();
        Thread engine = new Thread(() -> {
            for (int i = 1; i <= 200_000; i++) {
                feed.delivered(delivery(i, i, false));
            }
            done.set(true);
        });
        engine.start();
        AtomicLong seen = new AtomicLong();
        while (!done.get()) {
            seen.addAndGet(feed.take().delivered.added());
        }
        engine.join();
        seen.addAndGet(feed.take().delivered.added());
        assertThat(seen.get()).isEqualTo(200_000);
    }

    private static RunSummary summary(long delivered) {
        return new RunSummary(eventlens.replay.ReplayMode.ALL, delivered, 0, 0, 0, 0, 0, 0, 0, 0, false);
    }
}

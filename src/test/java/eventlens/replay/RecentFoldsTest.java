package eventlens.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The window answers exactly what a plain list of its last events would, whatever wraps and leaves it. */
class RecentFoldsTest {
    private static Event event(long key, String aggregate) {
        return new Event(key, "e" + key, "t", null, null, "A", aggregate, null, null, null, "{}", null, "{}", null);
    }

    @Test
    void eventsOfAnAggregateAreTheWindowsOwnInDeliveryOrderAfterTheKey() {
        int capacity = 16;
        RecentFolds window = new RecentFolds(capacity);
        List<Event> all = new ArrayList<>();
        Random random = new Random(7);
        long key = 0;
        for (int i = 0; i < 2_000; i++) {
            key += 1 + random.nextInt(3);
            Event e = event(key, "a-" + random.nextInt(i < 1_000 ? 5 : 40));
            window.add(key, e);
            all.add(e);
            String asked = "a-" + random.nextInt(40);
            long after = key - random.nextInt(60);
            List<Long> expected = all.subList(Math.max(0, all.size() - capacity), all.size()).stream()
                    .filter(x -> x.aggregateId().equals(asked) && x.position() > after).map(Event::position).toList();
            assertThat(window.eventsOf(asked, after)).extracting(EventSource.Keyed::key)
                    .as("after adding #%d, %s after key %d", i, asked, after).isEqualTo(expected);
        }
    }
}

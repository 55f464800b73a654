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

    @Test
    void askedFirstAfterManyEventsLeftTheWindowItNeverClaimsToCoverWhatLeft() {
        for (int firstQuestion : new int[] {0, 500}) {
            int capacity = 16;
            RecentFolds window = new RecentFolds(capacity);
            List<Event> all = new ArrayList<>();
            Random random = new Random(11);
            int covered = 0;
            for (int i = 0; i < 2_000; i++) {
                long key = i * 2L;
                // before the first question, aggregates that later runs never see again
                Event e = event(key, i < 500 ? "early-" + random.nextInt(200) : "a-" + random.nextInt(i < 1_000 ? 5 : 60));
                window.add(key, e);
                all.add(e);
                if (i < firstQuestion) {
                    continue; // no state read yet: the window keeps no index
                }
                String asked = random.nextBoolean() ? "early-" + random.nextInt(200) : "a-" + random.nextInt(60);
                long after = random.nextBoolean() ? -1 : key - random.nextInt(80);
                List<Event> inWindow = all.subList(Math.max(0, all.size() - capacity), all.size());
                List<Long> expected = inWindow.stream()
                        .filter(x -> x.aggregateId().equals(asked) && x.position() > after).map(Event::position).toList();
                assertThat(window.eventsOf(asked, after)).extracting(EventSource.Keyed::key).isEqualTo(expected);
                boolean leftTheWindow = all.subList(0, all.size() - inWindow.size()).stream()
                        .anyMatch(x -> x.aggregateId().equals(asked) && x.position() > after);
                if (window.covers(asked, after)) {
                    covered++;
                    assertThat(leftTheWindow).as("first question at %d, #%d: %s after %d", firstQuestion, i, asked, after)
                            .isFalse();
                }
            }
            assertThat(covered).as("the window answers some questions on its own").isPositive();
        }
    }
}

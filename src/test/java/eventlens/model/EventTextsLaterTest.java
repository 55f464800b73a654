package eventlens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An event whose texts are read when first asked for (decision 0070) is the event built with them. */
class EventTextsLaterTest {
    private static final Instant T = Instant.parse("2024-01-15T10:00:00.123456789Z");
    private static final Origin ORIGIN = new Origin("a.jsonl", 3, "json");

    private static Event eager() {
        return new Event(7, "e1", "order.created", "svc", T, "Order", "o-1", 2L, "c1", null, "{\"n\":1}", null,
                "{\"id\":\"e1\",\"data\":{\"n\":1}}", ORIGIN);
    }

    private static Event later(java.util.function.Supplier<Event.Texts> texts) {
        return Event.withTexts(7, "e1", "order.created", "svc", T, "Order", "o-1", 2L, "c1", null, ORIGIN, texts);
    }

    @Test
    void theTextsAreReadOnceWhenFirstAskedForAndTheEventEqualsTheOneBuiltWithThem() {
        AtomicInteger reads = new AtomicInteger();
        Event e = later(() -> {
            reads.incrementAndGet();
            return new Event.Texts("{\"n\":1}", null, "{\"id\":\"e1\",\"data\":{\"n\":1}}");
        });
        assertThat(e.time()).isEqualTo(eager().time()); // cut to microseconds as the constructor does
        assertThat(e.type()).isEqualTo("order.created");
        assertThat(reads).hasValue(0);
        assertThat(e.textsPending()).isTrue();
        assertThat(e.dataTree().get("n").asInt()).isEqualTo(1);
        assertThat(e.raw()).isEqualTo(eager().raw());
        assertThat(e.metadata()).isNull();
        assertThat(reads).hasValue(1);
        assertThat(e).isEqualTo(eager()).hasSameHashCodeAs(eager()).hasToString(eager().toString());
        assertThat(e.withPosition(8).position()).isEqualTo(8);
        assertThat(eager().textsPending()).isFalse();
    }

    @Test
    void textsThatFailToReadFailTheCallAndAreTriedAgainAtTheNext() {
        AtomicInteger reads = new AtomicInteger();
        Event e = later(() -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("the store is busy");
            }
            return new Event.Texts(null, null, "{}");
        });
        assertThatThrownBy(e::data).hasMessage("the store is busy");
        assertThat(e.textsPending()).isTrue();
        assertThat(e.raw()).isEqualTo("{}");
        assertThat(reads).hasValue(2);
    }

    @Test
    void textsWithoutARecordTextFailAsTheConstructorDoes() {
        Event e = later(() -> new Event.Texts("{}", null, null));
        assertThatThrownBy(e::raw).isInstanceOf(NullPointerException.class).hasMessage("raw");
        assertThatThrownBy(() -> new Event(1, "x", null, null, null, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("raw");
    }
}

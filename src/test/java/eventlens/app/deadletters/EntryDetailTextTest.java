package eventlens.app.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.DeadLetter;
import eventlens.model.Origin;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The entry's title and error text where a dead letter names no handler, as SQS and EventBridge ones do. */
class EntryDetailTextTest {
    static DeadLetter entry(String handler, String queue, String errorType) {
        Instant at = Instant.parse("2024-04-15T12:45:56Z");
        return new DeadLetter(0, "evt-1", null, handler, queue, null, errorType, "moved to the dead-letter queue",
                null, 2, at, at, null, "{}", new Origin("dlq.json", 1, "test"));
    }

    @Test
    void givenNoHandler_thenTheTitleNamesTheQueueOrTheFailureAloneAndTheTextADash() {
        assertThat(EntryDetailViewModel.title(entry("worker", "q", "Timeout"))).isEqualTo("Timeout in worker");
        assertThat(EntryDetailViewModel.title(entry(null, "orders-dlq", null))).isEqualTo("Failure on orders-dlq");
        assertThat(EntryDetailViewModel.title(entry(null, null, "Timeout"))).isEqualTo("Timeout");
        assertThat(EntryDetailViewModel.errorText(entry(null, "orders-dlq", null)))
                .contains("handler - · queue orders-dlq · attempts 2").doesNotContain("null");
    }
}

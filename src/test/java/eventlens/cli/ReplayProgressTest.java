package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.replay.Delivery;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {
    long now;

    static Delivery step(long index) {
        return new Delivery(index, null, Instant.EPOCH, false, 1, List.of());
    }

    @Test
    void givenATerminal_whenStepsGoOn_thenALineShowsAtMostFourTimesASecondAndIsClearedAtTheEnd() {
        StringWriter err = new StringWriter();
        ReplayProgress p = new ReplayProgress(new PrintWriter(err), true, () -> now);
        now = 100_000_000L;
        p.delivered(step(1));
        assertThat(err.toString()).isEmpty();
        p.failed(null);
        p.failed(null);
        p.deadLettered(null);
        now = 300_000_000L;
        p.delivered(step(2));
        assertThat(err.toString()).isEqualTo("\rreplaying: 2 steps, 2 failed, 1 dead-lettered   ");
        now = 400_000_000L;
        p.delivered(step(3));
        assertThat(err.toString()).doesNotContain("3 steps");
        p.clear();
        assertThat(err.toString()).endsWith("\r" + " ".repeat(70) + "\r");
    }

    @Test
    void givenNoTerminal_thenNothingIsWritten() {
        StringWriter err = new StringWriter();
        ReplayProgress p = new ReplayProgress(new PrintWriter(err), false, () -> now);
        now = 10_000_000_000L;
        p.delivered(step(1));
        p.clear();
        assertThat(err.toString()).isEmpty();
    }
}

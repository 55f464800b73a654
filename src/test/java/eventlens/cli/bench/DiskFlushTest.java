package eventlens.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiskFlushTest {
    @Test
    void aFlushThatRunsSaysHowLongItTook() {
        assertThat(DiskFlush.run(List.of("sh", "-c", "sleep 0.2"))).hasValueSatisfying(took ->
                assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(200)));
    }

    @Test
    void aCommandThatIsMissingOrFailsIsNoFlushAndTheRunGoesOn() {
        assertThat(DiskFlush.run(List.of("no-such-command-eventlens"))).isEmpty();
        assertThat(DiskFlush.run(List.of("sh", "-c", "exit 3"))).isEmpty();
    }
}

package eventlens.model.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SampleLogTest {

    private static String generate(long seed, long lines) throws IOException {
        StringWriter out = new StringWriter();
        assertThat(new SampleLog(seed).write(out, lines)).isEqualTo(lines);
        return out.toString();
    }

    private static LogCheck check(String log) {
        LogCheck check = new LogCheck();
        log.lines().forEach(check::line);
        return check;
    }

    @Test
    void sameSeedGivesTheSameBytes() throws IOException {
        assertThat(generate(7, 5_000)).isEqualTo(generate(7, 5_000));
    }

    @Test
    void differentSeedsGiveDifferentLogs() throws IOException {
        assertThat(generate(7, 1_000)).isNotEqualTo(generate(8, 1_000));
    }

    @Test
    void aShorterLogIsAPrefixOfALongerOne() throws IOException {
        assertThat(generate(3, 10_000)).startsWith(generate(3, 2_000));
    }

    @Test
    void writesExactlyTheRequestedNumberOfLines() throws IOException {
        for (long n : new long[] {0, 1, 2, 17, 999, 4_321}) {
            String log = generate(11, n);
            assertThat(log.lines().count()).as("lines for %d", n).isEqualTo(n);
            assertThat(log.isEmpty() || log.endsWith("\n")).isTrue();
        }
    }

    @Test
    void summaryCountsWhatWasWritten() throws IOException {
        StringWriter out = new StringWriter();
        SampleLog.Summary summary = new SampleLog(5).generate(out, 20_000);
        LogCheck check = check(out.toString());
        assertThat(summary.lines()).isEqualTo(20_000);
        assertThat(summary.events()).isEqualTo(check.eventList.size());
        assertThat(summary.deadLetters()).isEqualTo(check.deadLetters.size());
        assertThat(summary.events() + summary.deadLetters()).isEqualTo(summary.lines());
        assertThat(summary.paymentFailures()).isEqualTo(check.count("payment.failed"));
        assertThat(summary.maxDepth()).isEqualTo(check.maxDepth);
        assertThat(summary.orders()).isGreaterThanOrEqualTo(check.count("order.created"));
    }

    @Test
    void everyLineKeepsTheEnvelopeAndCausalInvariants() throws IOException {
        LogCheck check = check(generate(42, 30_000));
        assertThat(check.eventList).isNotEmpty();
        assertThat(check.deadLetters).isNotEmpty();
    }

    @Test
    void causationChainsReachDepthEightWithinTenThousandEvents() throws IOException {
        assertThat(check(generate(1, 10_000)).maxDepth).isGreaterThanOrEqualTo(8);
    }

    @Test
    void failuresAndDeadLettersAreASmallShare() throws IOException {
        LogCheck check = check(generate(99, 100_000));
        double orders = check.count("order.created");
        double paymentFailed = check.count("payment.failed") / orders;
        assertThat(paymentFailed).as("share of orders whose payment failed").isBetween(0.01, 0.03);
        assertThat(check.count("order.flagged") / orders).isBetween(0.003, 0.02);
        assertThat(check.count("inventory.out_of_stock") / orders).isBetween(0.003, 0.02);
        double deadLetterShare = check.deadLetters.size() / 100_000.0;
        assertThat(deadLetterShare).as("share of dead-letter lines").isBetween(0.002, 0.01);
    }

    @Test
    void failedPaymentsAreCompensatedAndDeadLettered() throws IOException {
        LogCheck check = check(generate(99, 50_000));
        Set<String> deadLetteredEvents = new HashSet<>();
        check.deadLetters.forEach(d -> deadLetteredEvents.add(d.get("event").get("id").asText()));
        Map<String, Set<String>> effectTypes = new HashMap<>();
        for (JsonNode e : check.eventList) {
            String cause = e.get("metadata").path("causationId").asText(null);
            if (cause != null) {
                effectTypes.computeIfAbsent(cause, c -> new HashSet<>()).add(e.get("type").asText());
            }
        }
        long failures = 0;
        for (JsonNode failed : check.eventList) {
            if (!failed.get("type").asText().equals("payment.failed")) {
                continue;
            }
            failures++;
            assertThat(deadLetteredEvents).contains(failed.get("metadata").get("causationId").asText());
            Set<String> effects = effectTypes.getOrDefault(failed.get("id").asText(), Set.of());
            // an order placed just before the end of the log may be cut before its compensation
            if (!effects.isEmpty()) {
                assertThat(effects).containsExactlyInAnyOrder("inventory.released", "order.cancelled");
            }
        }
        assertThat(failures).isPositive();
    }

    @Test
    void deadLettersFallIntoAFewFingerprintGroups() throws IOException {
        LogCheck check = check(generate(4, 50_000));
        Set<String> groups = new HashSet<>();
        for (JsonNode d : check.deadLetters) {
            groups.add(eventlens.model.Fingerprint.of(null, d.get("error").asText(), d.get("stack").asText()));
        }
        assertThat(groups).hasSizeBetween(2, 4);
    }

    @Test
    void linesAverageThreeToFourHundredAndFiftyBytes() throws IOException {
        String log = generate(42, 10_000);
        double average = (double) log.length() / 10_000;
        assertThat(average).isBetween(300.0, 450.0);
    }

    @Test
    void refusesANegativeLineCount() {
        assertThatThrownBy(() -> new SampleLog(1).write(Writer.nullWriter(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

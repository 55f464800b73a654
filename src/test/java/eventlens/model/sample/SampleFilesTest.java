package eventlens.model.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Fingerprint;
import eventlens.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written logs in {@code samples/} keep the same invariants as generated ones. */
class SampleFilesTest {
    private static final Path SAMPLES = Path.of("samples");

    private static LogCheck check(String file) throws IOException {
        LogCheck check = new LogCheck();
        try (var lines = Files.lines(SAMPLES.resolve(file))) {
            lines.forEach(check::line);
        }
        return check;
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders.jsonl", "bank-accounts.jsonl", "content-pipeline.jsonl"})
    void sampleKeepsEnvelopeAndCausalInvariants(String file) throws IOException {
        LogCheck check = check(file);
        assertThat(check.eventList).isNotEmpty();
        assertThat(check.deadLetters).as("dead letters live in their own file").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders.jsonl", "orders-dead-letters.jsonl", "bank-accounts.jsonl",
            "content-pipeline.jsonl", "README.md"})
    void sampleIsSmall(String file) throws IOException {
        assertThat(Files.size(SAMPLES.resolve(file))).isPositive().isLessThan(200_000);
    }

    @Test
    void ordersCoverADayOfFiftyOrdersWithEachKindOfFailure() throws IOException {
        LogCheck orders = check("orders.jsonl");
        assertThat(orders.count("order.created")).isEqualTo(50);
        assertThat(orders.count("payment.failed")).isEqualTo(5);
        assertThat(orders.count("order.flagged")).isEqualTo(3);
        assertThat(orders.count("inventory.out_of_stock")).isEqualTo(2);
        assertThat(orders.count("order.cancelled")).isEqualTo(7);
        assertThat(orders.count("payment.processed")).isEqualTo(40);
        assertThat(orders.maxDepth).isGreaterThanOrEqualTo(7);
        for (JsonNode failed : orders.eventList) {
            if (failed.get("type").asText().equals("payment.failed")) {
                assertThat(effectsOf(orders, failed.get("id").asText()))
                        .containsExactlyInAnyOrder("inventory.released", "order.cancelled");
            }
        }
    }

    @Test
    void deadLettersLinkToOrderEventsAndFormThreeGroups() throws IOException {
        LogCheck check = check("orders.jsonl");
        check.restartClock();
        try (var lines = Files.lines(SAMPLES.resolve("orders-dead-letters.jsonl"))) {
            lines.forEach(line -> check.deadLetter(Json.parseOrMissing(line)));
        }
        assertThat(check.deadLetters).hasSize(8);
        Set<String> groups = new HashSet<>();
        Set<String> handlers = new HashSet<>();
        for (JsonNode d : check.deadLetters) {
            groups.add(Fingerprint.of(null, d.get("error").asText(), d.get("stack").asText()));
            handlers.add(d.get("handler").asText());
        }
        assertThat(groups).hasSize(3);
        assertThat(handlers).containsExactlyInAnyOrder("payment-service.chargeCard",
                "notification-service.sendSms", "analytics-service.recordOrder");
    }

    @Test
    void accountAcc1001GoesThroughBalances0To1000To800To500MinutesApart() throws IOException {
        LogCheck bank = check("bank-accounts.jsonl");
        assertThat(bank.eventList.get(0).get("aggregateId").asText()).isEqualTo("acc-1001");
        ObjectNode state = Json.mapper().createObjectNode();
        List<Long> balances = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (JsonNode e : bank.eventList) {
            if (e.get("aggregateId").asText().equals("acc-1001")) {
                mergePatch(state, e.get("data"));
                balances.add(state.get("balance").asLong());
                times.add(Instant.parse(e.get("timestamp").asText()));
            }
        }
        assertThat(balances).containsExactly(0L, 1000L, 800L, 500L);
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i))).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        }
        assertThat(state.get("owner").asText()).isNotBlank();
    }

    @Test
    void bankBalancesFollowFromTheAmounts() throws IOException {
        LogCheck bank = check("bank-accounts.jsonl");
        java.util.Map<String, java.math.BigDecimal> balance = new java.util.HashMap<>();
        for (JsonNode e : bank.eventList) {
            String account = e.get("aggregateId").asText();
            java.math.BigDecimal amount = e.get("data").path("amount").decimalValue();
            java.math.BigDecimal next = switch (e.get("type").asText()) {
                case "AccountOpened" -> java.math.BigDecimal.ZERO;
                case "MoneyDeposited" -> balance.get(account).add(amount);
                case "MoneyWithdrawn" -> balance.get(account).subtract(amount);
                default -> balance.get(account);
            };
            assertThat(e.get("data").get("balance").decimalValue()).as("balance after %s", e.get("id"))
                    .isEqualByComparingTo(next);
            balance.put(account, next);
        }
        assertThat(balance).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void contentPipelineHasFifteenItemsAndTwoVirusRejections() throws IOException {
        LogCheck content = check("content-pipeline.jsonl");
        assertThat(content.count("content.uploaded")).isEqualTo(15);
        assertThat(content.count("content.rejected")).isEqualTo(2);
        assertThat(content.count("content.published")).isEqualTo(13);
    }

    private static Set<String> effectsOf(LogCheck check, String causeId) {
        Set<String> types = new HashSet<>();
        for (JsonNode e : check.eventList) {
            if (causeId.equals(e.get("metadata").path("causationId").asText(null))) {
                types.add(e.get("type").asText());
            }
        }
        return types;
    }

    /** RFC 7396 merge of {@code patch} into {@code target}. */
    private static void mergePatch(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.path(field.getKey()).isObject()) {
                mergePatch((ObjectNode) target.get(field.getKey()), value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        });
    }
}

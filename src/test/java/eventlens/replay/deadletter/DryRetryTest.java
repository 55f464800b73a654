package eventlens.replay.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.app.work.ScriptEngines;
import eventlens.cli.Main;
import eventlens.model.DeadLetter;
import eventlens.model.Json;
import eventlens.model.deadletter.DeadLetterContexts;
import eventlens.model.deadletter.DeadLetterExport;
import eventlens.model.deadletter.DeadLetterFilter;
import eventlens.model.deadletter.DeadLetterGroups;
import eventlens.model.state.StateAt;
import eventlens.model.store.ProjectStore;
import eventlens.replay.ReplayBudgets;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptEngine;
import eventlens.replay.script.ScriptException;
import eventlens.replay.script.ScriptLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRetryTest {
    @TempDir
    static Path dir;

    private ProjectStore store;
    private DeadLetterGroups groups;
    private ScriptEngine engine;

    @BeforeEach
    void openSample() {
        Path project = dir.resolve("orders.eventlens");
        if (!Files.exists(project)) {
            int code = Main.run(new String[] {"import", project.toString(), "samples/orders.jsonl",
                    "samples/orders-dead-letters.jsonl"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            assertThat(code).isZero();
        }
        store = ProjectStore.open(project);
        groups = new DeadLetterGroups(store);
        engine = ScriptEngines.start();
    }

    @AfterEach
    void close() {
        groups.close();
        store.close();
        engine.close();
    }

    private DryRunReport dryRun(ReplayScript script, DeadLetterFilter filter) {
        try (DryRetry retry = new DryRetry(new DeadLetterContexts(store), new StateAt(store), engine, script,
                ScriptLimits.DEFAULT, 0)) {
            return retry.retry(groups, filter);
        }
    }

    static ReplayScript script(String name) {
        try {
            return new ReplayScript(name, Files.readString(Path.of("samples/scripts", name)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fixedPaymentScriptMakesExactlyThePaymentTimeoutsSucceed() {
        DryRunReport report = dryRun(script("fixed-payment.js"), DeadLetterFilter.ALL);

        assertThat(report.summary()).isEqualTo("5 of 8 would now succeed");
        assertThat(report.counts()).containsAllEntriesOf(Map.of(
                RetryOutcome.SUCCEEDED, 5L, RetryOutcome.FAILED_AGAIN, 1L,
                RetryOutcome.STILL_FAILING_SAME_WAY, 2L, RetryOutcome.NOT_HANDLED, 0L));
        assertThat(report.succeeded()).extracting(DeadLetter::handler).containsOnly("payment-service.chargeCard").hasSize(5);
        assertThat(report.entries()).filteredOn(e -> e.outcome() == RetryOutcome.STILL_FAILING_SAME_WAY)
                .extracting(e -> e.deadLetter().handler()).containsOnly("notification-service.sendSms");
        DryRunEntry analytics = report.entries().stream().filter(e -> e.outcome() == RetryOutcome.FAILED_AGAIN).findFirst().orElseThrow();
        assertThat(analytics.error().errorType()).isEqualTo("UnknownRegion");
        assertThat(analytics.error().file()).isEqualTo("fixed-payment.js");
        assertThat(analytics.error().line()).isPositive();
    }

    @Test
    void aRetriedPaymentReadsTheOrderStateAtTheFailureAndPublishesAtThatTime() {
        DryRunEntry e = dryRun(script("fixed-payment.js"), DeadLetterFilter.ALL).entries().get(0);

        assertThat(e.event().id()).isEqualTo("evt-e6424db67758");
        assertThat(e.handlers()).containsExactly("payment-service.chargeCard");
        assertThat(e.retriedAt()).isEqualTo(Instant.parse("2024-01-15T09:58:45.109Z"));
        assertThat(e.published()).hasSize(1);
        var payment = e.published().get(0);
        assertThat(payment.type()).isEqualTo("payment.requested");
        assertThat(payment.time()).isEqualTo(e.retriedAt());
        assertThat(payment.causationId()).isEqualTo("evt-e6424db67758");
        assertThat(payment.correlationId()).isEqualTo("evt-fc52b416f6a3");
        assertThat(Json.parseOrMissing(payment.data()).get("amount").asDouble()).isEqualTo(208.47);
        assertThat(e.stateChanges()).singleElement().satisfies(c -> {
            assertThat(c.aggregateId()).isEqualTo("pay-1007");
            assertThat(c.after().get("status").asText()).isEqualTo("requested");
            assertThat(c.changed()).isTrue();
        });
    }

    @Test
    void theUnfixedHandlerStillFailsTheSameWay() {
        ReplayScript unfixed = new ReplayScript("payment-handler.js", """
                on('order.verified', (event, ctx) => {
                  const e = new Error(`gateway did not answer within 5000 ms for order ${event.data.orderId}`);
                  e.name = 'PaymentGatewayTimeout';
                  throw e;
                }, { name: 'payment-service.chargeCard' });
                """);
        DryRunReport report = dryRun(unfixed, DeadLetterFilter.ALL);

        assertThat(report.summary()).isEqualTo("0 of 8 would now succeed");
        assertThat(report.count(RetryOutcome.STILL_FAILING_SAME_WAY)).isEqualTo(5);
        assertThat(report.count(RetryOutcome.NOT_HANDLED)).isEqualTo(3);
    }

    @Test
    void theFlakySampleScriptDoesNotHandleThePaymentsAndFailsTheAnalyticsEntryAgain() {
        DryRunReport report = dryRun(script("flaky-payment.js"), DeadLetterFilter.ALL);

        assertThat(report.count(RetryOutcome.SUCCEEDED)).isZero();
        assertThat(report.count(RetryOutcome.NOT_HANDLED)).isEqualTo(7);
        DryRunEntry created = report.entries().stream().filter(e -> e.outcome() == RetryOutcome.FAILED_AGAIN).findFirst().orElseThrow();
        assertThat(created.error().message()).contains("gateway declined order-1026");
        assertThat(created.error().line()).isEqualTo(8);
    }

    @Test
    void aRunawayOrEscapingHandlerFailsAgainInsteadOfCrashing() {
        ReplayScript runaway = new ReplayScript("runaway.js", """
                on('order.verified', (event, ctx) => { while (true) { } }, { name: 'payment-service.chargeCard' });
                on('shipment.created', (event, ctx) => { Java.type('java.io.File'); });
                """);
        DryRunReport report = dryRun(runaway, DeadLetterFilter.ALL);

        assertThat(report.count(RetryOutcome.FAILED_AGAIN)).isEqualTo(7);
        assertThat(report.entries()).filteredOn(e -> e.event().type().equals("order.verified"))
                .allSatisfy(e -> assertThat(e.error().errorType()).isEqualTo("StatementLimitExceeded"));
        assertThat(report.entries()).filteredOn(e -> e.event().type().equals("shipment.created"))
                .allSatisfy(e -> assertThat(e.error().line()).isEqualTo(2));
    }

    @Test
    void theReplayLimitsHoldInADryRunAndEachFailureStaysWithItsEntry() {
        ReplayScript hostile = new ReplayScript("hostile-retry.js", """
                let calls = 0;
                on('order.verified', (event, ctx) => {
                  calls++;
                  ctx.log('call ' + calls);
                  if (calls === 1) /^(a+)+\\1$/.test('a'.repeat(40) + 'b');
                  if (calls === 2) { for (;;) ctx.publish('payment.requested', {}); }
                  if (calls === 5) throw new Proxy({}, { get: () => { while (true) {} } });
                }, { name: 'payment-service.chargeCard' });
                """);
        ScriptLimits limits = new ScriptLimits(100_000).withTime(Duration.ofSeconds(1));
        List<DryRunEntry> entries;
        try (DryRetry retry = new DryRetry(new DeadLetterContexts(store), new StateAt(store), engine, hostile, limits,
                new ReplayBudgets(20, 64, 1000), 0)) {
            entries = retry.retry(groups, DeadLetterFilter.ALL).entries().stream()
                    .filter(e -> e.event().type().equals("order.verified")).toList();
        }

        assertThat(entries).hasSize(5);
        assertThat(entries.get(0).error().errorType()).isEqualTo("TimeLimitExceeded");
        assertThat(entries.get(0).error().message()).isEqualTo("handler timed out after 1 s");
        assertThat(entries.get(1).error().errorType()).isEqualTo("CascadeBudgetExceeded");
        assertThat(entries.get(1).published()).as("a failed call keeps nothing it published").isEmpty();
        assertThat(entries.get(4).error().line()).isEqualTo(7);
        assertThat(entries).extracting(DryRunEntry::outcome).containsExactly(RetryOutcome.FAILED_AGAIN,
                RetryOutcome.FAILED_AGAIN, RetryOutcome.SUCCEEDED, RetryOutcome.SUCCEEDED, RetryOutcome.FAILED_AGAIN);
        // the interrupt kept the context (calls went on counting), and every entry kept its log
        assertThat(entries).extracting(e -> e.log().get(0)).containsExactly("payment-service.chargeCard: call 1",
                "payment-service.chargeCard: call 2", "payment-service.chargeCard: call 3", "payment-service.chargeCard: call 4",
                "payment-service.chargeCard: call 5");
    }

    @Test
    void aScriptThatDoesNotLoadIsReportedNotRun() {
        assertThatThrownBy(() -> dryRun(new ReplayScript("broken.js", "on('x', ("), DeadLetterFilter.ALL))
                .isInstanceOf(ScriptException.class);
    }

    @Test
    void theSameDryRunTwiceGivesTheSameOutcomes() {
        List<JsonNode> first = dryRun(script("fixed-payment.js"), DeadLetterFilter.ALL).entries().stream()
                .map(e -> (JsonNode) DryRunJson.entry(e)).toList();
        List<JsonNode> second = dryRun(script("fixed-payment.js"), DeadLetterFilter.ALL).entries().stream()
                .map(e -> (JsonNode) DryRunJson.entry(e)).toList();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aFilterRetriesOneGroup() {
        String sms = groups.all(new DeadLetterFilter(null, "notification-service.sendSms", null, null, null, null, null))
                .get(0).fingerprint();
        DryRunReport report = dryRun(script("fixed-payment.js"), DeadLetterFilter.ALL.withFingerprint(sms));
        assertThat(report.summary()).isEqualTo("0 of 2 would now succeed");
    }

    @Test
    void theExportOfTheSucceededHoldsTheOriginalMessagesWithTheRedeliveryMember() {
        DryRunReport report = dryRun(script("fixed-payment.js"), DeadLetterFilter.ALL);
        DeadLetterExport export = new DeadLetterExport(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        List<JsonNode> lines = report.succeeded().stream().map(d -> Json.parseOrMissing(export.line(d))).toList();

        assertThat(lines).extracting(l -> l.get("id").asText()).containsExactly("evt-e6424db67758", "evt-460bda90ae6a",
                "evt-a8e8f2d7c440", "evt-f05a3ff7921f", "evt-4cfbe468f1e0");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.get("metadata").get("correlationId").isTextual()).isTrue();
            assertThat(l.get(DeadLetterExport.REDELIVERY).get("handler").asText()).isEqualTo("payment-service.chargeCard");
        });
    }
}

package eventlens.cli;

import static eventlens.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateCommandTest {
    @TempDir
    Path dir;
    String project;

    @BeforeEach
    void givenTheBankSample() {
        project = dir.resolve("p.db").toString();
        assertThat(run("import", project, "samples/bank-accounts.jsonl").code()).isZero();
    }

    @Test
    void stateBetweenTheWithdrawalsShowsBalance800() throws Exception {
        CommandLineTest.Run r = run("state", project, "acc-1001", "--at", "2024-01-15T09:15:00Z", "--json");
        assertThat(r.code()).isZero();
        JsonNode o = Json.mapper().readTree(r.out());
        assertThat(o.get("state").get("balance").intValue()).isEqualTo(800);
        assertThat(o.get("version").longValue()).isEqualTo(3);
        assertThat(o.get("eventCount").longValue()).isEqualTo(3);
        assertThat(o.get("lastEventType").asText()).isEqualTo("MoneyWithdrawn");
        assertThat(o.get("asOf").asText()).isEqualTo("2024-01-15T09:15:00Z");
        assertThat(o.get("anomalies").isEmpty()).isTrue();
    }

    @Test
    void stateAtAVersionInText() {
        CommandLineTest.Run r = run("state", project, "acc-1001", "--version", "2");
        assertThat(r.code()).isZero();
        assertThat(r.lines().get(0)).isEqualTo("acc-1001 (BankAccount) version 2, at version 2, from 2 events "
                + "(last: MoneyDeposited at 2024-01-15T09:05:00Z)");
        assertThat(r.out()).contains("\"balance\" : 1000");
    }

    @Test
    void changedBalanceListsExactlyTheEventsThatSetIt() throws Exception {
        CommandLineTest.Run text = run("state", project, "acc-1001", "--changed", "balance");
        assertThat(text.code()).isZero();
        assertThat(text.lines()).hasSize(4);
        assertThat(text.lines().get(0)).endsWith("AccountOpened\tv1\t(absent) → 0");
        assertThat(text.lines().get(2)).endsWith("MoneyWithdrawn\tv3\t1000 → 800");
        JsonNode o = Json.mapper().readTree(run("state", project, "acc-1001", "--changed", "/balance", "--json").out());
        assertThat(o.get("changes")).hasSize(4);
        assertThat(o.get("changes").get(3).get("before").intValue()).isEqualTo(800);
        assertThat(o.get("changes").get(3).get("after").intValue()).isEqualTo(500);
        assertThat(o.get("changes").get(0).has("before")).isFalse();
    }

    @Test
    void diffFromBetweenTheWithdrawalsToLater() throws Exception {
        CommandLineTest.Run r = run("state", project, "acc-1001", "--at", "2024-01-15T09:15", "--diff", "2024-01-15T09:25");
        assertThat(r.code()).isZero();
        assertThat(r.lines()).contains("~ balance: 800 → 500", "~ amount: 200 → 300");
        JsonNode o = Json.mapper().readTree(run("state", project, "acc-1001", "--version", "1", "--diff",
                "2024-01-15T09:06", "--json").out());
        assertThat(o.get("changes")).anySatisfy(c -> {
            assertThat(c.get("path").asText()).isEqualTo("amount");
            assertThat(c.get("kind").asText()).isEqualTo("ADDED");
        });
    }

    @Test
    void anUnknownAggregateFailsWithExitCode1() {
        CommandLineTest.Run r = run("state", project, "acc-nope");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no aggregate 'acc-nope'");
    }

    @Test
    void badUsageExitsWith2() {
        assertThat(run("state", project, "acc-1001", "--at", "2024-01-15", "--version", "2").code()).isEqualTo(2);
        assertThat(run("state", project, "acc-1001", "--at", "yesterday").code()).isEqualTo(2);
        assertThat(run("state", project, "acc-1001", "--changed", "items[x]").code()).isEqualTo(2);
        assertThat(run("state", project, "acc-1001", "--changed", "balance", "--diff", "2024-01-16").code()).isEqualTo(2);
        assertThat(run("state", dir.resolve("missing.db").toString(), "acc-1001").code()).isEqualTo(1);
    }

    @Test
    void aggregatesListsTheAccounts() throws Exception {
        CommandLineTest.Run r = run("aggregates", project, "--type", "BankAccount", "--limit", "2");
        assertThat(r.code()).isZero();
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(0)).startsWith("acc-1001\tBankAccount\t4\t2024-01-15T09:00:00Z\t2024-01-15T09:20:00Z\tv4\tok");
        CommandLineTest.Run json = run("aggregates", project, "--json");
        JsonNode first = Json.mapper().readTree(json.lines().get(0));
        assertThat(first.get("aggregateId").asText()).isEqualTo("acc-1001");
        assertThat(first.get("events").intValue()).isEqualTo(4);
        assertThat(run("aggregates", project, "--type", "Nope").lines()).isEmpty();
    }

    @Test
    void theStateBenchmarkRunsOnASmallAggregate() {
        CommandLineTest.Run r = run("benchmark", "state", "--events", "1000", "--samples", "3", "--samples-without", "1",
                "--work", dir.resolve("bench").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("| state at a random time, with snapshots | 3 |", "builds 10 snapshots");
        try (eventlens.model.store.ProjectStore store = eventlens.model.store.ProjectStore.open(
                dir.resolve("bench").resolve("state-1000.eventlens"))) {
            assertThat(store.missingIndexes()).as("timed with the indexes `eventlens import` leaves (decision 0067)")
                    .isEmpty();
        }
    }
}

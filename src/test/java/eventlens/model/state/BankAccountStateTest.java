package eventlens.model.state;

import static eventlens.model.state.AggregateFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seeds' bank account acc-1001: opened 0, deposit 1000, withdraw 200, withdraw 300. */
class BankAccountStateTest {
    static final String ACC = "acc-1001";
    static final Event OPENED = event(ACC, "BankAccount", "AccountOpened", 1L, "2024-01-15T09:00:00Z",
            "{\"accountId\":\"acc-1001\",\"owner\":\"Alice Martin\",\"currency\":\"EUR\",\"status\":\"open\",\"balance\":0}");
    static final Event DEPOSITED = event(ACC, "BankAccount", "MoneyDeposited", 2L, "2024-01-15T09:05:00Z",
            "{\"amount\":1000,\"balance\":1000,\"reference\":\"cash deposit\"}");
    static final Event WITHDRAWN_200 = event(ACC, "BankAccount", "MoneyWithdrawn", 3L, "2024-01-15T09:12:00Z",
            "{\"amount\":200,\"balance\":800,\"reference\":\"ATM Alexanderplatz\"}");
    static final Event WITHDRAWN_300 = event(ACC, "BankAccount", "MoneyWithdrawn", 4L, "2024-01-15T09:20:00Z",
            "{\"amount\":300,\"balance\":500,\"reference\":\"rent share\"}");

    @TempDir
    Path dir;
    AggregateFixture fixture;
    StateAt states;

    @BeforeEach
    void givenTheAccountHistory() {
        fixture = AggregateFixture.in(dir).given(OPENED, DEPOSITED, WITHDRAWN_200, WITHDRAWN_300);
        states = fixture.states();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @ParameterizedTest(name = "version {0} → balance {1}")
    @CsvSource({"1, 0, AccountOpened", "2, 1000, MoneyDeposited", "3, 800, MoneyWithdrawn", "4, 500, MoneyWithdrawn",
        "99, 500, MoneyWithdrawn"})
    void balanceAtEveryVersion(long version, int balance, String lastType) {
        AggregateState s = states.atVersion(ACC, version).orElseThrow();
        assertThat(s.data().get("balance").intValue()).isEqualTo(balance);
        assertThat(s.meta().lastEventType()).isEqualTo(lastType);
        assertThat(s.meta().version()).isEqualTo(Math.min(version, 4));
        assertThat(s.meta().eventCount()).isEqualTo(Math.min(version, 4));
        assertThat(s.meta().aggregateType()).isEqualTo("BankAccount");
    }

    @ParameterizedTest(name = "at {0} → balance {1}")
    @CsvSource({"2024-01-15T09:00:00Z, 0", "2024-01-15T09:04:59Z, 0", "2024-01-15T09:05:00Z, 1000",
        "2024-01-15T09:11:00Z, 1000", "2024-01-15T09:15:00Z, 800", "2024-01-15T09:19:59.999999Z, 800",
        "2024-01-15T09:20:00Z, 500", "2030-01-01T00:00:00Z, 500"})
    void balanceAtTimesBetweenEvents(String time, int balance) {
        AggregateState s = states.atTime(ACC, Instant.parse(time)).orElseThrow();
        assertThat(s.data().get("balance").intValue()).isEqualTo(balance);
    }

    @Test
    void beforeTheFirstEventTheStateIsInitial() {
        AggregateState s = states.atTime(ACC, Instant.parse("2024-01-15T08:59:59Z")).orElseThrow();
        assertThat(s.isInitial()).isTrue();
        assertThat(s.data().isEmpty()).isTrue();
        assertThat(s.meta().aggregateType()).isEqualTo("BankAccount");
    }

    @Test
    void latestStateMergesEveryEventAndKeepsTheBookkeepingApart() {
        AggregateState s = states.latest(ACC).orElseThrow();
        assertThat(s.data().get("owner").asText()).isEqualTo("Alice Martin");
        assertThat(s.data().get("reference").asText()).isEqualTo("rent share");
        assertThat(s.data().get("amount").intValue()).isEqualTo(300);
        assertThat(s.meta().lastEventTime()).isEqualTo(Instant.parse("2024-01-15T09:20:00Z"));
        assertThat(s.data().has("version")).isFalse();
    }

    @Test
    void anUnknownAggregateHasNoState() {
        assertThat(states.latest("acc-nope")).isEmpty();
        assertThat(states.atVersion("acc-nope", 1)).isEmpty();
    }

    @Test
    void whoChangedBalanceListsTheFourEventsThatSetIt() {
        List<FieldChange> changes = new WhoChanged(states).of(ACC, JsonPath.parse("balance"));
        assertThat(changes).extracting(c -> c.event().id())
                .containsExactly(OPENED.id(), DEPOSITED.id(), WITHDRAWN_200.id(), WITHDRAWN_300.id());
        assertThat(changes.get(0).kind()).isEqualTo(Change.Kind.ADDED);
        assertThat(changes.get(2).before().intValue()).isEqualTo(1000);
        assertThat(changes.get(2).after().intValue()).isEqualTo(800);
    }

    @Test
    void whoChangedOwnerListsOnlyTheOpening() {
        assertThat(new WhoChanged(states).of(ACC, JsonPath.parse("/owner"))).extracting(c -> c.event().id())
                .containsExactly(OPENED.id());
    }

    @Test
    void diffBetweenTheWithdrawals() {
        AggregateState at0915 = states.atTime(ACC, Instant.parse("2024-01-15T09:15:00Z")).orElseThrow();
        AggregateState latest = states.latest(ACC).orElseThrow();
        List<Change> changes = JsonDiff.diff(at0915.data(), latest.data());
        assertThat(changes).extracting(c -> c.path().toString()).containsExactly("balance", "amount", "reference");
        assertThat(changes).allMatch(c -> c.kind() == Change.Kind.CHANGED);
        assertThat(changes.get(0).before().intValue()).isEqualTo(800);
        assertThat(changes.get(0).after().intValue()).isEqualTo(500);
    }

    @Test
    void historyStepsThroughEveryEventWithItsChanges() {
        List<HistoryStep> steps = states.history(ACC, eventlens.model.store.AggregateCursor.START, 10);
        assertThat(steps).hasSize(4);
        assertThat(steps.get(3).before().data().get("balance").intValue()).isEqualTo(800);
        assertThat(steps.get(3).after().data().get("balance").intValue()).isEqualTo(500);
        List<HistoryStep> rest = states.history(ACC, eventlens.model.store.AggregateCursor.after(steps.get(1).event()), 10);
        assertThat(rest).hasSize(2);
        assertThat(rest.get(0).before().data().get("balance").intValue()).isEqualTo(1000);
    }

    @Test
    void theHistoryHasNoAnomalies() {
        assertThat(Anomalies.of(fixture.store(), ACC)).isEmpty();
    }
}

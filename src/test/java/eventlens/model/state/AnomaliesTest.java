package eventlens.model.state;

import static eventlens.model.state.AggregateFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every anomaly is reported, and the state is still built. */
class AnomaliesTest {
    @TempDir
    Path dir;

    static Event acc(String type, Long version, String time, int balance) {
        return event("acc-9", "BankAccount", type, version, time, "{\"balance\":" + balance + "}");
    }

    private List<HistoryAnomaly> givenThenAnomalies(Event... events) {
        try (AggregateFixture f = AggregateFixture.in(dir).given(events)) {
            assertThat(f.states().latest("acc-9")).isPresent(); // never a crash
            return Anomalies.of(f.store(), "acc-9");
        }
    }

    @Test
    void aVersionGapIsReportedWithTheMissingVersions() {
        List<HistoryAnomaly> found = givenThenAnomalies(acc("AccountOpened", 1L, "2024-01-01T00:00:00Z", 0),
                acc("MoneyDeposited", 4L, "2024-01-01T00:01:00Z", 10));
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(HistoryAnomaly.Kind.VERSION_GAP);
            assertThat(a.version()).isEqualTo(4L);
            assertThat(a.detail()).contains("versions 2..3 missing");
        });
    }

    @Test
    void twoEventsWithOneVersionAreAnOptimisticConcurrencyViolation() {
        Event first = acc("MoneyDeposited", 2L, "2024-01-01T00:01:00Z", 10);
        Event second = acc("MoneyWithdrawn", 2L, "2024-01-01T00:01:01Z", -5);
        try (AggregateFixture f = AggregateFixture.in(dir).given(acc("AccountOpened", 1L, "2024-01-01T00:00:00Z", 0),
                first, second)) {
            assertThat(Anomalies.of(f.store(), "acc-9")).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo(HistoryAnomaly.Kind.DUPLICATE_VERSION);
                assertThat(a.eventId()).isEqualTo(second.id());
                assertThat(a.detail()).contains("optimistic concurrency");
            });
            // Both are folded, in import order.
            AggregateState atV2 = f.states().atVersion("acc-9", 2).orElseThrow();
            assertThat(atV2.data().get("balance").intValue()).isEqualTo(-5);
            assertThat(atV2.meta().eventCount()).isEqualTo(3);
        }
    }

    @Test
    void eventsImportedOutOfVersionOrderAreFoldedByVersionAndReported() {
        Event v2 = acc("MoneyDeposited", 2L, "2024-01-01T00:01:00Z", 10);
        try (AggregateFixture f = AggregateFixture.in(dir).given(v2, acc("AccountOpened", 1L, "2024-01-01T00:00:00Z", 0))) {
            assertThat(Anomalies.of(f.store(), "acc-9")).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo(HistoryAnomaly.Kind.OUT_OF_ORDER);
                assertThat(a.eventId()).isEqualTo(v2.id());
                assertThat(a.detail()).contains("imported before version 1");
            });
            assertThat(f.states().latest("acc-9").orElseThrow().data().get("balance").intValue()).isEqualTo(10);
            assertThat(f.states().atVersion("acc-9", 1).orElseThrow().data().get("balance").intValue()).isZero();
        }
    }

    @Test
    void aHigherVersionWithAnEarlierTimeIsOutOfOrder() {
        List<HistoryAnomaly> found = givenThenAnomalies(acc("AccountOpened", 1L, "2024-01-01T00:05:00Z", 0),
                acc("MoneyDeposited", 2L, "2024-01-01T00:01:00Z", 10));
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(HistoryAnomaly.Kind.OUT_OF_ORDER);
            assertThat(a.detail()).contains("before version 1");
        });
    }

    @Test
    void eventsAfterADeletionAreReported() {
        List<HistoryAnomaly> found = givenThenAnomalies(acc("AccountOpened", 1L, "2024-01-01T00:00:00Z", 0),
                acc("AccountClosed", 2L, "2024-01-01T00:01:00Z", 0),
                acc("MoneyDeposited", 3L, "2024-01-01T00:02:00Z", 10));
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(HistoryAnomaly.Kind.AFTER_DELETION);
            assertThat(a.version()).isEqualTo(3L);
            assertThat(a.detail()).contains("MoneyDeposited after AccountClosed");
        });
    }

    @Test
    void theDeletionRuleMatchesCommonSpellingsOnly() {
        assertThat(List.of("AccountClosed", "OrderDeleted", "order.deleted", "cart.closed", "ACCOUNT_CLOSED",
                "user-deleted", "deleted", "Closed")).allMatch(Anomalies::isDeletion);
        assertThat(List.of("Disclosed", "AccountOpened", "closedAccountReopened", "undeletedMarker"))
                .noneMatch(Anomalies::isDeletion);
    }

    @Test
    void eventsWithoutAVersionAmongVersionedOnesAreReportedEach() {
        Event unversioned = acc("NoteAdded", null, "2024-01-01T00:03:00Z", 5);
        List<HistoryAnomaly> found = givenThenAnomalies(acc("AccountOpened", 1L, "2024-01-01T00:00:00Z", 0), unversioned,
                acc("MoneyDeposited", 2L, "2024-01-01T00:02:00Z", 10));
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(HistoryAnomaly.Kind.MISSING_VERSION);
            assertThat(a.eventId()).isEqualTo(unversioned.id());
        });
    }

    @Test
    void anAggregateWithoutVersionsIsFoldedInImportOrderAndReportedOnce() {
        try (AggregateFixture f = AggregateFixture.in(dir).given(acc("AccountOpened", null, "2024-01-01T00:00:00Z", 0),
                acc("MoneyDeposited", null, "2024-01-01T00:02:00Z", 10))) {
            assertThat(Anomalies.of(f.store(), "acc-9")).extracting(HistoryAnomaly::kind).containsExactly(HistoryAnomaly.Kind.UNVERSIONED);
            assertThat(f.states().latest("acc-9").orElseThrow().data().get("balance").intValue()).isEqualTo(10);
            // A stream with no versions at all (a table's change events) is ordered by position, not at fault.
            assertThat(f.store().summary("acc-9").orElseThrow().versionIssues()).isZero();
        }
    }

    @Test
    void theAggregateListCountsVersionIssuesInSql() {
        try (AggregateFixture f = AggregateFixture.in(dir).given(acc("AccountOpened", 1L, "2024-01-01T00:00:00Z", 0),
                acc("MoneyDeposited", 3L, "2024-01-01T00:01:00Z", 10), acc("MoneyDeposited", 3L, "2024-01-01T00:02:00Z", 20),
                acc("Note", null, "2024-01-01T00:03:00Z", 20))) {
            // one missing version (2), one duplicate (3), one event without a version
            assertThat(f.store().summary("acc-9").orElseThrow().versionIssues()).isEqualTo(3);
        }
    }
}

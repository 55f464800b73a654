package eventlens.model.deadletter;

import eventlens.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.DeadLetter;
import eventlens.model.Origin;
import eventlens.model.store.ImportWriter;
import eventlens.model.store.ProjectStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterGroupsTest {
    @TempDir
    Path dir;

    @Test
    void theSamplesEightDeadLettersFormThreeGroups() throws Exception {
        try (ProjectStore store = TestProjects.samples(dir); DeadLetterGroups groups = new DeadLetterGroups(store)) {
            List<DeadLetterGroup> all = groups.all(DeadLetterFilter.ALL);
            assertThat(all).extracting(DeadLetterGroup::count).containsExactly(5L, 2L, 1L);
            DeadLetterGroup timeouts = all.get(0);
            assertThat(timeouts.errorType()).isEqualTo("PaymentGatewayTimeout");
            assertThat(timeouts.handlers()).containsExactly("payment-service.chargeCard");
            assertThat(timeouts.eventTypes()).containsExactly("order.verified");
            assertThat(timeouts.firstFailure()).isBefore(timeouts.lastFailure());
            assertThat(timeouts.sampleMessage()).startsWith("gateway did not answer within 5000 ms");
            assertThat(all.get(1).errorType()).isEqualTo("ProviderRateLimited");
            assertThat(all.get(2).eventTypes()).containsExactly("order.created");
            assertThat(groups.count(DeadLetterFilter.ALL)).isEqualTo(3);
            assertThat(groups.page(DeadLetterFilter.ALL, 1, 1)).extracting(DeadLetterGroup::count).containsExactly(2L);
        }
    }

    @Test
    void filtersNarrowGroupsAndEntries() throws Exception {
        try (ProjectStore store = TestProjects.samples(dir); DeadLetterGroups groups = new DeadLetterGroups(store)) {
            DeadLetterFilter sms = new DeadLetterFilter(null, "notification-service.sendSms", null, null, null, null, null);
            assertThat(groups.all(sms)).singleElement().satisfies(g -> assertThat(g.count()).isEqualTo(2));
            DeadLetterFilter created = new DeadLetterFilter(null, null, "order.created", null, null, null, null);
            assertThat(groups.entries(created, 0, 100)).singleElement()
                    .satisfies(d -> assertThat(d.errorType()).isEqualTo("TypeError"));
            DeadLetterFilter text = new DeadLetterFilter(null, null, null, "gateway", null, null, null);
            assertThat(groups.entryCount(text)).isEqualTo(5);
            DeadLetterFilter none = new DeadLetterFilter(null, null, null, "100%_sure", null, null, null);
            assertThat(groups.entryCount(none)).isZero();
            Instant noon = Instant.parse("2024-01-15T12:00:00Z");
            long before = groups.entryCount(new DeadLetterFilter(null, null, null, null, null, noon, null));
            long after = groups.entryCount(new DeadLetterFilter(null, null, null, null, noon, null, null));
            assertThat(before + after).isEqualTo(8);
            String fingerprint = groups.all(DeadLetterFilter.ALL).get(0).fingerprint();
            assertThat(groups.entries(DeadLetterFilter.ALL.withFingerprint(fingerprint), 0, 100)).hasSize(5);
        }
    }

    @Test
    void messagesDifferingOnlyByIdsGroupTogetherAcrossQueues() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("g.db"))) {
            try (ImportWriter w = store.beginImport()) {
                w.startFile("x", "test", null);
                for (int i = 0; i < 30; i++) {
                    w.add(new DeadLetter(0, "e" + i, null, "h" + (i % 2), i < 20 ? "q1" : "q2", null, "Timeout",
                            "no answer for order order-" + i + " after " + (i * 100) + " ms", null, 1,
                            Instant.ofEpochSecond(i), Instant.ofEpochSecond(i), null, "{}", new Origin("x", i + 1, "test")));
                }
                w.add(new DeadLetter(0, "z", null, "h0", "q1", null, "Refused", "connection refused", null, 1,
                        null, null, null, "{}", new Origin("x", 99, "test")));
                w.commit();
            }
            try (DeadLetterGroups groups = new DeadLetterGroups(store)) {
                List<DeadLetterGroup> all = groups.all(DeadLetterFilter.ALL);
                assertThat(all).extracting(DeadLetterGroup::count).containsExactly(30L, 1L);
                assertThat(all.get(0).queues()).containsExactly("q1", "q2");
                assertThat(all.get(0).handlers()).containsExactlyInAnyOrder("h0", "h1");
                assertThat(all.get(0).firstFailure()).isEqualTo(Instant.ofEpochSecond(0));
                assertThat(all.get(0).lastFailure()).isEqualTo(Instant.ofEpochSecond(29));
                assertThat(all.get(1).firstFailure()).isNull();
            }
        }
    }
}

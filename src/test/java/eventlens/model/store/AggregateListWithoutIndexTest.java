package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before the aggregate index of a bulk-loaded project is built (decision 0067), the aggregate list sorts every event:
 * it is read beside the store's reader, so that pages do not wait behind it, with the same answer.
 */
class AggregateListWithoutIndexTest {
    @TempDir
    Path dir;

    @Test
    void theListIsReadBesideTheStoresReaderUntilItsIndexIsBuilt() throws Exception {
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.eventlens"))) {
            try (ImportWriter w = store.beginImport()) {
                w.startFile("a.jsonl", "json", null);
                for (int line = 1; line <= 30; line++) {
                    w.add(ProjectStoreTest.event("e" + line, "t", "c" + line % 4, line, "a.jsonl"));
                }
                w.finishFile();
                w.commit();
            }
            assertThat(store.missingIndexes()).contains("events_aggregate");
            AggregateStore aggregates = new AggregateStore(store);

            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                synchronized (store) { // a long read of the store's own (a page, a count)
                    held.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            reader.start();
            held.await();
            List<AggregateSummary> listed;
            try {
                listed = CompletableFuture.supplyAsync(() -> aggregates.summaries(null, null, null, 10))
                        .get(20, TimeUnit.SECONDS);
            } finally {
                release.countDown();
                reader.join();
            }
            assertThat(listed).extracting(AggregateSummary::aggregateId).containsExactly("order-0", "order-1", "order-2");

            store.buildIndexes();
            assertThat(aggregates.summaries(null, null, null, 10)).isEqualTo(listed);
        }
    }
}

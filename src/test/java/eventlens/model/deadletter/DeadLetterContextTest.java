package eventlens.model.deadletter;

import eventlens.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.importers.ImportInput;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportService;
import eventlens.importers.ImporterRegistry;
import eventlens.model.store.ProjectStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterContextTest {
    @TempDir
    Path dir;

    @Test
    void sampleEntryHasItsCausalPathFromTheOrderCreatedRootAndTheStateAtFailure() throws Exception {
        try (ProjectStore store = TestProjects.samples(dir); DeadLetterGroups groups = new DeadLetterGroups(store)) {
            DeadLetter first = groups.entries(DeadLetterFilter.ALL, 0, 1).get(0);
            DeadLetterContext c = new DeadLetterContexts(store).of(first);
            assertThat(c.inLog()).isTrue();
            assertThat(c.event().id()).isEqualTo("evt-e6424db67758");
            assertThat(c.causalPath()).last().extracting(Event::id).isEqualTo("evt-e6424db67758");
            assertThat(c.root()).get().satisfies(root -> {
                assertThat(root.type()).isEqualTo("order.created");
                assertThat(root.id()).isEqualTo("evt-fc52b416f6a3");
            });
            assertThat(c.causalPath()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(c.correlationId()).isEqualTo("evt-fc52b416f6a3");
            assertThat(c.failedAt()).isEqualTo(first.lastFailure());
            assertThat(c.stateAtFailure()).get().satisfies(s -> {
                assertThat(s.meta().eventCount()).isGreaterThanOrEqualTo(2);
                assertThat(s.data().path("orderId").asText()).isEqualTo("order-1007");
            });
        }
    }

    @Test
    void aMessageOnlyTheDlqHoldsIsStoredFlaggedAndItsPathFollowsTheLog() throws Exception {
        try (ProjectStore store = TestProjects.imported(dir.resolve("d.db"),
                Path.of("src/test/resources/deadletters/sqs-dlq.json"));
             DeadLetterGroups groups = new DeadLetterGroups(store)) {
            Event stored = store.event("evt-sqs-001").orElseThrow();
            assertThat(DlqOnlyEvents.isSeenOnlyInDlq(stored)).isTrue();
            assertThat(stored.aggregateId()).isEqualTo("order-9001");
            assertThat(stored.origin().format()).isEqualTo(DlqOnlyEvents.FORMAT);
            assertThat(store.eventCount()).as("the queue's three messages, one event each").isEqualTo(3);
            DeadLetter d = groups.entries(DeadLetterFilter.ALL, 0, 1).get(0);
            DeadLetterContext c = new DeadLetterContexts(store).of(d);
            assertThat(c.event().id()).isEqualTo("evt-sqs-001");
            assertThat(c.causalPath()).extracting(Event::id).containsExactly("evt-sqs-001");
            assertThat(c.stateAtFailure()).get().satisfies(s -> assertThat(s.data().path("total").asDouble()).isEqualTo(120.5));
        }
    }

    @Test
    void theSamplesLinkedEventsAreNotCopied() throws Exception {
        try (ProjectStore store = TestProjects.samples(dir)) {
            assertThat(store.eventCount()).isEqualTo(474);
        }
    }

    @Test
    void theDlqOnlyEventsAreFoundTheSameWhetherTheLogCameInTheSameImportBeforeOrIntoANewProject() throws Exception {
        Path log = Path.of("samples/orders.jsonl");
        Path letters = Path.of("samples/orders-dead-letters.jsonl");
        Path sqs = Path.of("src/test/resources/deadletters/sqs-dlq.json");
        ImportService imports = new ImportService(ImporterRegistry.standard());
        Path fresh = dir.resolve("new.eventlens");
        imports.runIntoNewProject(fresh, List.of(ImportInput.of(log), ImportInput.of(letters), ImportInput.of(sqs)), null,
                ImportOptions.AUTOMATIC, ImportListener.NONE);
        try (ProjectStore store = ProjectStore.open(fresh)) {
            assertThat(store.missingIndexes()).as("told apart without the id index (decision 0083)").contains("events_id");
            assertThat(store.eventCount()).as("the sample's 474 and the queue's three messages").isEqualTo(477);
            assertThat(store.event("evt-sqs-001")).get().satisfies(e -> assertThat(DlqOnlyEvents.isSeenOnlyInDlq(e)).isTrue());
        }
        try (ProjectStore store = TestProjects.imported(dir.resolve("appended.eventlens"), log)) {
            imports.run(store, List.of(ImportInput.of(letters), ImportInput.of(sqs)), null, ImportOptions.AUTOMATIC,
                    ImportListener.NONE); // into a project with events: through the id index
            assertThat(store.eventCount()).isEqualTo(477);
            assertThat(store.event("evt-sqs-001")).get().satisfies(e -> assertThat(DlqOnlyEvents.isSeenOnlyInDlq(e)).isTrue());
            assertThat(store.imports()).extracting(i -> i.file()).as("the flagged events are the import's last file")
                    .endsWith(DlqOnlyEvents.FILE);
        }
    }
}

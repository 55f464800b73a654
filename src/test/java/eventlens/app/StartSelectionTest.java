package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gui --select ID}: what the id names decides what is selected, and where. */
class StartSelectionTest {
    @TempDir
    Path dir;
    Path project;

    @BeforeEach
    void importSamplesAndAFlowWhoseIdIsNoEvent() throws Exception {
        Path txn = dir.resolve("txn.jsonl");
        Files.writeString(txn, """
                {"id":"e-1","type":"transfer.started","timestamp":"2024-01-15T09:00:00Z","aggregateId":"tr-1","data":{},"metadata":{"correlationId":"txn-1"}}
                {"id":"e-2","type":"transfer.booked","timestamp":"2024-01-15T09:00:01Z","aggregateId":"tr-1","data":{},"metadata":{"correlationId":"txn-1","causationId":"e-1"}}
                """);
        project = dir.resolve("p.eventlens");
        StringWriter log = new StringWriter();
        int code = Main.run(new String[] {"import", project.toString(), "samples/orders.jsonl",
            "samples/orders-dead-letters.jsonl", txn.toString()}, new PrintWriter(log), new PrintWriter(log));
        assertThat(code).as(log.toString()).isZero();
    }

    @Test
    void anEventIdOpensItsFlowWithTheEventSelected() {
        StartSelection s = StartSelection.classify(project, "e-2");
        assertThat(s.kind()).isEqualTo(StartSelection.Kind.EVENT);
        assertThat(s.event().aggregateId()).isEqualTo("tr-1");
        assertThat(s.defaultView()).isEqualTo(Section.FLOWS);
    }

    @Test
    void aCorrelationIdThatIsNoEventIsAFlow() {
        StartSelection s = StartSelection.classify(project, "txn-1");
        assertThat(s.kind()).isEqualTo(StartSelection.Kind.FLOW);
        assertThat(s.defaultView()).isEqualTo(Section.FLOWS);
    }

    @Test
    void anAggregateIdOpensAggregates() {
        StartSelection s = StartSelection.classify(project, "order-1001");
        assertThat(s.kind()).isEqualTo(StartSelection.Kind.AGGREGATE);
        assertThat(s.defaultView()).isEqualTo(Section.AGGREGATES);
    }

    @Test
    void aDeadLetteredEventCarriesItsDeadLetter() {
        StartSelection s = StartSelection.classify(project, "evt-e6424db67758");
        assertThat(s.kind()).isEqualTo(StartSelection.Kind.EVENT);
        assertThat(s.deadLetter()).isNotNull();
        assertThat(s.deadLetter().handler()).isEqualTo("payment-service.chargeCard");
    }

    @Test
    void runNNamesAStoredReplayRunAndOpensReplay() {
        StringWriter log = new StringWriter();
        assertThat(Main.run(new String[] {"replay", project.toString(), "--script", "samples/scripts/order-pipeline.js"},
                new PrintWriter(log), new PrintWriter(log))).as(log.toString()).isZero();
        StartSelection run = StartSelection.classify(project, "run:1");
        assertThat(run.kind()).isEqualTo(StartSelection.Kind.RUN);
        assertThat(run.defaultView()).isEqualTo(Section.REPLAY);
        assertThat(StartSelection.classify(project, "run:2").kind()).as("not stored").isEqualTo(StartSelection.Kind.UNKNOWN);
        assertThat(StartSelection.runOf("run:x")).as("not a run's name").isZero();
    }

    @Test
    void anUnknownIdIsSaidToBeUnknown() {
        StartSelection s = StartSelection.classify(project, "nope-42");
        assertThat(s.kind()).isEqualTo(StartSelection.Kind.UNKNOWN);
    }
}

package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eventlens.model.ReplayMark;
import eventlens.model.deadletter.DeadLetterExport;
import eventlens.model.deadletter.DeadLetterFilter;
import eventlens.model.deadletter.DeadLetterGroups;
import eventlens.model.query.EventQuery;
import eventlens.model.query.QueryException;
import eventlens.model.query.QueryParser;
import eventlens.model.store.ProjectStore;
import eventlens.testing.TestProjects;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code is:replay} selects the events whose record says it was re-sent on purpose ({@link ReplayMark}), in
 * a JSON-lines log, a kcat dump and the real EventBridge event; a mark's word in somebody's data is not a
 * mark; the text index answers the same; and what EventLens's dead-letter export writes comes back marked.
 */
class IsReplayTest {
    private static final Path REALDATA = Path.of(System.getProperty("eventlens.realdata", "../shared/realdata"));

    @TempDir
    Path dir;

    private Path file(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private static List<String> ids(ProjectStore store, String query) throws QueryException {
        List<String> out = new ArrayList<>();
        store.page(QueryParser.parse(query), 0, 1000).forEach(e -> out.add(e.id()));
        return out;
    }

    private Path jsonLines() throws Exception {
        return file("log.jsonl",
                "{\"id\":\"a1\",\"type\":\"order.created\",\"time\":\"2024-01-15T10:00:00Z\",\"replay-name\":\"nightly\",\"data\":{}}",
                "{\"id\":\"a2\",\"type\":\"order.created\",\"time\":\"2024-01-15T10:00:01Z\",\"data\":{\"replay-name\":\"x\"}}",
                "{\"id\":\"a3\",\"type\":\"payment.failed\",\"time\":\"2024-01-15T10:00:02Z\",\"data\":{},"
                        + "\"eventlens-redelivery\":{\"deadLetterKey\":7,\"exportedAt\":\"2026-01-02T03:04:05Z\"}}",
                "{\"id\":\"a4\",\"type\":\"payment.failed\",\"time\":\"2024-01-15T10:00:03Z\",\"data\":{},"
                        + "\"metadata\":{\"headers\":{\"ServiceControl.Retry.UniqueMessageId\":\"m-1\"}}}",
                "{\"id\":\"a5\",\"type\":\"order.noted\",\"time\":\"2024-01-15T10:00:04Z\","
                        + "\"data\":{\"note\":\"eventlens-redelivery and ServiceControl.Retry.UniqueMessageId\"}}",
                "{\"id\":\"a6\",\"type\":\"order.noted\",\"time\":\"2024-01-15T10:00:05Z\",\"data\":{\"replay\":true}}");
    }

    @Test
    void selectsTheMarkedRecordsAndNotTheWordsInData() throws Exception {
        try (ProjectStore store = TestProjects.imported(dir.resolve("p.eventlens"), jsonLines())) {
            assertThat(ids(store, "is:replay")).containsExactly("a1", "a3", "a4");
            assertThat(ids(store, "NOT is:replay")).containsExactly("a2", "a5", "a6");
            assertThat(ids(store, "is:replay type:payment.*")).containsExactly("a3", "a4");
            assertThat(store.count(QueryParser.parse("is:replay"))).isEqualTo(3);
            assertThat(QueryParser.parse("is:replay").searchesText()).as("the window builds the text index for it").isTrue();
            assertThat(store.indexText(() -> false)).isTrue();
            assertThat(ids(store, "is:replay")).containsExactly("a1", "a3", "a4");
            assertThat(ids(store, "-is:replay")).containsExactly("a2", "a5", "a6");
        }
    }

    @Test
    void readsKcatHeaderPairsAndPayloadsThatAreText() throws Exception {
        Path kcat = file("dump.kcat.json",
                "{\"topic\":\"orders\",\"partition\":0,\"offset\":1,\"tstype\":\"create\",\"ts\":1705312800000,"
                        + "\"headers\":[\"ServiceControl.Retry.UniqueMessageId\",\"m-2\"],\"key\":\"k1\","
                        + "\"payload\":\"{\\\"id\\\":\\\"k1\\\",\\\"type\\\":\\\"order.created\\\"}\"}",
                "{\"topic\":\"orders\",\"partition\":0,\"offset\":2,\"tstype\":\"create\",\"ts\":1705312801000,"
                        + "\"headers\":[\"trace\",\"t-1\"],\"key\":\"k2\",\"payload\":\"{\\\"id\\\":\\\"k2\\\","
                        + "\\\"type\\\":\\\"order.created\\\",\\\"eventlens-redelivery\\\":{\\\"deadLetterKey\\\":3}}\"}",
                "{\"topic\":\"orders\",\"partition\":0,\"offset\":3,\"tstype\":\"create\",\"ts\":1705312802000,"
                        + "\"headers\":[],\"key\":\"k3\",\"payload\":\"{\\\"id\\\":\\\"k3\\\",\\\"type\\\":\\\"order.created\\\"}\"}");
        try (ProjectStore store = TestProjects.imported(dir.resolve("k.eventlens"), kcat)) {
            assertThat(store.count(EventQuery.ALL)).as("all three records imported").isEqualTo(3);
            assertThat(store.count(QueryParser.parse("is:replay"))).isEqualTo(2);
            assertThat(store.count(QueryParser.parse("NOT is:replay"))).isEqualTo(1);
        }
    }

    @Test
    void whatTheDeadLetterExportWritesComesBackAsReplays() throws Exception {
        Path redeliver = dir.resolve("redeliver.jsonl");
        long exported;
        try (ProjectStore store = TestProjects.samples(dir); DeadLetterGroups groups = new DeadLetterGroups(store);
                Writer out = Files.newBufferedWriter(redeliver, StandardCharsets.UTF_8)) {
            exported = new DeadLetterExport(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
                    .write(groups, DeadLetterFilter.ALL, out);
            assertThat(store.count(QueryParser.parse("is:replay"))).as("no sample says it was re-sent").isZero();
        }
        assertThat(exported).isPositive();
        try (ProjectStore again = TestProjects.imported(dir.resolve("again.eventlens"), redeliver)) {
            assertThat(again.count(QueryParser.parse("is:replay"))).isEqualTo(again.count(EventQuery.ALL))
                    .isPositive();
        }
    }

    @Test
    void theRealEventBridgeEventFromAnArchiveReplay() throws Exception {
        Path event = REALDATA.resolve("deadletter/aws_eventbridge_event.json");
        assumeTrue(Files.isRegularFile(event), "real data not present: " + event + " (see ../shared/realdata/SOURCES.md)");
        try (ProjectStore store = TestProjects.imported(dir.resolve("eb.eventlens"), event)) {
            assertThat(ids(store, "is:replay")).containsExactly("6a7e8feb-b491-4cf7-a9f1-bf3703467718");
            assertThat(ReplayMark.of(Files.readString(event), null, null)).contains(
                    "EventBridge archive replay 'replay_archive'");
        }
    }
}

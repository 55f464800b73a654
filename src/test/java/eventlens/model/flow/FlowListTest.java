package eventlens.model.flow;

import eventlens.testing.TestProjects;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowListTest {
    @TempDir
    Path dir;

    @Test
    void everyOrderOfTheSampleIsOneFlowWithItsFigures() throws Exception {
        try (ProjectStore store = TestProjects.samples(dir); FlowList list = new FlowList(store)) {
            assertThat(list.count(FlowFilter.ALL)).isEqualTo(50);
            FlowSummary order1017 = list.page(new FlowFilter("evt-94c3b33c7845", null, false, false),
                    FlowSort.START, false, 0, 10).get(0);
            assertThat(order1017).isEqualTo(new FlowSummary("evt-94c3b33c7845", "order.created", 9,
                    java.time.Instant.parse("2024-01-15T11:17:51.904Z"), java.time.Duration.ofMillis(28_980), 4, 0, 2));
            // 5 payment failures + 2 SMS + 1 analytics dead letter = 8 flows with failures
            assertThat(list.count(FlowFilter.ALL.failed())).isEqualTo(8);
            assertThat(list.count(FlowFilter.ALL.anomalous())).isZero();
            assertThat(list.count(new FlowFilter("evt-9*", "order.*", false, false))).isPositive();
        }
    }

    @Test
    void pagesAreSortedAndContiguous() throws Exception {
        try (ProjectStore store = TestProjects.samples(dir); FlowList list = new FlowList(store)) {
            List<FlowSummary> all = list.page(FlowFilter.ALL, FlowSort.DEPTH, true, 0, 100);
            assertThat(all).hasSize(50);
            assertThat(all.get(0).depth()).isEqualTo(7);
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).depth()).isLessThanOrEqualTo(all.get(i - 1).depth());
            }
            assertThat(list.page(FlowFilter.ALL, FlowSort.DEPTH, true, 10, 10)).isEqualTo(all.subList(10, 20));
            List<FlowSummary> byStart = list.page(FlowFilter.ALL, FlowSort.START, false, 0, 100);
            assertThat(byStart.get(0).correlationId()).isEqualTo("evt-f3aa9f7d1c0f");
        }
    }

    @Test
    void indexOfIsTheRowOfAFlowInEveryOrderAndFilter() throws Exception {
        try (ProjectStore store = TestProjects.samples(dir); FlowList list = new FlowList(store)) {
            for (FlowSort sort : FlowSort.values()) {
                for (boolean descending : new boolean[] {false, true}) {
                    List<FlowSummary> all = list.page(FlowFilter.ALL, sort, descending, 0, 100);
                    for (int row : new int[] {0, 17, all.size() - 1}) {
                        assertThat(list.indexOf(FlowFilter.ALL, sort, descending, all.get(row).correlationId()))
                                .as("%s %s row %d", sort, descending ? "desc" : "asc", row).isEqualTo(row);
                    }
                }
            }
            FlowFilter failed = FlowFilter.ALL.failed();
            List<FlowSummary> failing = list.page(failed, FlowSort.START, false, 0, 100);
            assertThat(list.indexOf(failed, FlowSort.START, false, failing.get(3).correlationId())).isEqualTo(3);
            String quiet = list.page(FlowFilter.ALL, FlowSort.FAILURES, false, 0, 1).get(0).correlationId();
            assertThat(list.indexOf(failed, FlowSort.START, false, quiet)).as("left out by the filter").isEqualTo(-1);
            assertThat(list.indexOf(FlowFilter.ALL, FlowSort.START, false, "no-such-flow")).isEqualTo(-1);
        }
    }

    @Test
    void listIsRebuiltOnlyWhenTheProjectChanged() throws Exception {
        try (ProjectStore store = TestProjects.samples(dir); FlowList list = new FlowList(store)) {
            assertThat(list.refresh()).isTrue();
            assertThat(list.refresh()).isFalse();
            Path more = Files.writeString(dir.resolve("more.jsonl"), "{\"id\":\"z1\",\"type\":\"x.failed\","
                    + "\"timestamp\":\"2024-02-01T00:00:00Z\",\"source\":\"s\",\"data\":{},"
                    + "\"metadata\":{\"correlationId\":\"zz\",\"causationId\":\"nowhere\"}}\n");
            TestProjects.imported(store.file(), more).close();
            assertThat(list.count(FlowFilter.ALL)).isEqualTo(51);
            FlowSummary zz = list.page(new FlowFilter("zz", null, false, false), FlowSort.START, false, 0, 1).get(0);
            assertThat(zz.anomalies()).isEqualTo(1);
            assertThat(zz.failures()).isEqualTo(1);
            assertThat(list.refresh()).isFalse();
        }
    }

    @Test
    void aLaterEventOfAnExistingFlowUpdatesOnlyThatFlow() throws Exception {
        try (ProjectStore store = TestProjects.samples(dir); FlowList list = new FlowList(store)) {
            FlowFilter order1017 = new FlowFilter("evt-94c3b33c7845", null, false, false);
            assertThat(list.page(order1017, FlowSort.START, false, 0, 1).get(0).events()).isEqualTo(9);
            Path late = Files.writeString(dir.resolve("late.jsonl"), "{\"id\":\"late-1\",\"type\":\"refund.issued\","
                    + "\"timestamp\":\"2024-01-15T11:17:50Z\",\"source\":\"payment-service\",\"data\":{},"
                    + "\"metadata\":{\"correlationId\":\"evt-94c3b33c7845\",\"causationId\":\"evt-cec4297d6224\"}}\n");
            TestProjects.imported(store.file(), late).close();
            FlowSummary updated = list.page(order1017, FlowSort.START, false, 0, 1).get(0);
            assertThat(updated.events()).isEqualTo(10);
            assertThat(updated.anomalies()).as("stamped before its cause").isEqualTo(1);
            assertThat(list.count(FlowFilter.ALL)).isEqualTo(50);
        }
    }
}

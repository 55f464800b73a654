package eventlens.app.events;

import eventlens.app.links.DetailField;
import eventlens.app.links.IdLink;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.ManualWork;
import eventlens.app.work.SameThreadWork;
import eventlens.model.Event;
import eventlens.model.Origin;
import eventlens.model.query.EventQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventsViewModelTest {
    /** A log of a million synthetic events that records which pages were asked for. */
    static final class MillionEvents implements EventPages {
        static final long SIZE = 1_000_000;
        final List<Long> pageOffsets = new ArrayList<>();
        final List<EventQuery> counted = new ArrayList<>();

        @Override
        public long count(EventQuery query) {
            counted.add(query);
            return query.isAll() ? SIZE : SIZE / 2;
        }

        @Override
        public List<Event> page(EventQuery query, long offset, int limit) {
            pageOffsets.add(offset);
            return LongStream.range(offset, Math.min(SIZE, offset + limit)).mapToObj(i -> event(i + 1)).toList();
        }

        static Event event(long position) {
            return new Event(position, "e" + position, "order.created", "svc",
                    Instant.parse("2024-01-15T10:00:00Z").plusMillis(position), "Order", "order-" + position % 7,
                    position, "c" + position % 100, null, "{\"n\":" + position + "}", "{}", "{\"id\":\"e" + position + "\"}",
                    new Origin("log.jsonl", position, "json"));
        }
    }

    private final MillionEvents source = new MillionEvents();
    private EventsViewModel model;

    @BeforeEach
    void setUp() {
        model = new EventsViewModel(new SameThreadWork(), new EventDetailViewModel(new SameThreadWork()));
        model.setSource(source);
    }

    @Test
    void aRowAskedForBeforeAFilterIsRequestedOnceItsRowsAreThere() {
        assertThat(model.requestedRowProperty().get()).isEqualTo(-1);
        model.selectAfterReload(0);
        model.filterTextProperty().set("type:order.created");
        model.applyFilter();
        assertThat(model.requestedRowProperty().get()).isZero();

        model.filterTextProperty().set("");
        model.applyFilter();
        assertThat(model.requestedRowProperty().get()).as("asked for once, not for every filter after").isEqualTo(-1);
    }

    @Test
    void theRowListIsAsLongAsTheLogButReadsOnlyThePagesAskedFor() {
        var rows = model.rowsProperty().get();
        assertThat(rows).hasSize(1_000_000);
        assertThat(source.pageOffsets).isEmpty();

        assertThat(rows.get(0).position()).isEqualTo(1);
        assertThat(rows.get(999_999).position()).isEqualTo(1_000_000);
        assertThat(rows.get(150).position()).isEqualTo(151);

        assertThat(source.pageOffsets).containsExactly(0L, 999_800L);
        assertThat(model.summaryProperty().get()).isEqualTo("1,000,000 events");
    }

    @Test
    void aFlingAcrossTheLogReadsOnlyThePagesWhereItLands() {
        ManualWork work = new ManualWork();
        EventsViewModel background = new EventsViewModel(work, new EventDetailViewModel(work));
        background.setSource(source);
        work.runAll();
        var rows = background.rowsProperty().get();
        for (int row = 0; row < 1_000_000; row += 50_000) {
            assertThat(rows.get(row)).as("row %d is still loading", row).isNull();
        }
        assertThat(rows.get(999_999)).isNull();
        work.runAll();

        assertThat(work.cancelledBeforeRunning()).isEqualTo(21 - eventlens.app.work.PagedRows.MAX_IN_FLIGHT);
        assertThat(source.pageOffsets).hasSize(eventlens.app.work.PagedRows.MAX_IN_FLIGHT).endsWith(999_800L);
        assertThat(rows.get(999_999).position()).isEqualTo(1_000_000);
        assertThat(background.pagesLoadedProperty().get()).isEqualTo(eventlens.app.work.PagedRows.MAX_IN_FLIGHT);
    }

    @Test
    void searchingTheListLooksOnlyAtCachedPages() {
        var rows = model.rowsProperty().get();
        Event last = rows.get(999_999);
        assertThat(rows.indexOf(last)).isEqualTo(999_999);
        assertThat(rows.contains(MillionEvents.event(500_000))).isFalse();
        assertThat(source.pageOffsets).hasSize(1);
    }

    @Test
    void aFilterThatDoesNotParseIsShownInlineAndKeepsTheRows() {
        var before = model.rowsProperty().get();
        model.filterTextProperty().set("after:not-a-time");
        model.applyFilter();
        assertThat(model.filterErrorProperty().get()).isNotEmpty();
        assertThat(model.rowsProperty().get()).isSameAs(before);
    }

    @Test
    void aSyntaxErrorIsShownWithItsColumnAndSpanAndNothingIsRun() {
        model.filterTextProperty().set("type:order.* AND");
        model.applyFilter();
        assertThat(model.filterErrorProperty().get()).isEqualTo("Column 14: 'AND' at the end of the query: "
                + "expected a term after it");
        assertThat(model.filterErrorColumnProperty().get()).isEqualTo(14);
        assertThat(model.filterErrorLengthProperty().get()).isEqualTo(3);
        assertThat(source.counted).hasSize(1);
        assertThat(model.summaryProperty().get()).isEqualTo("1,000,000 events");
    }

    @Test
    void aMalformedComparisonPointsAtTheMissingValue() {
        model.filterTextProperty().set("data.total>");
        model.applyFilter();
        assertThat(model.filterErrorProperty().get()).startsWith("Column 12: ").contains("needs a value after '>'");
        model.filterTextProperty().set("data.total>100");
        model.applyFilter();
        assertThat(model.filterErrorProperty().get()).isEmpty();
        assertThat(model.filterErrorColumnProperty().get()).isZero();
    }

    @Test
    void anEmptyResultNamesTheQueryAndAnEmptyProjectSaysHowToImport() {
        EventsViewModel empty = new EventsViewModel(new SameThreadWork(), new EventDetailViewModel(new SameThreadWork()));
        assertThat(empty.emptyTextProperty().get()).startsWith("No project open.");
        EventPages none = new EventPages() {
            @Override
            public long count(EventQuery query) {
                return 0;
            }

            @Override
            public List<Event> page(EventQuery query, long offset, int limit) {
                return List.of();
            }
        };
        empty.setSource(none);
        assertThat(empty.emptyTextProperty().get()).startsWith("This project has no events yet.").contains("Import log…");
        empty.importingProperty().set(true);
        assertThat(empty.emptyTextProperty().get()).as("the log given is being imported")
                .startsWith("Importing… the events show here when the import ends");
        empty.importingProperty().set(false);
        assertThat(empty.emptyTextProperty().get()).startsWith("This project has no events yet.");
        empty.importingProperty().set(true);
        empty.filterTextProperty().set("  type:nothing.*  ");
        empty.applyFilter();
        assertThat(empty.emptyTextProperty().get()).as("a filter's empty result, import or not")
                .isEqualTo("No events match type:nothing.*");
        assertThat(empty.summaryProperty().get()).isEqualTo("0 matching events");
    }

    @Test
    void aValidFilterClearsTheErrorAndCountsAgain() {
        model.filterTextProperty().set("after:not-a-time");
        model.applyFilter();
        model.filterTextProperty().set("type:order.*");
        model.applyFilter();
        assertThat(model.filterErrorProperty().get()).isEmpty();
        assertThat(source.counted).hasSize(2);
        assertThat(source.counted.get(1).where()).isEqualTo(new eventlens.model.query.QueryExpr.Match(
                eventlens.model.query.QueryExpr.Field.TYPE, "order.*", 1));
        assertThat(model.rowsProperty().get()).hasSize(500_000);
        assertThat(model.summaryProperty().get()).isEqualTo("500,000 matching events");
    }

    @Test
    void selectingARowShowsItsFieldsAndPrettyData() {
        model.select(41);
        assertThat(model.selectedProperty().get().position()).isEqualTo(42);
        EventDetailViewModel detail = model.detail();
        assertThat(detail.emptyProperty().get()).isFalse();
        assertThat(detail.titleProperty().get()).isEqualTo("order.created");
        assertThat(detail.dataProperty().get()).contains("\"n\" : 42");
        assertThat(detail.fields()).contains(DetailField.of("Time", "2024-01-15T10:00:00.042000Z"),
                DetailField.of("Origin", "log.jsonl:42 (json)"),
                new DetailField("Aggregate", "Order order-0 v42", false, new IdLink(IdLink.Kind.AGGREGATE, "order-0")),
                new DetailField("Correlation", "c42", false, new IdLink(IdLink.Kind.FLOW, "c42")));
        assertThat(detail.copyText()).isEqualTo("{\"id\":\"e42\"}");
    }

    @Test
    void aReplayMarkIsShownAndAWordInDataIsNot() {
        EventDetailViewModel detail = new EventDetailViewModel(new SameThreadWork());
        String marked = "{\"id\":\"r1\",\"replay-name\":\"nightly\"}";
        detail.show(new Event(1, "r1", "order.created", null, null, null, null, null, null, null, "{}", null, marked,
                new Origin("log.jsonl", 1, "json")));
        assertThat(detail.fields()).contains(DetailField.of("Re-sent", "EventBridge archive replay 'nightly'"));
        String unmarked = "{\"id\":\"r2\",\"data\":{\"replay-name\":\"nightly\"}}";
        detail.show(new Event(2, "r2", "order.created", null, null, null, null, null, null, null,
                "{\"replay-name\":\"nightly\"}", null, unmarked, new Origin("log.jsonl", 2, "json")));
        assertThat(detail.fields()).extracting(DetailField::name).doesNotContain("Re-sent");
    }

    @Test
    void conflictingDeliveriesAreFlaggedInTheDetail() {
        model.detail().setDeliveries(id -> new eventlens.model.store.ProjectStore.DeliveryCount(3, true));
        model.select(0);
        assertThat(model.detail().fields()).filteredOn(DetailField::warning).singleElement()
                .satisfies(f -> assertThat(f.value()).startsWith("3").contains("⚠"));
    }

    @Test
    void copiesOfARedeliveredEventAreListedSideBySideWithTheFirstDelivery() {
        model.detail().setDeliveries(id -> new eventlens.model.store.ProjectStore.DeliveryCount(3, true));
        model.detail().setCopies(id -> java.util.List.of(
                new eventlens.model.store.RecordedDelivery(id, "/logs/b.jsonl", 7, "json", true, "{\"id\":\"" + id + "\"}"),
                new eventlens.model.store.RecordedDelivery(id, "/logs/c.jsonl", 9, "json", false, "{\"id\":\"" + id + "\",\"x\":1}")));
        model.select(0);
        assertThat(model.detail().copies()).extracting(EventDetailViewModel.Copy::label).containsExactly(
                "first delivery · log.jsonl:1", "copy 2 · b.jsonl:7 · same type and data", "copy 3 · c.jsonl:9 · differs");
        assertThat(model.detail().copies()).extracting(EventDetailViewModel.Copy::differs).containsExactly(false, false, true);
        model.select(1);
        model.detail().setDeliveries(id -> new eventlens.model.store.ProjectStore.DeliveryCount(1, false));
        model.select(2);
        assertThat(model.detail().copies()).isEmpty();
    }

    @Test
    void noSourceMeansNoRowsAndNoSelection() {
        model.select(3);
        model.setSource(null);
        assertThat(model.rowsProperty().get()).isEmpty();
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.detail().emptyProperty().get()).isTrue();
    }
}

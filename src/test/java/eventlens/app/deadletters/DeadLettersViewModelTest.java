package eventlens.app.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.app.links.DetailField;
import eventlens.app.links.IdLink;
import eventlens.app.work.SameThreadWork;
import eventlens.app.work.SharedScriptEngine;
import eventlens.cli.Main;
import eventlens.model.Json;
import eventlens.model.DeadLetter;
import eventlens.model.deadletter.DeadLetterExport;
import eventlens.model.deadletter.DeadLetterFilter;
import eventlens.model.deadletter.DeadLetterGroup;
import eventlens.model.deadletter.DeadLetterGroups;
import eventlens.model.store.ProjectStore;
import eventlens.replay.deadletter.DryRunJson;
import eventlens.replay.deadletter.RetryOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Dead letters view model on the sample project, without a window. */
class DeadLettersViewModelTest {
    @TempDir
    Path dir;
    private Path project;
    private ProjectStore store;
    private DeadLettersViewModel model;
    private final SharedScriptEngine engine = new SharedScriptEngine();
    private final List<IdLink> followed = new ArrayList<>();

    @BeforeEach
    void open() {
        project = dir.resolve("orders.eventlens");
        assertThat(cli("import", project.toString(), "samples/orders.jsonl", "samples/orders-dead-letters.jsonl")).isNotNull();
        store = ProjectStore.open(project);
        model = new DeadLettersViewModel(new SameThreadWork(), engine);
        model.setFollow(followed::add);
        model.setStore(store);
    }

    @AfterEach
    void close() {
        model.setStore(null);
        store.close();
        engine.close();
    }

    static List<String> cli(String... args) {
        StringWriter out = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        return out.toString().isBlank() ? List.of() : Arrays.asList(out.toString().strip().split("\\R"));
    }

    @Test
    void groupsAreTheCommandLinesGroupsWithFailuresOverTime() throws Exception {
        assertThat(model.summaryProperty().get()).isEqualTo("8 dead letters in 3 groups");
        List<String> json = cli("dlq", project.toString(), "--groups", "--json");
        assertThat(model.groupList()).extracting(DeadLetterGroup::fingerprint)
                .containsExactlyElementsOf(json.stream().map(l -> Json.parseOrMissing(l).get("fingerprint").asText()).toList());
        GroupRow payments = model.groups().get(0);
        assertThat(payments.group().count()).isEqualTo(5);
        assertThat(Arrays.stream(payments.buckets()).sum()).isEqualTo(5);
        assertThat(payments.buckets()).hasSize(DeadLettersViewModel.BUCKETS);
    }

    @Test
    void filtersNarrowTheGroups() {
        model.handlerProperty().set("notification-service.sendSms");
        model.applyFilter();
        assertThat(model.groups()).singleElement().satisfies(r -> assertThat(r.group().count()).isEqualTo(2));
        model.clearFilter();
        model.errorTextProperty().set("TypeError");
        model.applyFilter();
        assertThat(model.groups()).singleElement().satisfies(r -> assertThat(r.group().eventTypes()).containsExactly("order.created"));
        model.fromProperty().set("yesterday");
        model.applyFilter();
        assertThat(model.filterErrorProperty().get()).contains("ISO-8601");
    }

    @Test
    void anEntryShowsItsErrorCausalPathAndStateAtFailure() {
        model.selectGroup(model.groups().get(0));
        assertThat(model.entries()).hasSize(5);
        model.selectEntry(model.entries().get(0));
        EntryDetailViewModel detail = model.detail();

        assertThat(detail.titleProperty().get()).isEqualTo("PaymentGatewayTimeout in payment-service.chargeCard");
        assertThat(detail.errorProperty().get()).contains("gateway did not answer within 5000 ms").contains("payment-handler.js:42");
        assertThat(detail.path()).extracting(s -> s.event().type())
                .containsExactly("order.created", "fraud.check.completed", "order.verified");
        assertThat(detail.path()).extracting(PathStep::failed).containsExactly(false, false, true);
        assertThat(detail.stateProperty().get()).startsWith("State of order-1007 at 2024-01-15T09:58:45.109Z")
                .contains("\"status\" : \"verified\"").contains("208.47");
        assertThat(detail.messageProperty().get()).contains("evt-e6424db67758");
        assertThat(detail.fields()).extracting(DetailField::name)
                .containsExactly("Event", "Correlation", "Causation", "Aggregate");
        assertThat(detail.fields()).filteredOn(f -> f.link() != null).extracting(DetailField::link).containsExactly(
                IdLink.event("evt-e6424db67758"), new IdLink(IdLink.Kind.FLOW, detail.path().get(0).event().id()),
                IdLink.event(detail.path().get(1).event().id()), new IdLink(IdLink.Kind.AGGREGATE, "order-1007"));
        detail.follow(detail.fields().get(0).link());
        assertThat(followed).containsExactly(IdLink.event("evt-e6424db67758"));
    }

    @Test
    void revealSelectsTheGroupThePageAndTheEntryAndClearsAFilterThatHidesIt() {
        model.handlerProperty().set("notification-service.sendSms");
        model.applyFilter();
        DeadLetter payment = store.deadLetters(0, 100).stream()
                .filter(d -> "payment-service.chargeCard".equals(d.handler())).skip(3).findFirst().orElseThrow();

        model.reveal(payment.key());

        assertThat(model.handlerProperty().get()).as("the filter hid it: cleared").isEmpty();
        assertThat(model.summaryProperty().get()).isEqualTo("8 dead letters in 3 groups");
        assertThat(model.selectedGroupProperty().get().group().fingerprint()).isEqualTo(payment.fingerprint());
        assertThat(model.entries()).hasSize(5).contains(payment);
        assertThat(model.entriesTextProperty().get()).isEqualTo("1–5 of 5");
        assertThat(model.detail().selectedProperty().get()).isEqualTo(payment);
        assertThat(model.detail().titleProperty().get()).isEqualTo("PaymentGatewayTimeout in payment-service.chargeCard");

        model.reveal(999_999);
        assertThat(model.summaryProperty().get()).isEqualTo("No dead letter #999999 in this project.");
    }

    @Test
    void anEntryOnALaterPageIsFoundOnItsPageWithThePagesBeforeIt() {
        DeadLetter last = store.deadLetters(0, 100).stream()
                .filter(d -> "payment-service.chargeCard".equals(d.handler())).reduce((a, b) -> b).orElseThrow();
        try (DeadLetterGroups groups = new DeadLetterGroups(store)) {
            EntryFinder.Found found = EntryFinder.find(groups, DeadLetterFilter.ALL, last.key(), 2, 4).orElseThrow();
            assertThat(found.pageStarts()).as("pages of two: the fifth entry is on the third page").hasSize(3);
            assertThat(found.page()).containsExactly(last);
            assertThat(found.more()).isFalse();
            assertThat(found.group().group().count()).isEqualTo(5);
        }
    }

    @Test
    void dryRunOfTheFixedScriptEqualsTheCommandLinesOutcome() {
        assertThat(model.dryRun().scriptProperty().get().name()).isEqualTo("fixed-payment.js");
        model.dryRun().run(eventlens.model.deadletter.DeadLetterFilter.ALL, null);
        assertThat(model.dryRun().summaryProperty().get()).isEqualTo("5 of 8 would now succeed (fixed-payment.js)");

        List<String> json = cli("dlq", project.toString(), "--retry", "--script", "samples/scripts/fixed-payment.js", "--json");
        assertThat(Json.parseOrMissing(json.get(0))).isEqualTo(Json.parseOrMissing(Json.write(DryRunJson.summary(model.dryRun().reportProperty().get()))));
        List<JsonNode> cliEntries = json.subList(1, json.size()).stream().map(Json::parseOrMissing).toList();
        List<JsonNode> viewEntries = model.dryRun().outcomes().stream().map(e -> Json.parseOrMissing(Json.write(DryRunJson.entry(e)))).toList();
        assertThat(viewEntries).isEqualTo(cliEntries);
    }

    @Test
    void dryRunOfAGroupAndOfAnEntry() {
        model.selectGroup(model.groups().get(1));
        model.dryRunGroup();
        assertThat(model.dryRun().outcomes()).hasSize(2)
                .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(RetryOutcome.STILL_FAILING_SAME_WAY));
        assertThat(model.dryRun().canExportProperty().get()).isFalse();

        model.selectGroup(model.groups().get(0));
        model.selectEntry(model.entries().get(2));
        model.dryRunEntry();
        assertThat(model.dryRun().summaryProperty().get()).startsWith("1 of 1 would now succeed");
        assertThat(model.dryRun().outcomes()).singleElement().satisfies(e ->
                assertThat(e.deadLetter()).isEqualTo(model.entries().get(2)));
    }

    @Test
    void exportWritesExactlyTheEntriesThatWouldNowSucceed() throws Exception {
        model.dryRun().run(eventlens.model.deadletter.DeadLetterFilter.ALL, null);
        Path out = dir.resolve("redeliver.jsonl");
        assertThat(model.dryRun().exportSucceeded(out)).isEqualTo(5);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(5).allSatisfy(l -> {
            JsonNode m = Json.parseOrMissing(l);
            assertThat(m.get("type").asText()).isEqualTo("order.verified");
            assertThat(m.get(DeadLetterExport.REDELIVERY).get("handler").asText()).isEqualTo("payment-service.chargeCard");
        });
        Path cliOut = dir.resolve("cli.jsonl");
        cli("dlq", project.toString(), "--retry", "--script", "samples/scripts/fixed-payment.js", "--export", cliOut.toString());
        assertThat(Files.readAllLines(cliOut).stream().map(l -> Json.parseOrMissing(l).get("id").asText()).toList())
                .isEqualTo(lines.stream().map(l -> Json.parseOrMissing(l).get("id").asText()).toList());
        assertThat(model.dryRun().summaryProperty().get()).endsWith("exported 5 to redeliver.jsonl");
    }
}

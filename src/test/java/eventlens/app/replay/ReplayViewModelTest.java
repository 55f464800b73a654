package eventlens.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.MainViewModel;
import eventlens.app.SampleLogs;
import eventlens.app.events.EventDetailViewModel;
import eventlens.app.imports.LogImporter;
import eventlens.app.work.SameThreadWork;
import eventlens.app.work.SharedScriptEngine;
import eventlens.cli.Main;
import eventlens.model.Json;
import eventlens.model.store.ProjectStore;
import eventlens.replay.Breakpoint;
import eventlens.replay.Delivery;
import eventlens.replay.Divergence;
import eventlens.replay.Pacer;
import eventlens.replay.ReplayMode;
import eventlens.replay.RunSummary;
import eventlens.replay.run.RunCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay view model without a window, on the bundled samples, with work on the calling thread. */
class ReplayViewModelTest {
    @TempDir
    Path dir;
    private MainViewModel main;
    private ReplayViewModel replay;

    @BeforeEach
    void openSamples() {
        main = new MainViewModel(new SameThreadWork(), LogImporter.standard());
        main.openTemporaryProject("Samples", () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples"))));
        replay = main.replay();
    }

    @AfterEach
    void close() {
        main.close();
    }

    @Test
    void aSavedQueryNamesTheSliceAsOnTheCommandLineAndAnUnknownNameIsAFilterError() throws Exception {
        ProjectStore store = main.projectProperty().get();
        new eventlens.model.store.SavedQueries(store).save("payments", "type:payment.*");
        long payments = store.count(eventlens.model.query.QueryParser.parse("type:payment.*"));
        replay.script().openExample("order-pipeline.js");
        replay.filterTextProperty().set("@payments");
        replay.load();
        assertThat(replay.filterErrorProperty().get()).isEmpty();
        assertThat(replay.loadedProperty().get()).isTrue();
        assertThat(replay.sliceSizeProperty().get()).isEqualTo(payments).isPositive();

        replay.filterTextProperty().set("@nope");
        replay.load();
        assertThat(replay.filterErrorProperty().get()).contains("no saved query 'nope'");
        assertThat(replay.loadedProperty().get()).isFalse();

        replay.filterTextProperty().set("");
        assertThat(replay.assist().historyBack()).as("the slices run are the project's query history").isTrue();
        assertThat(replay.filterTextProperty().get()).isEqualTo("@nope");
        assertThat(replay.assist().historyBack()).isTrue();
        assertThat(replay.filterTextProperty().get()).isEqualTo("@payments");
        assertThat(new eventlens.model.store.SavedQueries(store).history()).startsWith("@nope", "@payments");
        replay.filterTextProperty().set("ty");
        assertThat(replay.assist().completions(2)).as("type: completes ty").isNotEmpty();
    }

    @Test
    void playStopsAtATypeBreakpointAndStepBackThenForwardGivesTheSameDelivery() {
        replay.script().openExample("order-pipeline.js");
        replay.addBreakpoint(BreakpointKind.TYPE, "payment.failed");
        replay.load();
        assertThat(replay.loadedProperty().get()).isTrue();

        replay.play();
        assertThat(replay.playingProperty().get()).isFalse();
        assertThat(replay.stoppedAtProperty().get()).startsWith("Stopped before step ").endsWith("breakpoint type payment.failed");
        assertThat(replay.selection().selectedProperty().get().type()).isEqualTo("payment.failed");
        String failedId = replay.selection().selectedProperty().get().id();

        replay.step();
        Delivery first = last(replay.output().delivered());
        assertThat(first.event().id()).isEqualTo(failedId);
        assertThat(replay.selection().selectedProperty().get().id()).isEqualTo(failedId);

        replay.stepBack();
        assertThat(last(replay.output().delivered()).index()).isEqualTo(first.index() - 1);
        replay.step();
        Delivery again = last(replay.output().delivered());
        assertThat(again.index()).isEqualTo(first.index());
        assertThat(again.event().id()).isEqualTo(failedId);
        assertThat(again.handlers()).isEqualTo(first.handlers());
        assertThat(replay.output().deliveredCountProperty().get()).isEqualTo(first.index());
    }

    @Test
    void givenAHandlerNoEventReaches_whenTheRunFinishes_thenTheConsoleSaysSoOnce() {
        replay.script().textProperty().set("on('nothing.here', () => {}, { name: 'ghost' });\non('#', () => {});");
        replay.load();
        replay.runToEnd();
        assertThat(replay.stateProperty().get()).isEqualTo(ReplayState.FINISHED);
        assertThat(replay.output().console()).extracting(ConsoleLine::text)
                .containsOnlyOnce("handler ghost was not called: no type delivered matches 'nothing.here'")
                .noneMatch(t -> t.contains("#1 was not called"));
    }

    @Test
    void theRunGoesThroughItsStatesAndTheFlagsFollow() {
        java.util.List<ReplayState> seen = new java.util.ArrayList<>();
        replay.stateProperty().addListener((obs, old, now) -> seen.add(now));
        replay.script().textProperty().set("on('*', () => { syntax error");
        replay.load();
        assertThat(replay.stateProperty().get()).isEqualTo(ReplayState.FAILED);
        assertThat(replay.loadedProperty().get()).isFalse();

        replay.script().openExample("order-pipeline.js");
        replay.addBreakpoint(BreakpointKind.TYPE, "payment.failed");
        replay.load();
        assertThat(replay.stateProperty().get()).isEqualTo(ReplayState.READY);
        replay.play();
        assertThat(replay.stateProperty().get()).isEqualTo(ReplayState.STOPPED);
        replay.step();
        assertThat(replay.stateProperty().get()).isEqualTo(ReplayState.READY);
        replay.runToEnd();
        assertThat(replay.stateProperty().get()).as("the next payment.failed").isEqualTo(ReplayState.STOPPED);

        java.util.List.copyOf(replay.breakpoints()).forEach(replay::removeBreakpoint);
        replay.script().openExample("analytics.js");
        replay.load();
        replay.runToEnd();
        assertThat(replay.stateProperty().get()).isEqualTo(ReplayState.FINISHED);
        assertThat(replay.loadedProperty().get()).isTrue();
        assertThat(replay.busyProperty().get()).isFalse();
        assertThat(seen).containsSubsequence(ReplayState.LOADING, ReplayState.FAILED, ReplayState.IDLE,
                ReplayState.LOADING, ReplayState.READY, ReplayState.PLAYING, ReplayState.STOPPED, ReplayState.STEPPING,
                ReplayState.READY, ReplayState.STEPPING, ReplayState.STOPPED, ReplayState.IDLE, ReplayState.LOADING,
                ReplayState.READY, ReplayState.STEPPING, ReplayState.FINISHED);
    }

    @Test
    void impossibleChangesAreRefused() {
        assertThat(ReplayState.LOADING.canMoveTo(ReplayState.PLAYING)).isFalse();
        assertThat(ReplayState.PLAYING.canMoveTo(ReplayState.STEPPING)).isFalse();
        assertThat(ReplayState.IDLE.canMoveTo(ReplayState.READY)).isFalse();
        assertThat(ReplayState.FAILED.canMoveTo(ReplayState.PLAYING)).isFalse();
        assertThat(ReplayState.FINISHED.canMoveTo(ReplayState.STEPPING)).isTrue(); // step back from the end
        for (ReplayState s : ReplayState.values()) {
            assertThat(s.canMoveTo(ReplayState.IDLE)).as(s + " can always unload").isTrue();
        }
    }

    @Test
    void closingTheProjectLeavesNothingOfItsRunOnScreen() {
        replay.script().openExample("order-pipeline.js");
        replay.addBreakpoint(BreakpointKind.TYPE, "payment.failed");
        replay.load();
        replay.play();
        replay.step();
        assertThat(replay.output().delivered()).isNotEmpty();

        main.closeProject();

        assertThat(replay.output().delivered()).isEmpty();
        assertThat(replay.output().console()).isEmpty();
        assertThat(replay.stoppedAtProperty().get()).isEmpty();
        assertThat(replay.loadedProperty().get()).isFalse();
        assertThat(replay.selection().selectedProperty().get()).isNull();
        assertThat(replay.statusProperty().get()).isEqualTo("Open a project first.");
    }

    @Test
    void logLinesReachTheConsole() {
        replay.script().openExample("analytics.js");
        replay.load();
        replay.runToEnd();
        assertThat(replay.output().console()).isNotEmpty()
                .anySatisfy(l -> assertThat(l.text()).contains("payment failed for"));
        assertThat(replay.output().summaryProperty().get().finished()).isTrue();
        assertThat(replay.runs().runs()).hasSize(1);
    }

    @Test
    void aFlakyHandlerLeavesDeadLettersWithTheScriptLine() {
        replay.script().openExample("flaky-payment.js");
        replay.load();
        replay.runToEnd();
        assertThat(replay.output().deadLetters()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.handler()).isEqualTo("flaky-payment");
            assertThat(d.error().line()).isEqualTo(8);
            assertThat(d.attempts()).isEqualTo(3);
        });
        assertThat(replay.output().console()).anySatisfy(l -> assertThat(l.line()).isEqualTo(8));
    }

    @Test
    void aSyntaxErrorGoesToTheConsoleWithLineAndColumnAndNoSessionIsMade() {
        replay.script().textProperty().set("on('order.created', (e) => {\n  let x = ;\n});\n");
        replay.load();
        assertThat(replay.loadedProperty().get()).isFalse();
        assertThat(replay.session()).isEmpty();
        ConsoleLine error = replay.output().console().get(0);
        assertThat(error.error()).isTrue();
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isPositive();
        assertThat(error.text()).contains("untitled.js:2:").contains("SyntaxError");
        assertThat(replay.script().errorLineProperty().get()).isEqualTo(2);
    }

    @Test
    void aFullSpeedRunUpdatesTheListsAFewTimesAndKeepsTheLastRows() throws Exception {
        try (SharedScriptEngine engine = new SharedScriptEngine();
             ProjectStore store = ProjectStore.open(importedProject())) {
            ReplayViewModel small = new ReplayViewModel(new SameThreadWork(), engine,
                    Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Pacer.none(), new SimpleObjectProperty<>(),
                    new EventDetailViewModel(new SameThreadWork()), 100);
            small.setStore(store);
            small.script().openExample("order-pipeline.js");
            small.modeProperty().set(ReplayMode.ROOTS);
            small.load();
            AtomicInteger changes = new AtomicInteger();
            small.output().delivered().addListener((ListChangeListener<Delivery>) c -> changes.incrementAndGet());
            small.play();
            long delivered = small.output().deliveredCountProperty().get();
            assertThat(delivered).isGreaterThan(400).isEqualTo(small.session().orElseThrow().summary().delivered());
            assertThat(changes.get()).isLessThanOrEqualTo(2);
            assertThat(small.output().delivered()).hasSize(100);
            assertThat(last(small.output().delivered()).index()).isEqualTo(delivered);
            assertThat(small.sliceProgressProperty().get()).isEqualTo(small.sliceSizeProperty().get());
            small.dispose();
        }
    }

    @Test
    void theViewsRunSummaryEqualsTheCommandLines() throws Exception {
        Path project = importedProject();
        StringWriter out = new StringWriter();
        assertThat(Main.run(new String[] {"replay", project.toString(), "--script", "samples/scripts/flaky-payment.js",
                "--where", "type:order.*", "--json", "--no-save"}, new PrintWriter(out), new PrintWriter(new StringWriter())))
                .isZero();
        RunSummary cli = RunCodec.summary(Json.parseOrMissing(out.toString()).path("summary"));

        try (SharedScriptEngine engine = new SharedScriptEngine(); ProjectStore store = ProjectStore.open(project)) {
            ReplayViewModel view = new ReplayViewModel(new SameThreadWork(), engine, Clock.systemUTC(), Pacer.none(),
                    new SimpleObjectProperty<>(), new EventDetailViewModel(new SameThreadWork()));
            view.setStore(store);
            view.script().openExample("flaky-payment.js");
            view.filterTextProperty().set("type:order.*");
            view.load();
            view.runToEnd();
            assertThat(view.output().summaryProperty().get()).isEqualTo(cli);
            assertThat(cli.deadLettered()).isPositive();
            view.dispose();
        }
    }

    @Test
    void theScrubberRunsToAnEventOfTheSliceAndRootsModeReportsTheChangedChildren() {
        replay.script().openExample("order-pipeline.js");
        replay.filterTextProperty().set("type:order.created");
        replay.load();
        assertThat(replay.sliceSizeProperty().get()).isEqualTo(50);
        replay.runToSliceIndex(10);
        assertThat(replay.sliceProgressProperty().get()).isEqualTo(10);

        replay.script().textProperty().set(replay.script().textProperty().get()
                .replace("const FLAG_SCORE = 0.85;", "const FLAG_SCORE = 0.92;"));
        replay.filterTextProperty().set("");
        replay.modeProperty().set(ReplayMode.ROOTS);
        replay.load();
        replay.runToEnd();
        assertThat(replay.output().divergences()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.causeId()).isNotBlank());
        assertThat(replay.output().summaryProperty().get().divergences()).isEqualTo(replay.output().divergences().size());

        Divergence missing = replay.output().divergences().stream().filter(d -> d.kind() == Divergence.Kind.MISSING)
                .findFirst().orElseThrow();
        replay.selectDivergence(missing);
        DivergenceDiff diff = replay.divergenceDiff();
        assertThat(diff.expectedProperty().get()).contains("\"id\" : \"" + missing.recordedId() + "\"");
        assertThat(diff.ids()).extracting(eventlens.app.links.DetailField::link).startsWith(
                eventlens.app.links.IdLink.event(missing.causeId()), eventlens.app.links.IdLink.event(missing.recordedId()));
        replay.output().divergences().stream()
                .filter(d -> d.kind() == Divergence.Kind.UNEXPECTED && d.causeId().equals(missing.causeId())).findFirst()
                .ifPresentOrElse(instead -> assertThat(diff.actualProperty().get()).startsWith("published instead:")
                                .contains(instead.publishedId()),
                        () -> assertThat(diff.actualProperty().get()).startsWith("The run published no " + missing.type()));
    }

    @Test
    void aConditionBreakpointThatDoesNotCompileIsReportedAndNotAdded() {
        replay.script().openExample("order-pipeline.js");
        replay.load();
        replay.addBreakpoint(BreakpointKind.CONDITION, "event.data.total > ");
        assertThat(replay.breakpoints()).isEmpty();
        assertThat(replay.output().console()).anySatisfy(l -> assertThat(l.error()).isTrue());
        replay.addBreakpoint(BreakpointKind.ERROR, "");
        assertThat(replay.breakpoints()).containsExactly(Breakpoint.onError());
    }

    @Test
    void anExampleBringsTheSliceAndModeItWasWrittenForAndGivesTheReadmesFigures() {
        replay.script().openExample("order-pipeline.js");
        assertThat(replay.modeProperty().get()).isEqualTo(ReplayMode.ROOTS);
        assertThat(replay.filterTextProperty().get()).isEqualTo("type:*.* before:2024-01-16");
        assertThat(replay.statusProperty().get()).contains("mode roots");
        replay.load();
        replay.runToEnd();
        RunSummary s = replay.output().summaryProperty().get();
        assertThat(s.delivered()).isEqualTo(474);
        assertThat(s.published()).isEqualTo(424);
        assertThat(s.matched()).isEqualTo(424);
        assertThat(s.divergences()).isZero();

        replay.script().openExample("analytics.js");
        assertThat(replay.modeProperty().get()).isEqualTo(ReplayMode.ALL);
        assertThat(replay.filterTextProperty().get()).isEmpty();
    }

    @Test
    void aScriptWithoutAHeaderLeavesTheSliceAndModeAsTheyWere() throws Exception {
        replay.modeProperty().set(ReplayMode.ROOTS);
        replay.filterTextProperty().set("type:order.created");
        Path file = Files.writeString(dir.resolve("mine.js"), "on('order.created', (e, ctx) => {});\n");
        replay.script().open(file);
        assertThat(replay.script().name()).isEqualTo("mine.js");
        assertThat(replay.modeProperty().get()).isEqualTo(ReplayMode.ROOTS);
        assertThat(replay.filterTextProperty().get()).isEqualTo("type:order.created");
    }

    @Test
    void aTypeBreakpointNamesTheStepThatWillDeliverTheSelectedEvent() {
        replay.script().openExample("order-pipeline.js");
        replay.addBreakpoint(BreakpointKind.TYPE, "payment.failed");
        replay.load();
        replay.play();
        String banner = replay.stoppedAtProperty().get();
        long step = Long.parseLong(banner.replaceAll("Stopped before step (\\d+): .*", "$1"));
        assertThat(step).isEqualTo(replay.output().deliveredCountProperty().get() + 1);
        var selected = replay.selection().selectedProperty().get();
        assertThat(banner).contains(": payment.failed " + selected.id() + " · ");
        assertThat(replay.output().delivered()).noneMatch(d -> d.index() == step);

        replay.step();
        Delivery delivered = last(replay.output().delivered());
        assertThat(delivered.index()).isEqualTo(step);
        assertThat(delivered.event().id()).isEqualTo(selected.id());
    }

    @Test
    void anErrorBreakpointNamesTheStepThatFailedWhichIsTheSelectedRow() {
        replay.script().openExample("flaky-payment.js");
        replay.addBreakpoint(BreakpointKind.ERROR, "");
        replay.load();
        replay.play();
        String banner = replay.stoppedAtProperty().get();
        long step = Long.parseLong(banner.replaceAll("Stopped after step (\\d+): .*", "$1"));
        Delivery row = replay.output().delivered().stream().filter(d -> d.index() == step).findFirst().orElseThrow();
        assertThat(row.event().id()).isEqualTo(replay.selection().selectedProperty().get().id());
        assertThat(banner).contains(row.event().type() + " " + row.event().id());
    }

    @Test
    void atATypeBreakpointTheStatePaneShowsBeforeAndAfterTheComingStepAndAStepMarksWhatChanged() {
        replay.script().openExample("order-pipeline.js");
        replay.addBreakpoint(BreakpointKind.TYPE, "order.verified");
        replay.load();
        replay.play();
        StepState state = replay.stepState();
        // Not delivered yet: "after" is what the event will make of the state, computed without delivering it.
        assertThat(state.titleProperty().get()).startsWith("Order order-").contains("(not delivered yet)")
                .endsWith("order.verified");
        var coming = state.treeProperty().get().find(eventlens.model.state.JsonPath.ROOT.member("status")).orElseThrow();
        assertThat(coming.before()).isEqualTo("\"created\"");
        assertThat(coming.value()).isEqualTo("\"verified\"");
        assertThat(coming.mark()).isEqualTo(eventlens.model.state.Change.Kind.CHANGED);
        assertThat(state.noteProperty().get()).startsWith("Before step").contains("1 changed");
        assertThat(replay.session().orElseThrow().state(replay.selection().selectedProperty().get().aggregateId()))
                .as("the preview delivered nothing").contains("\"created\"");

        replay.step();
        assertThat(state.titleProperty().get()).contains("step ").doesNotContain("before");
        var status = state.treeProperty().get().find(eventlens.model.state.JsonPath.ROOT.member("status")).orElseThrow();
        assertThat(status.value()).isEqualTo("\"verified\"");
        assertThat(status.mark()).isEqualTo(eventlens.model.state.Change.Kind.CHANGED);
        assertThat(status.before()).isEqualTo("\"created\"");
        assertThat(state.noteProperty().get()).contains("changed");

        replay.stepBack();
        assertThat(state.titleProperty().get()).contains("before step").endsWith("order.verified");
        assertThat(state.changesProperty().get()).isEmpty();
    }

    @Test
    void atAnErrorBreakpointTheStatePaneShowsTheStateBeforeTheFailedStepAndWhatItChanged() {
        replay.script().textProperty().set("on('order.verified', (event, ctx) => { throw new Error('boom'); });\n");
        replay.addBreakpoint(BreakpointKind.ERROR, "");
        replay.load();
        replay.play();
        StepState state = replay.stepState();
        assertThat(replay.stoppedAtProperty().get()).startsWith("Stopped after step");
        assertThat(state.titleProperty().get()).startsWith("Order order-").doesNotContain("not delivered")
                .endsWith("order.verified");
        var status = state.treeProperty().get().find(eventlens.model.state.JsonPath.ROOT.member("status")).orElseThrow();
        assertThat(status.before()).isEqualTo("\"created\"");
        assertThat(status.value()).isEqualTo("\"verified\"");
        assertThat(status.mark()).isEqualTo(eventlens.model.state.Change.Kind.CHANGED);
        assertThat(state.noteProperty().get()).startsWith("Step ").contains("made").contains("1 changed");
    }

    /** A project file with every bundled sample, imported by the command line. */
    private Path importedProject() throws Exception {
        Path project = dir.resolve("p.eventlens");
        List<String> args = new ArrayList<>(List.of("import", project.toString()));
        SampleLogs.extractTo(Files.createDirectory(dir.resolve("logs"))).forEach(p -> args.add(p.toString()));
        assertThat(Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))).isZero();
        return project;
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}

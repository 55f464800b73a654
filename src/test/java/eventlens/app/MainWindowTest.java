package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window driven headless (Monocle): import, table, detail. Background work runs on the same
 * thread, so every step has finished when {@code interact} returns: no robot timing.
 */
class MainWindowTest extends HeadlessWindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void importedEventsAppearInTheTableAndTheSelectedOneInTheDetailPane(FxRobot robot) throws IOException {
        Path log = MainViewModelTest.log(dir, "orders.jsonl", 12, true);
        robot.interact(() -> model.openProject(dir.resolve("p.eventlens")));
        robot.interact(() -> model.importFiles(List.of(log)));

        TableView<Event> table = robot.lookup("#events-table").queryTableView();
        assertThat(table.getItems()).hasSize(12);
        assertThat(robot.lookup("#status-events").queryAs(Label.class).getText()).isEqualTo("12 events");
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText()).contains("1 failed");

        robot.interact(() -> table.getSelectionModel().select(3));
        TextArea data = robot.lookup("#detail-data").queryAs(TextArea.class);
        assertThat(data.getText()).contains("\"orderId\" : \"order-4\"").contains("\"total\" : 40");
        assertThat(robot.lookup("#detail-raw").queryAs(TextArea.class).getText()).startsWith("{\"id\":\"evt-4\"");
    }

    @Test
    void theFirstPageFillsRowsMadeBeforeTheWindowShowedAndNothingMadeUpIsShown(FxRobot robot) throws IOException {
        TableView<Event> table = robot.lookup("#events-table").queryTableView();
        java.util.Set<javafx.scene.Node> ahead = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        robot.interact(() -> ahead.addAll(table.lookupAll(".table-row-cell")));
        assertThat(ahead).as("rows made before showing").hasSizeGreaterThan(10);
        assertThat(table.getItems()).as("nothing made up is left in the table").isEmpty();
        assertThat(robot.lookup("#events-table .table-cell").match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && drawn(c) && c.getText() != null && c.getText().contains("made.up")).queryAll()).isEmpty();

        Path log = MainViewModelTest.log(dir, "orders.jsonl", 12, true);
        robot.interact(() -> model.openProject(dir.resolve("p.eventlens")));
        robot.interact(() -> model.importFiles(List.of(log)));
        robot.interact(table::layout);
        List<javafx.scene.Node> filled = List.copyOf(robot.lookup("#events-table .table-row-cell")
                .match(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null && drawn(r)).queryAll());
        assertThat(filled).hasSize(12);
        assertThat(filled).noneMatch(r -> String.valueOf(((javafx.scene.control.TableRow<?>) r).getItem()).contains("made.up"));
        assertThat(filled).as("the first page's rows are the ones made ahead").allMatch(ahead::contains);
    }

    /** Visible with every parent up to the scene's root. */
    private static boolean drawn(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible() || n.getOpacity() == 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theWarmUpLeavesEveryViewWholeEvenOneShownWhileItIsStyledAPieceAtATime(FxRobot robot) throws Exception {
        String holder = "." + eventlens.app.base.StyledInPieces.HOLDER;
        robot.interact(window::warmUp);
        javafx.scene.Node[] partial = new javafx.scene.Node[1];
        Integer left = null;
        long until = System.nanoTime() + 30_000_000_000L;
        while (left == null && System.nanoTime() < until) {
            // Looked for and shown in one FX task: between two, the warm-up goes on.
            left = WaitForAsyncUtils.asyncFx(() -> {
                var holders = stage.getScene().getRoot().lookupAll(holder);
                if (holders.isEmpty()) {
                    return null;
                }
                javafx.scene.Node n = holders.iterator().next();
                while (!(n.getParent() instanceof javafx.scene.layout.StackPane area && area.getParent() == window)) {
                    n = n.getParent();
                }
                partial[0] = n;
                for (Section s : Section.values()) {
                    model.sectionProperty().set(s);
                    if (partial[0].isVisible() && partial[0].getOpacity() == 1) {
                        break;
                    }
                }
                return partial[0].lookupAll(holder).size();
            }).get();
        }
        assertThat(partial[0]).as("a view was caught taken apart").isNotNull();
        assertThat(partial[0].getOpacity()).as("shown").isEqualTo(1);
        assertThat(left).as("shown whole at once").isZero();

        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !window.warmingUp()).get());
        assertThat(robot.lookup(holder).queryAll()).as("no piece left out of any view").isEmpty();
    }

    @Test
    void withoutAProjectTheWindowOffersTheWaysInAndTheRecentProjects(FxRobot robot) {
        assertThat(robot.lookup("#start-pane").tryQuery()).as("no project at start").isPresent();
        assertThat(robot.lookup("#start-new").tryQuery()).isPresent();
        assertThat(robot.lookup("#start-samples").tryQuery()).isPresent();
        Path project = dir.resolve("recent.eventlens");
        robot.interact(() -> model.openProject(project));
        assertThat(robot.lookup("#start-pane").tryQuery()).as("a project is open").isEmpty();
        robot.interact(model::closeProject);
        var link = robot.lookup("#start-recent .hyperlink").queryAs(javafx.scene.control.Hyperlink.class);
        assertThat(link.getText()).isEqualTo("recent.eventlens");
        robot.interact(link::fire);
        assertThat(model.hasProjectProperty().get()).isTrue();
        assertThat(model.projectNameProperty().get()).isEqualTo("recent");
    }

    @Test
    void aRedeliveredEventShowsItsCopiesSideBySide(FxRobot robot) throws Exception {
        Path first = Files.writeString(dir.resolve("first.jsonl"),
                "{\"id\":\"e1\",\"type\":\"order.created\",\"data\":{\"total\":10}}\n");
        Path again = Files.writeString(dir.resolve("again.jsonl"),
                "{\"id\":\"e1\",\"type\":\"order.created\",\"data\":{\"total\":99}}\n");
        robot.interact(() -> model.openProject(dir.resolve("p.eventlens")));
        robot.interact(() -> model.importFiles(List.of(first, again)));
        TableView<Event> table = robot.lookup("#events-table").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#detail-copies-tab").tryQuery().ifPresentOrElse(n -> { },
                () -> { throw new AssertionError("no Copies tab"); }));
        javafx.scene.control.TabPane tabs = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().size() - 1));
        javafx.scene.layout.HBox copies = robot.lookup("#detail-copies").queryAs(javafx.scene.layout.HBox.class);
        assertThat(copies.getChildren()).hasSize(2);
        assertThat(robot.lookup("#detail-copies .label").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("first delivery · first.jsonl:1", "copy 2 · again.jsonl:1 · differs");
        writePng(robot, Path.of("target/screenshots/detail-copies.png"));
    }

    @Test
    void theImportsViewListsTheErrorsOfTheSelectedImport(FxRobot robot) throws Exception {
        Path log = MainViewModelTest.log(dir, "orders.jsonl", 6, true);
        robot.interact(() -> model.openProject(dir.resolve("p.eventlens")));
        robot.interact(() -> model.importFiles(List.of(log)));
        robot.clickOn("#status-import-errors");
        TableView<?> imports = robot.lookup("#imports-table").queryTableView();
        robot.interact(() -> imports.getSelectionModel().select(0));
        TableView<?> errors = robot.lookup("#import-errors-table").queryTableView();
        assertThat(errors.getItems()).hasSize(1);
        writePng(robot, Path.of("target/screenshots/imports-errors.png"));
    }

    @Test
    void aQueryTheProjectCannotAnswerSaysWhyWithoutSqueezingTheFilterField(FxRobot robot) throws Exception {
        Path log = MainViewModelTest.log(dir, "orders.jsonl", 4, false);
        robot.interact(() -> model.openProject(dir.resolve("p.eventlens")));
        robot.interact(() -> model.importFiles(List.of(log)));
        TextField filter = robot.lookup("#filter").queryAs(TextField.class);
        robot.interact(() -> {
            filter.setText("is:invalid");
            model.events().applyFilter();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.events().summaryProperty().get()).contains("is:invalid needs a validation first");
        assertThat(filter.getWidth()).as("the field keeps most of the bar").isGreaterThan(filter.getScene().getWidth() / 3);
    }

    @Test
    void aFilterThatDoesNotParseIsShownUnderTheFilterBar(FxRobot robot) throws Exception {
        Path log = MainViewModelTest.log(dir, "orders.jsonl", 4, false);
        robot.interact(() -> model.openProject(dir.resolve("p.eventlens")));
        robot.interact(() -> model.importFiles(List.of(log)));
        robot.clickOn("#filter").write("after:yesterday-ish").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#filter-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isNotEmpty();
        writePng(robot, Path.of("target/screenshots/filter-error.png"));

        robot.interact(() -> {
            robot.lookup("#filter").queryAs(TextField.class).setText("type:order.paid");
            model.events().applyFilter();
        });
        assertThat(error.isVisible()).isFalse();
        assertThat(robot.lookup("#events-table").queryTableView().getItems()).hasSize(2);
    }

    @Test
    void controlFFocusesTheFilterFromAnotherView(FxRobot robot) {
        robot.interact(() -> model.sectionProperty().set(Section.IMPORTS));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.F, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.sectionProperty().get()).isEqualTo(Section.EVENTS);
        assertThat(robot.lookup("#filter").queryAs(TextField.class).isFocused()).isTrue();
    }

    @Test
    void controlAndADigitSwitchViewsInNavigatorOrder(FxRobot robot) {
        javafx.scene.input.KeyCode[] digits = {javafx.scene.input.KeyCode.DIGIT1, javafx.scene.input.KeyCode.DIGIT2,
            javafx.scene.input.KeyCode.DIGIT3, javafx.scene.input.KeyCode.DIGIT4, javafx.scene.input.KeyCode.DIGIT5,
            javafx.scene.input.KeyCode.DIGIT6};
        for (int i = digits.length - 1; i >= 0; i--) {
            robot.press(javafx.scene.input.KeyCode.CONTROL, digits[i]).release(digits[i], javafx.scene.input.KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(model.sectionProperty().get()).isEqualTo(Section.values()[i]);
        }
    }

    @Test
    void theShortcutsDialogListsEveryMenuKeyAndTheViewKeys(FxRobot robot) {
        var bar = (javafx.scene.control.MenuBar) window.getTop();
        List<String[]> rows = HelpDialogs.shortcuts(bar.getMenus());
        assertThat(rows).extracting(r -> r[1]).contains("View → Flows", "File → Close project", "Help → Keyboard shortcuts");
        assertThat(rows).extracting(r -> r[0]).contains("Home / Page Up / Page Down / End", "Ctrl+Enter");
        assertThat(rows).filteredOn(r -> r[1].equals("Bookmarks → Add bookmark…")).singleElement()
                .satisfies(r -> assertThat(r[0]).contains("D"));
        assertThat(rows).filteredOn(r -> r[1].equals("View → Flows")).singleElement()
                .satisfies(r -> assertThat(r[0]).contains("2"));
    }

    @Test
    void aFailureOffersItsDetailsToCopy(FxRobot robot) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.eventlens"), "not a database at all".repeat(100));
        robot.interact(() -> model.openProject(junk));
        var copy = robot.lookup("#status-copy-details").queryAs(javafx.scene.control.Hyperlink.class);
        assertThat(copy.isVisible()).isTrue();
        robot.interact(copy::fire);
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).startsWith("Cannot open junk.eventlens: ").contains("at eventlens.");
    }

    @Test
    void screenshotOfTheMainWindowWithTheSamples(FxRobot robot) throws Exception {
        robot.interact(() -> model.openTemporaryProject("Samples",
                () -> SampleLogs.extractTo(Files.createDirectory(dir.resolve("samples")))));
        TableView<Event> table = robot.lookup("#events-table").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        Path png = Path.of("target/screenshots/main-window.png");
        writePng(robot, png);
        assertThat(png).isNotEmptyFile();

        robot.interact(() -> model.darkThemeProperty().set(true));
        writePng(robot, Path.of("target/screenshots/main-window-dark.png"));
        robot.interact(() -> model.darkThemeProperty().set(false));

        robot.interact(() -> model.sectionProperty().set(Section.IMPORTS));
        writePng(robot, Path.of("target/screenshots/imports.png"));
        robot.interact(() -> model.sectionProperty().set(Section.DEAD_LETTERS));
        writePng(robot, Path.of("target/screenshots/dead-letters.png"));
        robot.interact(() -> model.sectionProperty().set(Section.FLOWS));
        writePng(robot, Path.of("target/screenshots/placeholder.png"));
    }

}

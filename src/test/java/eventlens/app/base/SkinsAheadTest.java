package eventlens.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.LabelSkin;
import javafx.scene.control.skin.SplitPaneSkin;
import javafx.scene.control.skin.TabPaneSkin;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's warm-up gives a view's controls their default skins before styling them. */
@ExtendWith(ApplicationExtension.class)
class SkinsAheadTest {
    private Stage stage;

    /** A tab pane that makes a skin of its own: its skin is left to styling. */
    static final class OwnSkinTabs extends TabPane {
        @Override
        protected Skin<?> createDefaultSkin() {
            return new TabPaneSkin(this);
        }
    }

    /** A tab pane of ours that keeps the default skin. */
    static final class PlainTabs extends TabPane {
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void givesEachKnownControlItsDefaultSkinAndVisitsWhatTheSkinsBring() throws Exception {
        Label inSplit = new Label("in a split pane");
        Label inTab = new Label("in a tab");
        TableView<String> table = new TableView<>();
        table.getColumns().add(new TableColumn<>("Type"));
        SplitPane split = new SplitPane(inSplit, table);
        PlainTabs tabs = new PlainTabs();
        tabs.getTabs().add(new Tab("one", inTab));
        OwnSkinTabs own = new OwnSkinTabs();
        VBox view = new VBox(split, tabs, own, new TextField());

        int made = WaitForAsyncUtils.asyncFx(() -> SkinsAhead.makeAll(view)).get();

        assertThat(split.getSkin()).isInstanceOf(SplitPaneSkin.class);
        assertThat(table.getSkin()).isInstanceOf(TableViewSkin.class);
        assertThat(tabs.getSkin()).as("a subclass without a skin of its own").isInstanceOf(TabPaneSkin.class);
        assertThat(inSplit.getSkin()).as("an item the split pane's skin brought").isInstanceOf(LabelSkin.class);
        assertThat(inTab.getSkin()).as("a tab's content the tab pane's skin brought").isInstanceOf(LabelSkin.class);
        assertThat(own.getSkin()).as("a control that makes its own skin is left to styling").isNull();
        assertThat(made).isGreaterThanOrEqualTo(6);
    }

    @Test
    void stylingKeepsTheSkinMadeAheadAndStylesWhatItBrought() throws Exception {
        Label label = new Label("styled");
        label.getStyleClass().add("warm-red");
        SplitPane split = new SplitPane(label);
        VBox view = new VBox(split);
        WaitForAsyncUtils.asyncFx(() -> SkinsAhead.makeAll(view)).get();
        Skin<?> made = split.getSkin();

        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = new Scene(view, 300, 200);
            scene.getStylesheets().add("data:text/css,.warm-red%7B-fx-text-fill:red;%7D");
            stage.setScene(scene);
            stage.show();
            view.applyCss();
        }).get();

        assertThat(split.getSkin()).isSameAs(made);
        assertThat(label.getTextFill()).isEqualTo(javafx.scene.paint.Color.RED);
    }

    @Test
    void makesItsSkinsInSlicesThenRunsWhatFollows() throws Exception {
        VBox view = new VBox();
        for (int i = 0; i < 200; i++) {
            view.getChildren().add(new Label("label " + i));
        }
        java.util.concurrent.CompletableFuture<Boolean> done = new java.util.concurrent.CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> SkinsAhead.make(view, 0, () -> done.complete(
                view.getChildren().stream().allMatch(n -> ((Label) n).getSkin() != null)))).get();
        assertThat(done.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("every label skinned, one slice a task").isTrue();
    }

    @Test
    void stopsOnceTheViewIsInASceneAndLeavesTheRestToStyling() throws Exception {
        VBox view = new VBox();
        for (int i = 0; i < 50; i++) {
            view.getChildren().add(new Label("label " + i));
        }
        java.util.concurrent.CompletableFuture<Long> skinned = new java.util.concurrent.CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> {
            SkinsAhead.make(view, 0, () -> skinned.complete(
                    view.getChildren().stream().filter(n -> ((Label) n).getSkin() != null).count()));
            stage.setScene(new Scene(view, 300, 200)); // shown before the first slice ran
        }).get();
        assertThat(skinned.get(10, java.util.concurrent.TimeUnit.SECONDS)).isZero();
    }
}

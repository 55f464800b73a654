package eventlens.app.base;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's warm-up styles a big view a piece at a time and leaves it exactly as it was built. */
@ExtendWith(ApplicationExtension.class)
class StyledInPiecesTest {
    private StackPane area;
    private Label top;
    private Label left;
    private Label tabbed;
    private Label boxed;
    private Label bottom;
    private SplitPane split;
    private TabPane tabs;
    private VBox box;
    private BorderPane view;

    @Start
    void start(Stage stage) {
        area = new StackPane();
        top = red("top");
        left = red("left");
        tabbed = red("tabbed");
        boxed = red("boxed");
        bottom = red("bottom");
        Scene scene = new Scene(area, 600, 400);
        scene.getStylesheets().add("data:text/css,.warm-red%7B-fx-text-fill:red;%7D");
        stage.setScene(scene);
        stage.show();
        tabs = new TabPane(new Tab("one", tabbed));
        box = new VBox(boxed, new Label("more"));
        split = new SplitPane(left, tabs, box);
        split.setDividerPositions(0.2, 0.7);
        view = new BorderPane(split, top, null, bottom, null);
    }

    private static Label red(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("warm-red");
        return l;
    }

    @Test
    void takesTheBigPiecesOutAndPutsEachBackStyled() throws Exception {
        StyledInPieces pieces = WaitForAsyncUtils.asyncFx(() -> StyledInPieces.takeApart(view, 1)).get();
        assertThat(pieces.pieces()).as("the border pane's three, then in the split pane's items a tab's and the box's two")
                .isEqualTo(6);
        assertThat(view.getCenter()).as("out until put back").isNull();
        assertThat(split.getItems()).as("a split pane keeps its items").containsExactly(left, tabs, box);
        assertThat(tabs.getTabs().get(0).getContent()).isNull();
        assertThat(box.getChildren()).doesNotContain(boxed).hasSize(2);

        double[] dividers = new double[2];
        int tasks = WaitForAsyncUtils.asyncFx(() -> {
            area.getChildren().add(view);
            int n = 1;
            while (pieces.styleNext()) {
                n++;
            }
            System.arraycopy(split.getDividerPositions(), 0, dividers, 0, 2);
            return n;
        }).get();

        assertThat(tasks).isEqualTo(7);
        assertThat(view.getTop()).isSameAs(top);
        assertThat(view.getCenter()).isSameAs(split);
        assertThat(view.getBottom()).isSameAs(bottom);
        assertThat(split.getItems()).containsExactly(left, tabs, box);
        assertThat(dividers).as("where the view put them").containsExactly(0.2, 0.7);
        assertThat(tabs.getTabs().get(0).getContent()).isSameAs(tabbed);
        assertThat(box.getChildren().get(0)).isSameAs(boxed);
        for (Label l : new Label[] {top, left, tabbed, boxed, bottom}) {
            assertThat(l.getTextFill()).as("%s styled before any pulse", l.getText()).isEqualTo(Color.RED);
        }
    }

    @Test
    void aSmallViewIsStyledWhole() throws Exception {
        StyledInPieces pieces = WaitForAsyncUtils.asyncFx(() -> StyledInPieces.takeApart(view, 1000)).get();
        assertThat(pieces.pieces()).isZero();
        boolean more = WaitForAsyncUtils.asyncFx(() -> {
            area.getChildren().add(view);
            return pieces.styleNext();
        }).get();
        assertThat(more).isFalse();
        assertThat(tabbed.getTextFill()).isEqualTo(Color.RED);
    }

    @Test
    void finishingEarlyPutsEveryPieceBack() throws Exception {
        StyledInPieces pieces = WaitForAsyncUtils.asyncFx(() -> StyledInPieces.takeApart(view, 1)).get();
        WaitForAsyncUtils.asyncFx(() -> {
            area.getChildren().add(view);
            pieces.styleNext();
            pieces.styleNext();
            pieces.finish();
        }).get();
        assertThat(view.getCenter()).isSameAs(split);
        assertThat(split.getItems()).containsExactly(left, tabs, box);
        assertThat(tabs.getTabs().get(0).getContent()).isSameAs(tabbed);
        assertThat(box.getChildren()).startsWith(boxed);
        assertThat(WaitForAsyncUtils.asyncFx(pieces::styleNext).get()).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabbed.getTextFill()).as("styled by the pulse").isEqualTo(Color.RED);
    }

    @Test
    void whatTheViewPutInAPlaceMeanwhileStays() throws Exception {
        StyledInPieces pieces = WaitForAsyncUtils.asyncFx(() -> StyledInPieces.takeApart(view, 1)).get();
        Node replaced = new Label("put there by the view");
        WaitForAsyncUtils.asyncFx(() -> {
            view.setTop(replaced);
            box.getChildren().setAll(new Label("a new list"));
            area.getChildren().add(view);
            while (pieces.styleNext()) {
                // every piece
            }
        }).get();
        assertThat(view.getTop()).isSameAs(replaced);
        assertThat(box.getChildren()).extracting(n -> ((Label) n).getText()).containsExactly("a new list");
        assertThat(view.getCenter()).isSameAs(split);
    }
}

package eventlens.app.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.EventLensApp;
import eventlens.app.base.Styles;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The sparkline's colours are the stylesheet's, light and dark. */
@ExtendWith(ApplicationExtension.class)
class SparklineTest {
    private final Sparkline sparkline = new Sparkline();
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane(sparkline);
        root.getStyleClass().add("root");
        Scene scene = new Scene(root, 200, 40);
        scene.getStylesheets().add(EventLensApp.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void barsTakeTheDangerColourOfTheTheme(FxRobot robot) {
        robot.interact(() -> sparkline.applyCss());
        assertThat(sparkline.barFill()).isEqualTo(Color.web("#cf222e"));
        robot.interact(() -> {
            sparkline.getScene().getRoot().getStyleClass().add("dark");
            sparkline.applyCss();
        });
        assertThat(sparkline.barFill()).isEqualTo(Color.web("#f47067"));
    }
}

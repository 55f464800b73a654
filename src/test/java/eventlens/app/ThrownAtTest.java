package eventlens.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ThrownAtTest {
    @Start
    void start(Stage stage) {
        ThrownAt.install();
        stage.setScene(new Scene(new Pane(), 100, 100));
        stage.show();
    }

    @Test
    void whatTheFxThreadThrowsOutsideARobotCallFailsTheNextOneSayingWhereItWasThrown(FxRobot robot) {
        robot.interact(() -> Platform.runLater(ThrownAtTest::outOfBounds));
        assertThatThrownBy(() -> robot.interact(() -> { }))
                .hasMessageContaining("IndexOutOfBoundsException: Index -1 out of bounds for length 3")
                .hasMessageContaining("thrown at ")
                .hasMessageContaining("ThrownAtTest.outOfBounds(ThrownAtTest.java:");
    }

    private static void outOfBounds() {
        List.of(1, 2, 3).get(-1);
    }
}

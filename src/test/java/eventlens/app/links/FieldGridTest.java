package eventlens.app.links;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.base.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The fields of the next event with the same names are shown in the same rows, their texts and links changed. */
@ExtendWith(ApplicationExtension.class)
class FieldGridTest {
    private final List<IdLink> followed = new ArrayList<>();

    @Test
    void theSameRowsShowTheNextEventsValuesAndLinks() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            FieldGrid grid = new FieldGrid("detail", followed::add);
            grid.show(List.of(DetailField.of("Type", "order.created"),
                    DetailField.linked("Cause", "evt-1", IdLink.event("evt-1"))));
            List<Node> first = List.copyOf(grid.getChildren());
            IdHyperlink cause = (IdHyperlink) grid.lookup("#detail-link-cause");
            Event.fireEvent(cause, hover());
            assertThat(cause.getTooltip().getText()).isEqualTo(IdLink.event("evt-1").tip());

            grid.show(List.of(new DetailField("Type", "order.paid", true),
                    DetailField.linked("Cause", "evt-2", IdLink.event("evt-2"))));

            assertThat(grid.getChildren()).containsExactlyElementsOf(first);
            Label type = (Label) grid.getChildren().get(1);
            assertThat(type.getText()).isEqualTo("order.paid");
            assertThat(type.getStyleClass()).contains(Styles.WARNING);
            assertThat(cause.getText()).isEqualTo("evt-2");
            assertThat(cause.getAccessibleHelp()).isEqualTo(IdLink.event("evt-2").tip());
            assertThat(cause.getTooltip()).as("made again at the next hover, for the new target").isNull();
            cause.fire();
            assertThat(followed).containsExactly(IdLink.event("evt-2"));

            grid.show(List.of(DetailField.of("Type", "order.shipped"), DetailField.of("Cause", "—")));
            assertThat(grid.getChildren().get(1)).isNotSameAs(first.get(1));
            assertThat(grid.lookup("#detail-link-cause")).as("a plain value now").isNull();
            assertThat(((Label) grid.getChildren().get(1)).getStyleClass()).doesNotContain(Styles.WARNING);
        }).get();
    }

    private static MouseEvent hover() {
        return new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0, false, false, false, false,
                false, false, false, false, false, false, null);
    }
}

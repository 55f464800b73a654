package eventlens.app.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** An id link makes its tooltip at the first hover, not when it is made (each tooltip is a popup window). */
@ExtendWith(ApplicationExtension.class)
class IdHyperlinkTest {
    @Test
    void theTooltipIsMadeAtTheFirstHoverAndSaysWhereTheLinkLeads() throws Exception {
        IdLink link = IdLink.event("evt-1");
        List<IdLink> followed = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            IdHyperlink shown = new IdHyperlink("evt-1", link, followed::add);
            assertThat(shown.getTooltip()).isNull();
            assertThat(shown.getAccessibleHelp()).isEqualTo(link.tip());

            Event.fireEvent(shown, hover());
            assertThat(shown.getTooltip()).isNotNull();
            assertThat(shown.getTooltip().getText()).isEqualTo(link.tip());
            Tooltip first = shown.getTooltip();
            Event.fireEvent(shown, hover());
            assertThat(shown.getTooltip()).isSameAs(first);

            shown.fire();
            assertThat(followed).containsExactly(link);
            assertThat(shown.isVisited()).isFalse();
        }).get();
    }

    private static MouseEvent hover() {
        return new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0, false, false, false, false,
                false, false, false, false, false, false, null);
    }
}

package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LinkTest {

    @Test
    void aLinkReadsBackAsItWasWrittenWithSpacesAndOddCharactersInItsParts() {
        Link link = new Link(Path.of("/tmp/my orders/p&q.eventlens"), Section.FLOWS, "evt 1&x=2");
        String text = link.toString();
        assertThat(text).startsWith("eventlens://open?project=/tmp/my%20orders/p%26q.eventlens&view=flows&select=");
        assertThat(Link.parse(text)).isEqualTo(link);
    }

    @Test
    void viewAndSelectionAreOptional() {
        Link link = Link.parse("eventlens://open?project=/p.eventlens");
        assertThat(link.view()).isNull();
        assertThat(link.select()).isNull();
        assertThat(Link.looksLikeLink("eventlens://open?project=/p")).isTrue();
        assertThat(Link.looksLikeLink("/home/me/p.eventlens")).isFalse();
    }

    @Test
    void aLinkWithoutProjectOrWithAnUnknownViewIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Link.parse("eventlens://open?view=flows")).hasMessageContaining("no project");
        assertThatThrownBy(() -> Link.parse("eventlens://open?project=/p&view=charts")).hasMessageContaining("'charts'");
        assertThatThrownBy(() -> Link.parse("eventlens:/p")).hasMessageContaining("not an EventLens link");
    }
}

package eventlens.app.links;

import eventlens.app.base.Styles;
import java.util.function.Consumer;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * An id shown as a link, the same in every view: monospaced like the other values, a tooltip saying where it
 * leads (made at the first hover), and a click handed to {@code follow} (the application's navigation, so
 * that Alt+Left comes back).
 */
public final class IdHyperlink extends Hyperlink {
    /** The style class of every id link (see eventlens.css). */
    public static final String STYLE = "detail-link";

    private IdLink link;

    public IdHyperlink(String text, IdLink link, Consumer<IdLink> follow) {
        super(text);
        this.link = link;
        getStyleClass().addAll(Styles.FIELD_VALUE, STYLE);
        setWrapText(true);
        setAccessibleHelp(link.tip());
        // The tooltip is made when the pointer first comes over the link: each Tooltip is a popup window with
        // a scene of its own, and the fields of one event (dozens of links) made them in the frame showing it.
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (getTooltip() == null) {
                setTooltip(new Tooltip(this.link.tip()));
            }
        });
        setOnAction(e -> {
            // A link is a way to a view, not a page read once: it never looks visited.
            setVisited(false);
            follow.accept(this.link);
        });
    }

    /** Shows {@code text} leading to {@code target} instead: a detail pane reuses its links from event to event. */
    public void show(String text, IdLink target) {
        setText(text);
        if (!target.equals(link)) {
            link = target;
            setAccessibleHelp(target.tip());
            setTooltip(null);
        }
    }

    /**
     * An unseen link, for a view to hold when the window warms its views up: the first one shown then does not
     * pay for the first Hyperlink's skin and style sheet matching.
     */
    public static Hyperlink warmUp() {
        Hyperlink warm = new Hyperlink("warm-up");
        warm.getStyleClass().addAll(Styles.FIELD_VALUE, STYLE);
        warm.setVisible(false);
        warm.setManaged(false);
        return warm;
    }
}

package eventlens.app.flows;

import eventlens.app.base.Styles;
import eventlens.app.table.CutTextTip;
import eventlens.app.table.TextCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TreeTableCell;

/**
 * A text cell of the flow tree that offers its whole text as a tooltip when the column is too narrow
 * (the tree table counterpart of {@link TextCell}); right-aligned for latencies, and coloured for
 * clock skew, failures and replayed events.
 */
class FlowTreeCell extends TreeTableCell<FlowRow, String> {
    private final CutTextTip tip = new CutTextTip();

    FlowTreeCell(boolean number) {
        setTextOverrun(OverrunStyle.ELLIPSIS);
        if (number) {
            getStyleClass().add(TextCell.NUMBER);
        }
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        setText(empty ? null : text); // the tooltip follows in layoutChildren
        getStyleClass().removeAll(Styles.FLOW_SKEW, Styles.FLOW_FAILED, Styles.WARNING, Styles.FLOW_REPLAY);
        String style = empty || text == null || text.isEmpty() ? null : styleOf(text);
        if (style != null) {
            getStyleClass().add(style);
        }
    }

    /** The style class a text takes, or null. */
    String styleOf(String text) {
        return null;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        tip.update(this);
    }

    /** Red for a negative latency: the effect is stamped before its cause (clock skew, shown as recorded). */
    static final class Latency extends FlowTreeCell {
        Latency() {
            super(true);
        }

        @Override
        String styleOf(String text) {
            return text.startsWith("-") ? Styles.FLOW_SKEW : null;
        }
    }

    /** Failures and dead letters in red, other anomalies in the warning colour. */
    static final class Markers extends FlowTreeCell {
        Markers() {
            super(false);
        }

        @Override
        String styleOf(String text) {
            if (text.startsWith("replay")) {
                return Styles.FLOW_REPLAY;
            }
            return text.contains("✗") || text.contains("☠") ? Styles.FLOW_FAILED : Styles.WARNING;
        }
    }
}

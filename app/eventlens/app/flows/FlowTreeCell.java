package eventlens.app.flows;

import eventlens.app.Styles;
import eventlens.app.table.TextCell;
import javafx.scene.Node;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * A text cell of the flow tree that offers its whole text as a tooltip when the column is too narrow
 * (the tree table counterpart of {@link TextCell}); right-aligned for latencies, and coloured for
 * clock skew, failures and replayed events.
 */
class FlowTreeCell extends TreeTableCell<FlowRow, String> {
    private Tooltip tip;

    FlowTreeCell(boolean number) {
        setTextOverrun(OverrunStyle.ELLIPSIS);
        if (number) {
            getStyleClass().add(TextCell.NUMBER);
        }
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        setText(empty ? null : text);
        setTooltip(null);
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
        String text = getText();
        // The skin's text node holds what is shown: the text, or it cut off with an ellipsis. Comparing the
        // two also counts the tree's indentation, which the cell's own insets do not.
        boolean cut = false;
        if (text != null && !text.isEmpty()) {
            for (Node child : getChildrenUnmodifiable()) {
                if (child instanceof Text shown) {
                    cut = !text.equals(shown.getText());
                }
            }
        }
        if (cut) {
            if (tip == null) {
                tip = new Tooltip();
                tip.setWrapText(true);
                tip.setMaxWidth(600);
            }
            tip.setText(text);
            if (getTooltip() != tip) {
                setTooltip(tip);
            }
        } else if (getTooltip() != null) {
            setTooltip(null);
        }
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

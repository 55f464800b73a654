package eventlens.app.table;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * The whole text of a cell as its tooltip, while the cell shows it cut off. Whether it is cut is read from
 * the skin's text node, which holds what is drawn (the text, or it clipped with an ellipsis): exact, with
 * no measuring, and it counts a tree's indentation too.
 */
public final class CutTextTip {
    private Tooltip tip;

    /** Call after the cell's own layout. */
    public void update(Labeled cell) {
        String text = cell.getText();
        boolean cut = false;
        if (text != null && !text.isEmpty()) {
            for (Node child : cell.getChildrenUnmodifiable()) {
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
            if (cell.getTooltip() != tip) {
                cell.setTooltip(tip);
            }
        } else if (cell.getTooltip() != null) {
            cell.setTooltip(null);
        }
    }
}

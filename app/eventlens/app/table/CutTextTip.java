package eventlens.app.table;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;

/**
 * The whole text of a cell as its tooltip, while the cell shows it cut off. Whether it is cut is read from
 * the skin's text node, which holds what is drawn (the text, or it clipped with an ellipsis): exact, with
 * no measuring, and it counts a tree's indentation too.
 *
 * <p>Every cut cell of the window shares one {@link Tooltip}, given the cell's text when the pointer enters
 * it: a tooltip builds a popup window and its scene, and a tooltip per cell made a table's first fill with
 * long texts (a replay's ten thousand rows, say) create dozens of them inside one frame.
 */
public final class CutTextTip {
    private static Tooltip shared;
    private boolean listening;

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
        Tooltip tip = shared();
        if (cut) {
            if (!listening) {
                listening = true;
                cell.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                    if (cell.getTooltip() == tip) {
                        tip.setText(cell.getText());
                    }
                });
            }
            if (cell.getTooltip() != tip) {
                cell.setTooltip(tip);
            }
        } else if (cell.getTooltip() == tip) {
            cell.setTooltip(null);
        }
    }

    /** The one tooltip of cut cells (FX thread only). */
    static Tooltip shared() {
        if (shared == null) {
            shared = new Tooltip();
            shared.setWrapText(true);
            shared.setMaxWidth(600);
        }
        return shared;
    }
}

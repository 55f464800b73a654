package eventlens.app.table;

import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Redraws the rows a table shows when what its list returns changed without telling it (a page of a
 * {@code PagedRows} arrived, a window moved). {@link TableView#refresh()} throws every row and cell away and
 * makes and styles new ones: a screenful of new rows took most of the Flows view's first showing (130–170 ms
 * on the 10M project) and undid the window's warm-up. Here each row in view is given its index again, so it
 * reads its item and, when that changed, updates its cells; nothing is made.
 */
public final class VisibleRows {
    private VisibleRows() {
    }

    /**
     * Makes each row in view of {@code table} read its item again. With none in view there is nothing to redraw: its
     * next layout reads the items of the rows it shows, and the rows it keeps hidden stay (a {@link TableView#refresh()}
     * here threw away the rows the window made before it showed, decision 0080).
     */
    public static void redraw(TableView<?> table) {
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)
                || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) {
            table.requestLayout();
            return;
        }
        int last = flow.getLastVisibleCell().getIndex();
        for (int i = flow.getFirstVisibleCell().getIndex(); i <= last; i++) {
            IndexedCell<?> row = flow.getVisibleCell(i);
            if (row != null) {
                row.updateIndex(i);
            }
        }
    }
}

package eventlens.model.store;

import eventlens.model.Event;
import java.sql.SQLException;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A page of events whose rows were read and are made into events when first got (decision 0070): the thread that
 * reads a replay's pages ahead only takes the rows, and the replaying thread, less busy, makes each event as it comes
 * to it. Each event is made once; gets are serialised, so the page may be handed between threads.
 */
final class RowsLater extends AbstractList<Event> implements RandomAccess {
    private final ShortColumns columns;
    private final List<ShortColumns.Row> rows;
    private final Event[] made;

    RowsLater(ShortColumns columns, List<ShortColumns.Row> rows) {
        this.columns = columns;
        this.rows = rows;
        this.made = new Event[rows.size()];
    }

    @Override
    public synchronized Event get(int index) {
        Event e = made[index];
        if (e == null) {
            try {
                e = columns.event(rows.get(index));
            } catch (SQLException damaged) {
                throw new StoreException(StoreException.damaged(damaged.getMessage()));
            }
            made[index] = e;
        }
        return e;
    }

    @Override
    public int size() {
        return rows.size();
    }
}

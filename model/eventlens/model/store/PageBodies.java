package eventlens.model.store;

import java.sql.SQLException;
import java.util.List;

/**
 * The record texts of a page of events read from blocks without them (decision 0078): read through the store, the whole
 * page's at once, when an event of the page first has its texts asked for. A replay whose handlers never read an event's
 * data then reads the blocks alone, 40 bytes an event, not its record texts as well (about 100 bytes more, and the
 * cost of reading the 10M project from a cold disk).
 */
final class PageBodies {
    /** Reads the record texts of positions {@code (after, upto]} as stored, one for each position, in order. */
    interface Reader {
        Stored read(long after, long upto);
    }

    /** The page's record texts as stored, and the dictionaries a packed one is unpacked with. */
    record Stored(List<byte[]> texts, PackedText.Dictionaries dictionaries) {
    }

    /** An event's record text, still in the store: its page and its position, and whether it is packed. */
    record Later(PageBodies page, long position, boolean packed) {
        /** The record text as stored (UTF-8 bytes, or {@linkplain PackedText.Packed packed}); reads the page's first. */
        Object stored() {
            try {
                return page.stored(position, packed);
            } catch (SQLException e) {
                throw new StoreException(StoreException.damaged(e.getMessage()));
            }
        }
    }

    private final long after;
    private final long upto;
    private final Reader reader;
    private final Runnable asked;
    private Stored stored;

    /**
     * @param after the position before the page's first
     * @param upto the page's last position (the positions are dense, as blocks hold them)
     * @param reader how the texts are read, when they are
     * @param asked told each time the page's texts are read: the reader of the next pages may read them with the rows
     */
    PageBodies(long after, long upto, Reader reader, Runnable asked) {
        this.after = after;
        this.upto = upto;
        this.reader = reader;
        this.asked = asked;
    }

    Later of(long position, boolean packed) {
        return new Later(this, position, packed);
    }

    private synchronized Object stored(long position, boolean packed) throws SQLException {
        if (stored == null) {
            asked.run();
            Stored read = reader.read(after, upto);
            if (read.texts().size() != upto - after) {
                throw new SQLException("events " + (after + 1) + " to " + upto + " have " + read.texts().size()
                        + " record texts", null, 11);
            }
            stored = read;
        }
        byte[] text = stored.texts().get((int) (position - after - 1));
        return packed ? PackedText.packed(text, stored.dictionaries()) : text;
    }
}

package eventlens.model.store;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The events' short columns kept a second time, in blocks, for a replay of the whole log (decision 0071): each
 * block holds the rows of consecutive positions as {@link ShortColumns#COLUMNS} gives them, each after its length in four
 * bytes, packed with zstd, so that a page of 2,000 events is one block read and unpacked instead of 2,000 rows joined and
 * concatenated by SQLite (about 2 µs a row, the bound of a replay's rate). The record texts stay in
 * {@code event_bodies} and are read beside, by position. The blocks are made from the rows after an import, with the
 * indexes it leaves to build while the project already opens ({@link EventIndexes}); positions no block covers yet
 * are read as rows.
 */
final class EventBlocks {
    static final String CREATE = "CREATE TABLE IF NOT EXISTS event_blocks (last_position INTEGER PRIMARY KEY, "
            + "first_position INTEGER NOT NULL, size INTEGER NOT NULL, rows BLOB NOT NULL)";
    /** zstd's level 1, its fastest but for the negative ones: 286 bytes of row become 40 (the 1M log). */
    private static final int LEVEL = 1;
    /** Events a block holds at most when blocks are made from rows ({@link #fill}), as an import's batch. */
    private static final int BLOCK = 2000;
    /** A block made from rows ends after the row that takes its text past this (16 MB, an import's batch, decision 0029). */
    private static final int BLOCK_BYTES = 16 << 20;
    /** Events a transaction of {@link #fill} keeps in blocks. */
    private static final int FILL = 100_000;
    /** Larger than any block an import writes (2,000 rows or 16 MB of text, decision 0029): more is damage. */
    private static final int LARGEST = 1 << 30;

    /** How rows read without their record texts read them later, and whom they tell when they do. */
    record Later(PageBodies.Reader reader, Runnable asked) {
    }

    /** The block last unpacked: a page that starts inside a block reads the block the page before it unpacked. */
    private long keptLast = -1;
    private byte[] kept;

    /**
     * The rows of the whole log after position {@code after}, at most {@code limit}, as far as blocks cover them
     * without a gap: empty when no block holds position {@code after + 1}. Damage (a block that does not unpack, a
     * row that does not parse, a position missing) fails with the damaged-project message. With {@code later}, the
     * rows' record texts are not read with them but when one is first asked for, the page's at once ({@link
     * PageBodies}, decision 0078); null reads them with the rows.
     */
    List<ShortColumns.Row> rows(Sql sql, ShortColumns columns, long after, int limit, Later later) {
        if (!exists(sql)) {
            return List.of();
        }
        List<byte[]> blockOf = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        long cursor = after;
        try {
            while (spans.size() < limit) {
                Optional<Block> found = sql.first("SELECT first_position, last_position, size, rows FROM event_blocks "
                        + "WHERE last_position > ? ORDER BY last_position LIMIT 1",
                        rs -> new Block(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBytes(4)), cursor);
                if (found.isEmpty() || found.get().first() > cursor + 1) {
                    break;
                }
                Block block = found.get();
                byte[] rows = unpacked(block);
                int at = 0;
                while (at < rows.length && spans.size() < limit) {
                    int from = at + 4;
                    int to = from + rowLength(rows, at);
                    long position = columns.position(rows, from, to);
                    if (position > cursor) {
                        if (position != cursor + 1) {
                            throw damaged("a block of events skips from position " + cursor + " to " + position);
                        }
                        blockOf.add(rows);
                        spans.add(new int[] {from, to});
                        cursor = position;
                    }
                    at = to;
                }
                if (at >= rows.length && cursor != block.last()) {
                    throw damaged("a block of events ends at position " + cursor + ", not " + block.last());
                }
            }
        } catch (SQLException e) {
            throw new StoreException(StoreException.damaged(e.getMessage()));
        }
        if (spans.isEmpty()) {
            return List.of();
        }
        if (later != null) {
            PageBodies page = new PageBodies(after, cursor, later.reader(), later.asked());
            List<ShortColumns.Row> out = new ArrayList<>(spans.size());
            try {
                for (int i = 0; i < spans.size(); i++) {
                    out.add(columns.readLater(blockOf.get(i), spans.get(i)[0], spans.get(i)[1], page));
                }
            } catch (SQLException e) {
                throw new StoreException(StoreException.damaged(e.getMessage()));
            }
            return out;
        }
        int[] next = {0};
        List<ShortColumns.Row> out = sql.list("SELECT position, raw FROM event_bodies WHERE position > ? AND position <= ? "
                + "ORDER BY position", rs -> {
                    int i = next[0]++;
                    if (i >= spans.size()) {
                        throw new SQLException("more record texts than events", null, 11);
                    }
                    return columns.read(blockOf.get(i), spans.get(i)[0], spans.get(i)[1], rs);
                }, after, cursor);
        if (out.size() != spans.size()) {
            throw damaged("events " + (after + 1) + " to " + cursor + " have " + out.size() + " record texts");
        }
        return out;
    }

    private static Block pack(long first, long last, BlockText text) {
        byte[] packed = new byte[(int) Zstd.compressBound(text.size())];
        long n = Zstd.compressByteArray(packed, 0, packed.length, text.buffer(), 0, text.size(), LEVEL);
        if (Zstd.isError(n)) {
            throw new StoreException("cannot pack a block of events: " + Zstd.getErrorName(n));
        }
        return new Block(first, last, text.size(), java.util.Arrays.copyOf(packed, (int) n));
    }

    /** How many events no block holds: those of a project imported before blocks were kept, for one. */
    static long uncovered(Sql sql) {
        if (!exists(sql)) {
            return 0;
        }
        return sql.scalar(Schema.LAST_POSITION)
                - sql.scalar("SELECT coalesce(sum(last_position - first_position + 1), 0) FROM event_blocks");
    }

    /**
     * Keeps in blocks the events no block holds (a project imported before blocks were kept), from their rows: the
     * text SQLite concatenates is a block's row as it is. Runs of {@value #FILL} events a transaction; stops between two
     * when {@code cancelled} says so. Rows that do not read as dense positions (damage) are left to be read as rows.
     */
    static void fill(Sql sql, BooleanSupplier cancelled) {
        long last = sql.scalar(Schema.LAST_POSITION);
        List<long[]> gaps = new ArrayList<>();
        long[] covered = {0};
        sql.list("SELECT first_position, last_position FROM event_blocks ORDER BY last_position", rs -> {
            if (rs.getLong(1) > covered[0] + 1) {
                gaps.add(new long[] {covered[0] + 1, rs.getLong(1) - 1});
            }
            covered[0] = rs.getLong(2);
            return null;
        });
        if (covered[0] < last) {
            gaps.add(new long[] {covered[0] + 1, last});
        }
        BlockText text = new BlockText();
        for (long[] gap : gaps) {
            for (long from = gap[0]; from <= gap[1]; from += FILL) {
                if (cancelled.getAsBoolean()) {
                    return;
                }
                long to = Math.min(gap[1], from + FILL - 1);
                long start = from;
                sql.transaction(() -> {
                    for (long f = start; f <= to; ) {
                        f = fillBlock(sql, text, f, Math.min(to, f + BLOCK - 1)) + 1;
                    }
                    return null;
                });
            }
        }
    }

    /**
     * Makes the block of positions {@code first} to {@code last}, or of fewer when their text passes {@value #BLOCK_BYTES}
     * bytes (big records: a block is unpacked whole); returns the last position it covers. Rows that are not dense
     * positions (damage) get no block.
     */
    private static long fillBlock(Sql sql, BlockText text, long first, long last) {
        text.reset();
        long[] next = {first};
        sql.list("SELECT e.position, " + ShortColumns.TEXT + Rows.EVENT_FROM
                + "WHERE e.position BETWEEN ? AND ? ORDER BY e.position", rs -> {
                    if (text.size() >= BLOCK_BYTES || rs.getLong(1) != next[0]) {
                        return null; // full, or a position missing: the rest is left to the next block, or to rows
                    }
                    byte[] row = rs.getBytes(2);
                    if (row != null) {
                        text.row(row);
                        next[0]++;
                    }
                    return null;
                }, first, last);
        if (next[0] == first) {
            return last; // no row as expected at the first position: no block here
        }
        Block b = pack(first, next[0] - 1, text);
        sql.update("INSERT INTO event_blocks(last_position, first_position, size, rows) VALUES (?,?,?,?)",
                b.last(), b.first(), b.size(), b.rows());
        return b.last();
    }

    private static boolean exists(Sql sql) {
        return sql.first("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_blocks'", rs -> true)
                .isPresent();
    }

    private byte[] unpacked(Block block) {
        if (block.last() == keptLast) {
            return kept;
        }
        if (block.size() < 0 || block.size() > LARGEST || block.rows() == null) {
            throw damaged("a block of events ending at position " + block.last() + " is not what an import wrote");
        }
        try {
            byte[] rows = Zstd.decompress(block.rows(), block.size());
            if (rows.length != block.size()) {
                throw damaged("a block of events ending at position " + block.last() + " unpacks short");
            }
            keptLast = block.last();
            kept = rows;
            return rows;
        } catch (ZstdException e) {
            throw damaged("a block of events ending at position " + block.last() + " does not unpack: " + e.getMessage());
        }
    }

    /** The length of the row at {@code at}: four bytes, the highest first, before the row's text. */
    private static int rowLength(byte[] rows, int at) {
        if (rows.length - at < 4) {
            throw damaged("a row of a block of events has no length");
        }
        int n = (rows[at] & 0xff) << 24 | (rows[at + 1] & 0xff) << 16 | (rows[at + 2] & 0xff) << 8 | rows[at + 3] & 0xff;
        if (n < 0 || n > rows.length - at - 4) {
            throw damaged("a row of a block of events runs past its block");
        }
        return n;
    }

    private static StoreException damaged(String what) {
        return new StoreException(StoreException.damaged(what));
    }

    private record Block(long first, long last, int size, byte[] rows) {
    }

    /** A block's rows as they are put together, each after its length in four bytes; reused, as a block is ~600 KB. */
    private static final class BlockText extends java.io.ByteArrayOutputStream {
        BlockText() {
            super(1 << 16);
        }

        void row(byte[] text) {
            write(text.length >>> 24);
            write(text.length >>> 16);
            write(text.length >>> 8);
            write(text.length);
            write(text, 0, text.length);
        }

        byte[] buffer() {
            return buf;
        }
    }
}

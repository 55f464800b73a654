package eventlens.model.store;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.Zstd;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sqlite.Function;

/**
 * How a record's text is kept in {@code event_bodies.raw} (decision 0062): as text, as it was before, or packed,
 * a BLOB holding the number of a dictionary of {@code body_dictionaries} (0 for none, as an unsigned LEB128 varint)
 * then a zstd frame without its magic number, its content size in its header. An import trains the dictionary on
 * its first records ({@link TextPacker}): JSON records of one log share most of their keys and values, and a
 * 400-byte record packs to about a quarter.
 *
 * <p>SQL reads the text through {@link #RAW}, which leaves a text as it is and unpacks a BLOB with the Java function
 * {@value #FUNCTION}, registered on every connection to a project ({@link #register}). The function finds a
 * dictionary through its own connection, so it sees exactly the dictionaries of the snapshot it reads (an import
 * writes its dictionary in the same transaction as its records), and keeps the last few it used.
 */
final class PackedText {
    /** How the function's failure on a damaged text begins: the store reports it as damage ({@link StoreException}). */
    static final String UNREADABLE = "an event's packed record text does not unpack";
    /** The name of the unpacking function in SQL. */
    static final String FUNCTION = "eventlens_unpack";
    /** An event's record text as an SQL expression over the bodies table aliased {@code b}. */
    static final String RAW = "(CASE WHEN typeof(b.raw) = 'blob' THEN CAST(" + FUNCTION
            + "(b.raw, b.position, length(b.raw)) AS TEXT) "
            + "ELSE b.raw END)";
    /** The table of the dictionaries, created by migration 8. */
    static final String DICTIONARIES = "CREATE TABLE IF NOT EXISTS body_dictionaries (id INTEGER PRIMARY KEY, "
            + "dictionary BLOB NOT NULL)";
    /** Dictionaries one connection keeps at hand: one per import, and a query rarely spans many imports. */
    private static final int KEPT = 8;
    /** Unpacked texts are refused above this size: no record was ever packed bigger (decision 0029's limit). */
    private static final long LARGEST = 1L << 30;
    /**
     * Unpacking contexts per thread that reads, reused: one given a dictionary when it changes, one that never has
     * one (a context's reset keeps the dictionary it was given).
     */
    private static final ThreadLocal<Context> WITH_DICTIONARY = ThreadLocal.withInitial(Context::new);
    private static final ThreadLocal<ZstdDecompressCtx> PLAIN = ThreadLocal.withInitial(
            () -> new ZstdDecompressCtx().setMagicless(true));
    /**
     * The function of each connection with one registered, for the dictionaries it keeps ({@link #text}); both held
     * weakly (the function holds its connection), so a closed connection and its function go.
     */
    private static final Map<Connection, java.lang.ref.WeakReference<Unpack>> FUNCTIONS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private PackedText() {
    }

    /** Registers {@value #FUNCTION} on {@code c}, with {@code c} as where it looks dictionaries up. */
    static void register(Connection c) throws SQLException {
        Unpack unpack = new Unpack(c);
        Function.create(c, FUNCTION, unpack, 3, Function.FLAG_DETERMINISTIC);
        FUNCTIONS.put(c, new java.lang.ref.WeakReference<>(unpack));
    }

    /**
     * The record text in {@code column} of a row of {@code event_bodies.raw} as stored, unpacked here when packed:
     * rows read in pages (the window, flows, replay's read-ahead) skip the call from SQLite into Java and back,
     * half the cost of unpacking in SQL. The dictionaries are those of the row's connection.
     */
    static String text(ResultSet rs, int column) throws SQLException {
        Object stored = rs.getObject(column);
        if (!(stored instanceof byte[] packed)) {
            return (String) stored;
        }
        return new String(unpack(packed, dictionaries(rs)), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The dictionaries of the connection that read {@code rs}. */
    static Dictionaries dictionaries(ResultSet rs) throws SQLException {
        Connection c = rs.getStatement().getConnection();
        java.lang.ref.WeakReference<Unpack> registered = FUNCTIONS.get(c);
        Unpack kept = registered == null ? null : registered.get();
        // Never registered (or gone): the dictionary is read from the connection each time, slower but right.
        return kept != null ? kept : id -> dictionary(c, id);
    }

    /** The bytes of the varint that starts a packed text, for {@code dictionary}. */
    static byte[] header(long dictionary) {
        int length = 1;
        for (long v = dictionary >>> 7; v != 0; v >>>= 7) {
            length++;
        }
        byte[] out = new byte[length];
        long v = dictionary;
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (i == length - 1 ? v & 0x7f : (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        return out;
    }

    /** The dictionary numbered {@code id} as {@code c} reads it, or null when there is none. */
    private static ZstdDictDecompress dictionary(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT dictionary FROM body_dictionaries WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ZstdDictDecompress(rs.getBytes(1)) : null;
            }
        }
    }

    /** A thread's unpacking context and the dictionary it was last given. */
    private static final class Context {
        private final ZstdDecompressCtx context = new ZstdDecompressCtx().setMagicless(true);
        private ZstdDictDecompress loaded;

        ZstdDecompressCtx with(ZstdDictDecompress d) {
            if (d != loaded) {
                context.loadDict(d);
                loaded = d;
            }
            return context;
        }
    }

    /** Where the dictionaries of one connection come from. */
    interface Dictionaries {
        /** The dictionary numbered {@code id}, or null when there is none. */
        ZstdDictDecompress get(long id) throws SQLException;
    }

    /**
     * The UTF-8 bytes of the text packed in {@code packed}. A BLOB that does not unpack (junk written over a page,
     * a dictionary missing) fails with a message that says the project is damaged.
     */
    static byte[] unpack(byte[] packed, Dictionaries dictionaries) throws SQLException {
        return packed(packed, dictionaries).bytes();
    }

    /**
     * The text packed in {@code packed}, to unpack later on any thread: its dictionary is found now, through
     * {@code dictionaries} (a connection is used by one thread at a time), and the zstd frame is read by
     * {@link Packed#bytes}. A header cut short or a dictionary missing fails now, a damaged frame then.
     */
    static Packed packed(byte[] packed, Dictionaries dictionaries) throws SQLException {
        long dictionary = 0;
        int at = 0;
        for (int shift = 0; ; shift += 7) {
            if (at >= packed.length || shift > 56) {
                throw damaged("its header is cut short");
            }
            byte b = packed[at++];
            dictionary |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        ZstdDictDecompress d = null;
        if (dictionary != 0) {
            d = dictionaries.get(dictionary);
            if (d == null) {
                throw damaged("its dictionary " + dictionary + " is missing");
            }
        }
        return new Packed(packed, at, d);
    }

    /** A packed text whose header was read: its frame from {@code at} and its dictionary (null for none). */
    record Packed(byte[] packed, int at, ZstdDictDecompress dictionary) {
        /** The text's UTF-8 bytes, unpacked with this thread's context. */
        byte[] bytes() throws SQLException {
            long size = Zstd.getFrameContentSize(packed, at, packed.length - at, true);
            if (size < 0 || size > LARGEST) {
                throw damaged("its frame gives no size");
            }
            ZstdDecompressCtx context = dictionary == null ? PLAIN.get() : WITH_DICTIONARY.get().with(dictionary);
            try {
                byte[] out = context.decompress(packed, at, packed.length - at, (int) size);
                if (out.length != size) {
                    throw damaged("it unpacks to " + out.length + " bytes instead of " + size);
                }
                return out;
            } catch (ZstdException e) {
                throw damaged(e.getMessage());
            }
        }
    }

    private static SQLException damaged(String why) {
        return new SQLException(UNREADABLE + ": " + why);
    }

    /**
     * See {@link #FUNCTION}: {@code (packed, position, size)}; NULL stays NULL, a BLOB is unpacked to UTF-8 bytes.
     * The last text is kept with its event's position and packed size: a row's condition often reads its text two
     * or three times ({@code json_valid} and {@code json_extract} of its data), and only the first unpacks (a field
     * query on 1M events took 6.8 s unpacking each time, 1.6 s before packing).
     */
    private static final class Unpack extends Function implements Dictionaries {
        private final Connection connection;
        private long lastPosition = -1;
        private int lastSize = -1;
        private byte[] last;
        private final Map<Long, ZstdDictDecompress> kept = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, ZstdDictDecompress> eldest) {
                return size() > KEPT;
            }
        };

        Unpack(Connection connection) {
            this.connection = connection;
        }

        @Override
        protected synchronized void xFunc() throws SQLException {
            long position = value_long(1);
            int size = value_int(2);
            if (position == lastPosition && size == lastSize && last != null) {
                result(last);
                return;
            }
            byte[] packed = value_blob(0);
            if (packed == null) {
                result();
                return;
            }
            last = null; // a text that fails to unpack is not kept in place of the last good one
            byte[] text = unpack(packed, this);
            lastPosition = position;
            lastSize = size;
            last = text;
            result(text);
        }

        @Override
        public synchronized ZstdDictDecompress get(long id) throws SQLException {
            ZstdDictDecompress d = kept.get(id);
            if (d == null) {
                // A query of our own on this connection, inside the one that called us: SQLite allows it, and it
                // reads the same snapshot, the dictionary written with the records included.
                d = dictionary(connection, id);
                if (d != null) {
                    kept.put(id, d);
                }
            }
            return d;
        }
    }
}

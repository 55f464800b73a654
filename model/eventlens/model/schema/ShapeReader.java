package eventlens.model.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import eventlens.model.Json;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the shape of an event's {@code data}: the set of its fields, each a path with a JSON type.
 *
 * <p>A path names object members with dots and array elements with {@code []}: {@code items[].sku}; the
 * data itself is the empty path. Each container has its own path too ({@code items} is an array,
 * {@code items[]} an object), so a path's parent is always there.
 *
 * <p>{@link #fingerprint} is the per-event work done for every stored event, and is kept cheap: one pass of
 * Jackson's streaming tokenizer, no strings built, the path of each value carried as a running hash; the
 * fingerprint is a sum of the mixed hashes of the distinct path:type pairs, so it does not depend on member
 * order. {@link #read} builds the paths as strings and hands each scalar value to a listener: it is done only
 * for a shape not seen before and for sampled events. Both stop descending below {@link #MAX_DEPTH} levels
 * and take at most {@link #MAX_PATHS} distinct path:type pairs of an event (the rest count as the same shape).
 */
final class ShapeReader {
    static final int MAX_DEPTH = 12;
    static final int MAX_PATHS = 256;
    /** The fingerprint of an event without data. */
    static final long NO_DATA = 0;
    /** The fingerprint of data that is not JSON. */
    static final long NOT_JSON = 1;
    private static final long ROOT = 0x2545F4914F6CDD1DL;
    private static final long ELEMENT = 0x9E3779B97F4A7C15L;

    /** Takes each scalar value {@link #read} meets. */
    interface Values {
        void value(String path, JsonKind kind, String text);
    }

    private final JsonFactory factory = Json.mapper().getFactory();
    private final long[] seen = new long[512];
    /** The slots of {@link #seen} this event filled, so that only those are cleared for the next one. */
    private final int[] filled = new int[MAX_PATHS];
    private int size;
    /** The sum of the hashes in {@link #seen}: the fingerprint in the making. */
    private long sum;

    /** The fingerprint of a data text (see the class comment); {@link #NO_DATA} or {@link #NOT_JSON} for those. */
    long fingerprint(String data) {
        return read(data, null, null);
    }

    /**
     * Reads a data text: returns its fingerprint, puts its paths with their types into {@code paths} and hands
     * its scalar values to {@code values} (either may be null).
     */
    long read(String data, Map<String, TreeSet<String>> paths, Values values) {
        if (data == null || data.isEmpty()) {
            return NO_DATA;
        }
        for (int i = 0; i < size; i++) {
            seen[filled[i]] = 0;
        }
        size = 0;
        sum = 0;
        try (JsonParser p = factory.createParser(data)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return NO_DATA;
            }
            walk(p, t, ROOT, paths == null && values == null ? null : "", 0, paths, values);
        } catch (IOException e) {
            return NOT_JSON;
        }
        return sum == NO_DATA || sum == NOT_JSON ? sum + 2 : sum;
    }

    private void walk(JsonParser p, JsonToken t, long hash, String path, int depth, Map<String, TreeSet<String>> paths,
            Values values) throws IOException {
        JsonKind kind = JsonKind.of(t);
        if (add(mix(hash * 31 + kind.ordinal())) && paths != null) {
            paths.computeIfAbsent(path, k -> new TreeSet<>()).add(kind.jsonName());
        }
        if (t == JsonToken.START_OBJECT) {
            if (depth >= MAX_DEPTH) {
                p.skipChildren();
                return;
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                String child = path == null ? null : path.isEmpty() ? name : path + "." + name;
                walk(p, value, mix(hash * 31 + name.hashCode()), child, depth + 1, paths, values);
            }
        } else if (t == JsonToken.START_ARRAY) {
            if (depth >= MAX_DEPTH) {
                p.skipChildren();
                return;
            }
            long element = mix(hash + ELEMENT);
            String child = path == null ? null : path + "[]";
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                walk(p, t, element, child, depth + 1, paths, values);
            }
        } else if (values != null) {
            values.value(path, kind, kind == JsonKind.NULL ? "null" : p.getText());
        }
    }

    /** Adds a pair's hash to the set of this event; false when it was there or the set is full. */
    private boolean add(long h) {
        if (h == 0) {
            h = 1;
        }
        int mask = seen.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (seen[i] != 0) {
            if (seen[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        if (size >= MAX_PATHS) {
            return false;
        }
        seen[i] = h;
        filled[size++] = i;
        sum += h;
        return true;
    }

    /** A strong 64-bit mix (the finaliser of MurmurHash3). */
    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }

    /** The paths of a data text with their types, in path order (for tests and first-use builds). */
    Map<String, TreeSet<String>> paths(String data) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        read(data, out, null);
        return out;
    }
}

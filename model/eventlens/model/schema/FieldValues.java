package eventlens.model.schema;

import java.util.List;
import java.util.Map;

/**
 * What the sampled values of one field looked like (values are read from the first events of a type and
 * every so often after, see {@link SchemaInference}).
 *
 * @param path the field's path
 * @param sampled how many values were read
 * @param examples the first few distinct values, as JSON text of scalars
 * @param distinct the distinct scalar values while there are at most {@link #MAX_DISTINCT}
 * @param manyValues true once more than {@link #MAX_DISTINCT} distinct values were seen ({@code distinct} is
 *                   then no longer complete)
 * @param formats how many sampled string values had each format ({@link StringFormat#label()}), and under
 *                {@code "string"} how many string values were read
 */
public record FieldValues(String path, long sampled, List<String> examples, List<String> distinct, boolean manyValues,
        Map<String, Long> formats) {
    /** Distinct values tracked per field. */
    public static final int MAX_DISTINCT = 16;
    /** Examples kept per field. */
    public static final int EXAMPLES = 3;
    /** A field is enum-like with at most this many distinct values… */
    public static final int ENUM_MAX = 10;
    /** …seen over at least this many values each on average. */
    public static final int ENUM_REPEATS = 2;

    public FieldValues {
        examples = List.copyOf(examples);
        distinct = List.copyOf(distinct);
        formats = Map.copyOf(formats);
    }

    /** The values of an enum-like field (few distinct values, each seen repeatedly), else an empty list. */
    public List<String> enumValues() {
        if (manyValues || distinct.isEmpty() || distinct.size() > ENUM_MAX
                || sampled < (long) ENUM_REPEATS * distinct.size()) {
            return List.of();
        }
        return distinct;
    }

    /** The format every sampled string value had, or null. */
    public StringFormat format() {
        long strings = formats.getOrDefault("string", 0L);
        if (strings == 0) {
            return null;
        }
        for (StringFormat f : StringFormat.values()) {
            if (formats.getOrDefault(f.label(), 0L) == strings) {
                return f;
            }
        }
        return null;
    }
}

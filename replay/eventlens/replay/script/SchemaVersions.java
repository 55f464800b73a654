package eventlens.replay.script;

import java.util.regex.Pattern;

/**
 * How upcasters compare schema versions: numerically where both are dotted numbers, so {@code 1},
 * {@code 1.0}, {@code 1.0.0} and {@code v1} are the same version and {@code 2.10} comes after
 * {@code 2.9}; any other text equals only itself (after a leading {@code v} before a digit is dropped).
 */
final class SchemaVersions {
    private static final Pattern DOTTED = Pattern.compile("\\d+(\\.\\d+)*");

    private SchemaVersions() {
    }

    /** The form two equal versions share: {@code 1.0} and {@code v1} give {@code 1}; null for null or blank. */
    static String key(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        String v = version.strip();
        if (v.length() > 1 && (v.charAt(0) == 'v' || v.charAt(0) == 'V') && Character.isDigit(v.charAt(1))) {
            v = v.substring(1);
        }
        if (!DOTTED.matcher(v).matches()) {
            return v;
        }
        String[] parts = v.split("\\.");
        int last = parts.length - 1;
        while (last > 0 && isZero(parts[last])) {
            last--;
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                key.append('.');
            }
            String p = parts[i].replaceFirst("^0+(?=\\d)", "");
            key.append(p);
        }
        return key.toString();
    }

    /** Orders two keys from {@link #key}: dotted numbers numerically, before any other text. */
    static int compare(String a, String b) {
        boolean na = DOTTED.matcher(a).matches();
        boolean nb = DOTTED.matcher(b).matches();
        if (!na || !nb) {
            return na == nb ? a.compareTo(b) : na ? -1 : 1;
        }
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            String x = i < pa.length ? pa[i] : "0";
            String y = i < pb.length ? pb[i] : "0";
            int c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static boolean isZero(String part) {
        return part.chars().allMatch(c -> c == '0');
    }
}

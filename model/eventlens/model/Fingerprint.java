package eventlens.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The shape of a failure: error type, message with ids, numbers, UUIDs and timestamps masked, and
 * the first stack frame. Failures that differ only by such values get the same fingerprint.
 */
public final class Fingerprint {
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern HEX = Pattern.compile("\\b(0x)?[0-9a-fA-F]{12,}\\b");
    private static final Pattern ID_WITH_DIGITS = Pattern.compile("\\b[A-Za-z]+[-_][A-Za-z0-9-_]*\\d[A-Za-z0-9-_]*\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    private Fingerprint() {
    }

    /** The message with variable parts replaced by placeholders. */
    public static String mask(String message) {
        if (message == null) {
            return "";
        }
        String m = UUID.matcher(message).replaceAll("<uuid>");
        m = TIMESTAMP.matcher(m).replaceAll("<time>");
        m = HEX.matcher(m).replaceAll("<hex>");
        m = ID_WITH_DIGITS.matcher(m).replaceAll("<id>");
        return NUMBER.matcher(m).replaceAll("<n>");
    }

    /** The first non-empty line of a stack that names a frame ("at ..."), or the empty string. */
    public static String firstFrame(String stack) {
        if (stack == null) {
            return "";
        }
        for (String line : stack.split("\\R")) {
            String t = line.strip();
            if (t.startsWith("at ")) {
                return NUMBER.matcher(t).replaceAll("<n>");
            }
        }
        return "";
    }

    /** A short stable hash of type, masked message and first frame. */
    public static String of(String errorType, String message, String stack) {
        String shape = (errorType == null ? "" : errorType) + "\n" + mask(message) + "\n" + firstFrame(stack);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shape.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

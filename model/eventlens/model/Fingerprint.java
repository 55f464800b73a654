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

    /** Frames starting with these belong to runtimes and frameworks, not to the application. */
    public static final java.util.List<String> FRAMEWORK_PREFIXES = java.util.List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "kotlinx.", "scala.", "akka.",
            "org.springframework.", "org.apache.kafka.", "org.apache.camel.", "org.apache.catalina.",
            "io.smallrye.", "io.quarkus.", "io.vertx.", "io.netty.", "reactor.", "io.micrometer.",
            "com.rabbitmq.", "org.junit.", "jakarta.", "software.amazon.", "com.amazonaws.",
            "System.", "Microsoft.", "NServiceBus.", "Azure.");

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

    /**
     * The first application frame of a stack: the first line naming a frame ({@code at …} in Java,
     * JavaScript and .NET stacks) whose code is not framework or runtime code (see
     * {@link #isFramework}), with numbers masked and a leading {@code async} dropped; the first frame
     * of any kind when every frame is framework code; the empty string when there is none.
     */
    public static String firstFrame(String stack) {
        if (stack == null) {
            return "";
        }
        String first = null;
        for (String line : stack.split("\\R")) {
            String t = line.strip();
            if (!t.startsWith("at ")) {
                continue;
            }
            String frame = t.substring(3).strip();
            if (frame.startsWith("async ")) {
                frame = frame.substring(6).strip();
            }
            frame = NUMBER.matcher(frame).replaceAll("<n>");
            if (!isFramework(frame)) {
                return "at " + frame;
            }
            if (first == null) {
                first = "at " + frame;
            }
        }
        return first == null ? "" : first;
    }

    /**
     * Whether a frame (the text after {@code at }) runs runtime or framework code rather than the
     * application's: it starts with one of {@link #FRAMEWORK_PREFIXES} (JDK, Kotlin, Scala, Spring,
     * Kafka and other messaging clients, Netty, Reactor, Quarkus/SmallRye, .NET {@code System.} and
     * {@code Microsoft.}, NServiceBus, Azure SDK), or it is Node's internal code ({@code node:internal},
     * {@code internal/}, {@code processTicksAndRejections}, {@code new Promise}, {@code <anonymous>}).
     */
    public static boolean isFramework(String frame) {
        for (String prefix : FRAMEWORK_PREFIXES) {
            if (frame.startsWith(prefix)) {
                return true;
            }
        }
        return frame.contains("node:internal") || frame.contains("(internal/") || frame.startsWith("internal/")
                || frame.startsWith("processTicksAndRejections") || frame.startsWith("new Promise")
                || frame.startsWith("<anonymous>");
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

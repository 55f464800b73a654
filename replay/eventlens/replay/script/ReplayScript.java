package eventlens.replay.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A handler script: its name (shown in error locations, e.g. {@code order-pipeline.js}) and text.
 *
 * @param name the file name the errors cite
 * @param text the JavaScript source
 */
public record ReplayScript(String name, String text) {
    public ReplayScript {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /** A short hash of the text: changes whenever the script does (reducer versions, run records). */
    public String version() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

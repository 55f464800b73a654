package eventlens.importers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids for records that carry none: {@code "sha-"} and the first 16 hex digits of the SHA-256 of the
 * record's raw text, so that the same content always gets the same id (and importing a file twice
 * does not duplicate it). Not thread-safe: one instance per import.
 */
public final class DerivedId {
    /** Prefix that marks an id as derived rather than read. */
    public static final String PREFIX = "sha-";

    private final MessageDigest sha256;

    /** A new id deriver with its own digest. */
    public DerivedId() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The id derived from a record's raw text. */
    public String of(String raw) {
        byte[] digest = sha256.digest(raw.getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(digest, 0, 8);
    }
}

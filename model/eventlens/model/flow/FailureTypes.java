package eventlens.model.flow;

import java.util.Locale;
import java.util.Set;

/**
 * Which event types name a failure: the type's last word is one of {@code failed}, {@code failure},
 * {@code error}, {@code errored}, {@code rejected}, {@code timedout}/{@code timeout}, {@code faulted},
 * {@code aborted}, in any spelling ({@code payment.failed}, {@code PaymentFailed},
 * {@code payment_failed}, {@code payment-rejected}, {@code payment.timed-out}).
 *
 * <p>{@code cancelled}, {@code compensated}, {@code released} and {@code refunded} are <em>not</em>
 * failures: they are how a saga ends after a failure (or a user's choice), and marking them too would
 * paint every compensation red and hide the event that actually failed.
 */
public final class FailureTypes {
    private static final Set<String> LAST_WORDS = Set.of(
            "failed", "failure", "error", "errored", "rejected", "timedout", "timeout", "faulted", "aborted");

    private FailureTypes() {
    }

    /** True when {@code type} names a failure (false for null). */
    public static boolean isFailure(String type) {
        if (type == null || type.isEmpty()) {
            return false;
        }
        String words = type.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        String[] parts = words.split("[^a-z0-9]+");
        if (parts.length == 0) {
            return false;
        }
        String last = parts[parts.length - 1];
        if (parts.length >= 2 && last.equals("out") && parts[parts.length - 2].equals("timed")) {
            return true;
        }
        return LAST_WORDS.contains(last);
    }
}

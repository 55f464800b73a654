package eventlens.model;

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
 *
 * <p>The rule lives here, below both the flows ({@code eventlens.model.flow.FailureTypes}) and the
 * store's query compiler ({@code is:failed}), so that both read the same rule without a package cycle.
 */
public final class FailureNames {
    private static final Set<String> LAST_WORDS = Set.of(
            "failed", "failure", "error", "errored", "rejected", "timedout", "timeout", "faulted", "aborted");

    private FailureNames() {
    }

    /** True when {@code type} names a failure (false for null). */
    public static boolean isFailure(String type) {
        if (type == null || type.isEmpty()) {
            return false;
        }
        int end = type.length();
        int start = wordStart(type, end);
        String last = type.substring(start, end).toLowerCase(Locale.ROOT);
        if (last.equals("out")) {
            int before = start;
            while (before > 0 && !Character.isLetterOrDigit(type.charAt(before - 1))) {
                before--;
            }
            return before > 0
                    && type.substring(wordStart(type, before), before).toLowerCase(Locale.ROOT).equals("timed");
        }
        return LAST_WORDS.contains(last);
    }

    /** Start of the word ending at {@code end}: after a separator, or at a lower-to-upper case step. */
    private static int wordStart(String type, int end) {
        int i = end;
        while (i > 0) {
            char c = type.charAt(i - 1);
            if (!Character.isLetterOrDigit(c)) {
                break;
            }
            if (Character.isUpperCase(c) && i - 1 > 0 && !Character.isUpperCase(type.charAt(i - 2))
                    && Character.isLetterOrDigit(type.charAt(i - 2))) {
                return i - 1;
            }
            i--;
        }
        return i;
    }
}

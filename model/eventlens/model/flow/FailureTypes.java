package eventlens.model.flow;

import eventlens.model.FailureNames;

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
    private FailureTypes() {
    }

    /** True when {@code type} names a failure (false for null); the rule is {@link FailureNames}. */
    public static boolean isFailure(String type) {
        return FailureNames.isFailure(type);
    }

    /**
     * True when an event's metadata says it failed although its type does not: a trace span with
     * {@code span.status.code} {@code ERROR} (see {@code docs/formats.md}, traces). Only metadata that
     * mentions {@code ERROR} at all is parsed.
     */
    public static boolean isFailedSpan(String metadata) {
        if (metadata == null || !metadata.contains("\"ERROR\"")) {
            return false;
        }
        return "ERROR".equals(eventlens.model.Json.parseOrMissing(metadata).path("span").path("status").path("code")
                .asText(null));
    }
}

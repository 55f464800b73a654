package eventlens.replay.deadletter;

/** What a dry-run retry of one dead letter came to. */
public enum RetryOutcome {
    /** Every handler that received the message returned normally. */
    SUCCEEDED,
    /** A handler failed, differently from the recorded failure (see {@link DryRetry} for "the same way"). */
    FAILED_AGAIN,
    /** A handler failed the way the dead letter records. */
    STILL_FAILING_SAME_WAY,
    /** Nothing ran: no handler of the script subscribes to the message's type, or there is no message. */
    NOT_HANDLED;

    /** Lower-case words, e.g. {@code still failing same way}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}

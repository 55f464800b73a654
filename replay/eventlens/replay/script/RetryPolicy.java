package eventlens.replay.script;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed handler is retried, as set by {@code retry({max, backoff, baseMs})}: up to {@code max}
 * retries after the first attempt (so {@code max + 1} attempts in all), the n-th retry {@code baseMs}
 * after the failure ({@code fixed}) or {@code baseMs · 2^(n-1)} after it ({@code exponential}). Delays run
 * in virtual time.
 *
 * @param max     retries after the first attempt (0: none)
 * @param backoff fixed or exponential
 * @param baseMs  the first delay in milliseconds
 */
public record RetryPolicy(int max, Backoff backoff, long baseMs) {
    /** No retries: the first failure is final. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Backoff.FIXED, 0);

    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        if (max < 0 || baseMs < 0) {
            throw new IllegalArgumentException("retry max and baseMs must be 0 or more");
        }
    }

    /** The delay before retry number {@code retry} (1-based). */
    public Duration delay(int retry) {
        long ms = backoff == Backoff.FIXED ? baseMs : baseMs * (1L << Math.min(30, Math.max(0, retry - 1)));
        return Duration.ofMillis(ms);
    }

    /** The shape of the delays. */
    public enum Backoff { FIXED, EXPONENTIAL }
}

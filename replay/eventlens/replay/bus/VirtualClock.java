package eventlens.replay.bus;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Replay time: follows the times of the events being delivered and never goes backwards (an event
 * stamped earlier than the one before it leaves the clock where it is). Retry backoff and other
 * delays are scheduled against it and elapse instantly. Not thread-safe: it belongs to one run.
 */
public final class VirtualClock implements InstantSource {
    private Instant now;

    /** A clock showing {@code start}. */
    public VirtualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves to {@code time} when it is later than now (null leaves the clock as it is). */
    public void advanceTo(Instant time) {
        if (time != null && time.isAfter(now)) {
            now = time;
        }
    }

    /** Moves forward by {@code delay} (negative delays are ignored). */
    public void advanceBy(Duration delay) {
        if (!delay.isNegative()) {
            now = now.plus(delay);
        }
    }
}

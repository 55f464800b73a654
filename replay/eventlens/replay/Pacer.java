package eventlens.replay;

import java.time.Duration;

/** Waits between deliveries when playing at a recorded pace; injected so tests never sleep. */
@FunctionalInterface
public interface Pacer {
    /** Waits {@code wallTime}; returns early when interrupted. */
    void await(Duration wallTime) throws InterruptedException;

    /** A pacer that never waits (tests, benchmarks). */
    static Pacer none() {
        return d -> { };
    }
}

package eventlens.replay.script;

import java.time.Duration;
import java.util.Objects;

/**
 * The budget of one script call (a handler, a reducer, a breakpoint condition, or the script's top level
 * while it loads).
 *
 * <p>The statement limit is deterministic (independent of machine speed and of virtual time), so a
 * runaway loop in script code fails identically in every run. The time and memory limits are the
 * {@link ScriptWatchdog}'s: they catch what statements do not count — one long built-in call (a
 * catastrophic regular expression, a sort with a looping comparator inside the engine) and allocation
 * ({@code 'x'.repeat(2 ** 28)}, an array grown without end). They depend on the machine, so their
 * defaults sit far above what a sane handler needs (docs/decisions/0027-script-watchdog.md).
 *
 * @param statementsPerCall statements one call may run
 * @param timePerCall       wall-clock time one call may take
 * @param bytesPerCall      bytes one call may allocate on the JVM heap (garbage included)
 */
public record ScriptLimits(long statementsPerCall, Duration timePerCall, long bytesPerCall) {
    /** Default wall-clock limit of a call. */
    public static final Duration DEFAULT_TIME = Duration.ofSeconds(5);
    /** Default allocation limit of a call: 512 MiB. */
    public static final long DEFAULT_BYTES = 512L << 20;
    /** One million statements, 5 s and 512 MiB per call. */
    public static final ScriptLimits DEFAULT = new ScriptLimits(1_000_000);

    public ScriptLimits {
        if (statementsPerCall < 1) {
            throw new IllegalArgumentException("statementsPerCall must be positive");
        }
        Objects.requireNonNull(timePerCall, "timePerCall");
        if (timePerCall.isNegative() || timePerCall.isZero()) {
            throw new IllegalArgumentException("timePerCall must be positive");
        }
        if (bytesPerCall < 1) {
            throw new IllegalArgumentException("bytesPerCall must be positive");
        }
    }

    /** {@code statementsPerCall} with the default time and memory limits. */
    public ScriptLimits(long statementsPerCall) {
        this(statementsPerCall, DEFAULT_TIME, DEFAULT_BYTES);
    }

    /** These limits with another time limit. */
    public ScriptLimits withTime(Duration time) {
        return new ScriptLimits(statementsPerCall, time, bytesPerCall);
    }

    /** These limits with another memory limit. */
    public ScriptLimits withBytes(long bytes) {
        return new ScriptLimits(statementsPerCall, timePerCall, bytes);
    }
}

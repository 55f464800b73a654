package eventlens.replay.script;

import eventlens.model.Exemption;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.graalvm.polyglot.Context;

/**
 * Watches script calls for the limits statements do not count: wall-clock time and allocated memory
 * ({@link ScriptLimits#timePerCall()}, {@link ScriptLimits#bytesPerCall()}).
 *
 * <p>Every {@link #TICK} the injected scheduler looks at the calls in progress. A call over its time is
 * interrupted ({@link Context#interrupt}: the context stays usable, its top-level variables too); one that
 * does not stop within {@link #GRACE}, and any call over its memory, is cancelled ({@code close(true)}:
 * what it allocated becomes garbage, and the runtime loads the script again). Memory is the bytes the
 * call's thread allocated since the call began ({@code com.sun.management.ThreadMXBean}), garbage
 * included: a cheap, per-thread count that needs no heap walk and is not disturbed by other work in the
 * JVM. Where the JVM cannot count allocations, only time is watched (and a heap exhausted by a script
 * is still reported as a memory failure, see {@link ScriptErrors}).
 *
 * <p>Time and the thread come from the caller (a scheduler and a nanosecond ticker), as everywhere in
 * the replay engine: nothing here reads the clock or starts a thread itself. Thread-safe; one watchdog
 * serves any number of runtimes.
 */
@Exemption(rule = Exemption.WALL_TIME_IN_REPLAY, why = "limits a script call in wall time and memory; its "
        + "scheduler and clock are injected (app/work/ScriptEngines), and it changes no result of a run that stays "
        + "within its limits")
public final class ScriptWatchdog implements AutoCloseable {
    /** How often calls are looked at. */
    public static final Duration TICK = Duration.ofMillis(10);
    /** How long an interrupted call may take to stop before its context is cancelled. */
    public static final Duration GRACE = Duration.ofSeconds(1);

    private final LongSupplier nanoTime;
    private final com.sun.management.ThreadMXBean threads;
    private final Set<Watch> active = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> ticking;

    /**
     * A watchdog ticking on {@code scheduler} (not shut down here) and reading time from {@code nanoTime}
     * (e.g. {@code System::nanoTime}).
     */
    public ScriptWatchdog(ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.threads = allocationCounter();
        this.ticking = scheduler.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True when the JVM counts the bytes each thread allocates, so that memory limits apply. */
    public boolean watchesMemory() {
        return threads != null;
    }

    /** Starts watching one call, made next on the current thread in {@code context}. */
    Watch watch(Context context, ScriptLimits limits) {
        Watch w = new Watch(context, limits, Thread.currentThread().threadId(),
                threads == null ? 0 : threads.getCurrentThreadAllocatedBytes(), nanoTime.getAsLong());
        active.add(w);
        return w;
    }

    private void tick() {
        for (Watch w : active) {
            try {
                w.check();
            } catch (RuntimeException e) {
                // a context closed under us: the call is over; never let one call stop the ticking
                active.remove(w);
            }
        }
    }

    @Override
    public void close() {
        ticking.cancel(false);
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            if (!t.isThreadAllocatedMemoryEnabled()) {
                t.setThreadAllocatedMemoryEnabled(true);
            }
            return t;
        }
        return null;
    }

    /** Which limit a call went over. */
    enum Limit { TIME, MEMORY }

    /**
     * What the watchdog did to a call that went over a limit.
     *
     * @param limit     the limit
     * @param cancelled true when the context was cancelled (it must be replaced), false when interrupted
     */
    record Breach(Limit limit, boolean cancelled) {
    }

    /** One call being watched; {@link #end()} it on the calling thread when the call returns. */
    final class Watch {
        private final Context context;
        private final ScriptLimits limits;
        private final long threadId;
        private final long startBytes;
        private final long startNanos;
        private boolean running = true;
        private boolean acting;
        private Breach breach;

        private Watch(Context context, ScriptLimits limits, long threadId, long startBytes, long startNanos) {
            this.context = context;
            this.limits = limits;
            this.threadId = threadId;
            this.startBytes = startBytes;
            this.startNanos = startNanos;
        }

        private void check() {
            Limit over = null;
            if (threads != null && threads.getThreadAllocatedBytes(threadId) - startBytes > limits.bytesPerCall()) {
                over = Limit.MEMORY; // first: a call slowed down by its own allocation is a memory failure
            } else if (nanoTime.getAsLong() - startNanos > limits.timePerCall().toNanos()) {
                over = Limit.TIME;
            }
            if (over == null) {
                return;
            }
            synchronized (this) {
                if (!running) {
                    return;
                }
                running = false;
                acting = true;
            }
            active.remove(this);
            boolean cancelled = over == Limit.MEMORY;
            try {
                if (cancelled) {
                    context.close(true);
                } else {
                    cancelled = !interrupted();
                }
            } catch (RuntimeException e) {
                cancelled = true;
            } finally {
                synchronized (this) {
                    breach = new Breach(over, cancelled);
                    acting = false;
                    notifyAll();
                }
            }
        }

        private boolean interrupted() {
            try {
                context.interrupt(GRACE);
                return true;
            } catch (TimeoutException e) {
                context.close(true);
                return false;
            }
        }

        /**
         * Ends the watch. When the watchdog went into action for this call, waits until it is done and
         * returns what it did; null when the call stayed within its limits.
         */
        Breach end() {
            active.remove(this);
            boolean interrupted = false;
            try {
                synchronized (this) {
                    running = false;
                    while (acting) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    return breach;
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}

package eventlens.app.work;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures how long the FX thread is unavailable: a daemon thread posts a ping every few milliseconds and
 * waits for it to run before posting the next, so a stall of the FX thread shows as one long ping. The
 * worst ping since {@link #reset()} is the worst stall a user could have felt (input waits as long).
 */
public final class FxStallWatch implements AutoCloseable {
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** {@code -Deventlens.bench.culprits=true}: print each stall over 100 ms with the JVM's uptime (to match a GC log). */
    private static final boolean CULPRITS = Boolean.getBoolean("eventlens.bench.culprits");
    /**
     * {@code -Deventlens.bench.stacks=true}: sample the FX thread every 5 ms of a slow ping and print each
     * sample's frames (ours, the pulse's phases). Sampling stops the JVM at a safepoint: it makes stalls
     * longer, so figures are taken without it.
     */
    private static final boolean STACKS = Boolean.getBoolean("eventlens.bench.stacks");
    private final Executor fxThread;
    private final Thread pinger;
    private final AtomicLong worstNanos = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();
    private final AtomicLong over100ms = new AtomicLong();
    private volatile boolean running = true;
    private volatile Thread fx;
    /** Where the FX thread was, sampled every 20 ms of a stall: the first frame of our own code, counted. */
    private final java.util.concurrent.ConcurrentHashMap<String, AtomicLong> culprits =
            new java.util.concurrent.ConcurrentHashMap<>();

    public FxStallWatch(Executor fxThread) {
        this.fxThread = fxThread;
        this.pinger = new Thread(this::pingForever, "eventlens-stall-watch");
        pinger.setDaemon(true);
        pinger.start();
    }

    private void pingForever() {
        while (running) {
            long sent = System.nanoTime();
            java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
            fxThread.execute(() -> {
                fx = Thread.currentThread();
                ran.countDown();
            });
            try {
                while (!ran.await(STACKS ? 5 : 20, TimeUnit.MILLISECONDS)) {
                    sample();
                }
            } catch (InterruptedException e) {
                return;
            }
            long took = System.nanoTime() - sent;
            worstNanos.accumulateAndGet(took, Math::max);
            pings.incrementAndGet();
            if (took > TimeUnit.MILLISECONDS.toNanos(100)) {
                over100ms.incrementAndGet();
                if (CULPRITS) {
                    System.err.printf("stall#%d of %d ms ending at uptime %.3f s%n", pings.get(), took / 1_000_000,
                            java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
                }
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
        }
    }

    private void sample() {
        Thread t = fx;
        if (t == null) {
            return;
        }
        StackTraceElement[] stack = t.getStackTrace();
        String where = null;
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("eventlens.") && !e.getClassName().startsWith(FxStallWatch.class.getName())) {
                where = e.getClassName().replaceFirst("^eventlens\\.", "") + "." + e.getMethodName() + ":" + e.getLineNumber();
                break;
            }
        }
        if (where == null && stack.length > 0) {
            where = stack[0].getClassName() + "." + stack[0].getMethodName();
        }
        if (where != null) {
            culprits.computeIfAbsent(where, k -> new AtomicLong()).incrementAndGet();
        }
        if (STACKS) {
            // One line a sample, numbered by ping: the samples of one stall share its number.
            StringBuilder b = new StringBuilder("STACK#" + pings.get());
            for (int i = 0; i < stack.length; i++) {
                StackTraceElement e = stack[i];
                if (i < 4 || e.getClassName().startsWith("eventlens.") || e.getMethodName().contains("pulse")
                        || e.getClassName().contains("InvokeLaterDispatcher") || e.getMethodName().contains("doLayout")
                        || e.getMethodName().contains("processCSS")) {
                    b.append(" < ").append(e.getClassName().replaceAll(".*\\.", "")).append('.').append(e.getMethodName())
                            .append(':').append(e.getLineNumber());
                }
            }
            System.err.println(b);
        }
    }

    /** The places the FX thread was stuck in most often since the last reset, with their sample counts. */
    public java.util.List<String> topCulprits(int n) {
        return culprits.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                .limit(n).map(e -> e.getKey() + " ×" + e.getValue().get()).toList();
    }

    /** Starts a new measurement. */
    public void reset() {
        culprits.clear();
        worstNanos.set(0);
        pings.set(0);
        over100ms.set(0);
    }

    /** The longest the FX thread took to answer a ping since the last reset, in milliseconds. */
    public double worstMillis() {
        return worstNanos.get() / 1e6;
    }

    public long pings() {
        return pings.get();
    }

    /** Pings that waited more than 100 ms: stalls a user notices. */
    public long stallsOver100ms() {
        return over100ms.get();
    }

    @Override
    public void close() {
        running = false;
        pinger.interrupt();
    }
}

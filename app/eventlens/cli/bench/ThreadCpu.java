package eventlens.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU this JVM's threads use while a step runs, by what they do (the store's thread, the reader, the JIT, the
 * collector…), read from {@code /proc/self/task} on Linux: where an import's time goes when both cores are busy.
 * Threads are sampled every 100 ms while the step runs, so one that ends meanwhile (the packing and the schema
 * inference end with their import) counts up to its last sample; the total is read from {@code /proc/self/stat},
 * which keeps the CPU of threads that ended. Times are in clock ticks of 10 ms (Linux's {@code USER_HZ}).
 */
public final class ThreadCpu implements AutoCloseable {
    private static final long POLL_MILLIS = 100;
    private static final double SECONDS_PER_TICK = 0.01;
    /** What a thread does, by the start of its name as the kernel keeps it (15 characters at most). */
    private static final List<Map.Entry<String, String>> GROUPS = List.of(
            Map.entry("eventlens-impor", "the reader"),
            Map.entry("eventlens-pack", "packing the record texts"),
            Map.entry("eventlens-schem", "schema inference"),
            Map.entry("C2 CompilerThre", "JIT: C2"),
            Map.entry("C1 CompilerThre", "JIT: C1"),
            Map.entry("GC Thread", "garbage collector"),
            Map.entry("G1 ", "garbage collector"));

    private static final String CALLER = "the calling thread (the store's, in an import)";
    private final Path self;
    /** The task id of the thread that started the measuring, or null when unknown. */
    private final String caller;
    /** The names of the threads seen, by task id: kept as they are sampled, for threads that end. */
    private final Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each thread's user + system ticks at the start, by task id. */
    private final Map<String, Long> before;
    /** Each thread's ticks at its last sample, by task id. */
    private final Map<String, Long> last = new HashMap<>();
    private final long totalBefore;
    private final Thread sampler;
    private volatile boolean running = true;

    private ThreadCpu(Path self, String caller) {
        this.self = self;
        this.caller = caller;
        this.before = sample(self);
        this.totalBefore = total(self);
        last.putAll(before);
        this.sampler = new Thread(this::sampleUntilClosed, "eventlens-thread-cpu");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts measuring this JVM's threads; null where there is no {@code /proc/self/task} (not Linux). */
    public static ThreadCpu start() {
        Path self = Path.of("/proc/self");
        if (!Files.isDirectory(self.resolve("task"))) {
            return null;
        }
        String caller;
        try {
            // A link to /proc/PID/task/TID of the thread that reads it: the kernel's id of this thread.
            caller = Path.of("/proc/thread-self").toRealPath().getFileName().toString();
        } catch (IOException e) {
            caller = null;
        }
        return new ThreadCpu(self, caller);
    }

    /**
     * Starts measuring the process whose {@code /proc} folder is {@code self}, {@code caller} being the task id of the
     * calling thread (tests give a folder of their own).
     */
    static ThreadCpu start(Path self, String caller) {
        return new ThreadCpu(self, caller);
    }

    private void sampleUntilClosed() {
        while (running) {
            Map<String, Long> now = sample(self);
            synchronized (last) {
                last.putAll(now);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling; the CPU seconds used since {@link #start}, by group in a fixed order, then "all threads". */
    public Map<String, Double> stop() {
        close();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Long> end = new HashMap<>();
        synchronized (last) {
            end.putAll(last);
        }
        end.putAll(sample(self));
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(CALLER, 0.0);
        GROUPS.forEach(g -> out.put(g.getValue(), 0.0));
        out.put("other threads", 0.0);
        for (Map.Entry<String, Long> e : end.entrySet()) {
            long ticks = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            String group = e.getKey().equals(caller) ? CALLER : group(names.getOrDefault(e.getKey(), ""));
            out.merge(group, ticks * SECONDS_PER_TICK, Double::sum);
        }
        long total = total(self);
        out.put("all threads", total < 0 || totalBefore < 0 ? -1 : (total - totalBefore) * SECONDS_PER_TICK);
        return out;
    }

    /**
     * Prints {@code cpu} (from {@link #stop}) as a table: each group's seconds, then all threads' against what
     * {@code cores} cores could give in {@code wallNanos}. Groups that used nothing are left out.
     */
    public static void print(java.io.PrintWriter out, String title, Map<String, Double> cpu, long wallNanos, int cores) {
        out.printf("| %s | CPU |%n|---|---|%n", title);
        cpu.forEach((group, seconds) -> {
            if (group.equals("all threads")) {
                double available = wallNanos / 1e9 * cores;
                out.printf("| all threads | %.1f s of %.1f s (%d cores × %.1f s): %.0f %% |%n", seconds, available, cores,
                        wallNanos / 1e9, 100 * seconds / available);
            } else if (seconds >= 0.05) {
                out.printf("| %s | %.1f s |%n", group, seconds);
            }
        });
        out.println();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    /** The group of a thread named {@code comm}. */
    static String group(String comm) {
        for (Map.Entry<String, String> g : GROUPS) {
            if (comm.startsWith(g.getKey())) {
                return g.getValue();
            }
        }
        return "other threads";
    }

    /** Each thread's user + system ticks, by task id. */
    private Map<String, Long> sample(Path process) {
        Map<String, Long> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String id = task.getFileName().toString();
                    long ticks = ticks(Files.readString(task.resolve("stat")));
                    names.putIfAbsent(id, Files.readString(task.resolve("comm")).strip());
                    out.put(id, ticks);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** The process's user + system ticks, the ended threads' included; -1 when unreadable. */
    private static long total(Path process) {
        try {
            return ticks(Files.readString(process.resolve("stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * User + system ticks from a {@code stat} line: the fields after the name in parentheses (which may hold spaces
     * and parentheses itself), of which utime and stime are the 12th and 13th.
     */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}

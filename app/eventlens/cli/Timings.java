package eventlens.cli;

import java.util.Arrays;

/** Repeated timings of one step, and their mean, median, 99th percentile and maximum, for the benchmarks. */
record Timings(double mean, long p50, long p99, long max, int samples) {

    /** One timing already taken. */
    static Timings once(long nanos) {
        return new Timings(nanos, nanos, nanos, nanos, 1);
    }

    /** Runs {@code step} {@code n} times and times each run. */
    static Timings of(int n, Runnable step) {
        long[] ns = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            step.run();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        return new Timings(Arrays.stream(ns).average().orElse(0), ns[ns.length / 2],
                ns[Math.min(ns.length - 1, (int) Math.ceil(ns.length * 0.99) - 1)], ns[ns.length - 1], n);
    }
}

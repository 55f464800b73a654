package eventlens.cli.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Has the disk write what earlier parts of {@code benchmark all} left in memory before the next part starts
 * ({@code sync}): the 10M import part writes some 20 GB, and the parts after it otherwise read their files while the
 * disk still writes it back. Measured on the standard machine (2026-12-03): the 10M project's record texts read with
 * the page cache dropped in 7.9 s on a quiet disk, in 19.6 s right after 10 GB were written; the 10M replay in a whole
 * run, 138,337 events/s against 447,000 alone from a dropped cache. (In the whole run of 13:13 each {@code sync} took
 * 0.0–0.1 s: the disk had caught up by the end of each part. It stays as a guard: a part measured while the disk
 * writes another's files measures the disk.)
 */
public final class DiskFlush {
    /** How long a flush may take before the part starts anyway. */
    private static final long LIMIT_SECONDS = 600;
    private static final List<String> SYNC = List.of("sync");

    private DiskFlush() {
    }

    /** {@code sync}; how long it took, or empty where it cannot run (no such command, as on Windows). */
    public static Optional<Duration> flush() {
        return run(SYNC);
    }

    /** Runs {@code command} and waits for it; how long it took, or empty when it cannot be started or fails. */
    static Optional<Duration> run(List<String> command) {
        long start = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroy();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(Duration.ofNanos(System.nanoTime() - start)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

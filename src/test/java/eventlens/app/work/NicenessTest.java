package eventlens.app.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A worker of the window's background work runs at a lower OS priority than the thread that made the pool,
 * and threads it starts inherit it (Linux only: read back from {@code /proc/self/task/TID/stat}).
 */
class NicenessTest {
    /** The nice value of the thread named {@code name}, from /proc. */
    private static int niceOf(String name) throws Exception {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String comm;
                String stat;
                try {
                    comm = Files.readString(task.resolve("comm")).strip();
                    stat = Files.readString(task.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue; // a thread of another test that ended meanwhile
                }
                if (comm.equals(name)) {
                    // Fields after the command's closing parenthesis: state is field 3, nice is field 19.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return Integer.parseInt(fields[19 - 3]);
                }
            }
        }
        throw new IllegalStateException("no thread named " + name);
    }

    /** The nice value of a new thread started here (the caller's own, inherited). */
    private static int niceOfNew(String name) throws Exception {
        int[] nice = new int[1];
        Thread t = new Thread(() -> {
            try {
                nice[0] = niceOf(name);
            } catch (Exception e) {
                nice[0] = Integer.MIN_VALUE;
            }
        }, name);
        t.start();
        t.join();
        return nice[0];
    }

    @Test
    void workersAndTheThreadsTheyStartRunNicer() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only: no /proc/self/task here");
        FxBackgroundWork work = new FxBackgroundWork(1, Runnable::run);
        try {
            CompletableFuture<int[]> seen = new CompletableFuture<>();
            work.execute(BackgroundTask.of(context -> {
                Thread.currentThread().setName("nice-worker");
                int worker = niceOf("nice-worker");
                int inherited = niceOfNew("nice-child");
                seen.complete(new int[] {worker, inherited});
                return null;
            }).onFailure(seen::completeExceptionally));
            int[] nice = seen.get(10, TimeUnit.SECONDS);
            int mine = niceOfNew("nice-ref");
            assertThat(nice[0]).isEqualTo(Math.min(19, mine + Niceness.NICE));
            assertThat(nice[1]).isEqualTo(nice[0]);
        } finally {
            work.close();
        }
    }

    @Test
    void theJitsCompilerThreadsRunAsNiceAsTheWorkers() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only: no /proc/self/task here");
        assumeTrue(Niceness.available(), "no calls to lower a thread's priority on this Java (before 22)");
        java.util.List<String> compilers = new java.util.ArrayList<>();
        for (String name : new String[] {"C1 CompilerThre", "C2 CompilerThre"}) {
            try {
                niceOf(name);
                compilers.add(name);
            } catch (IllegalStateException none) {
                // this JVM runs without that compiler
            }
        }
        assumeTrue(!compilers.isEmpty(), "no JIT compiler threads in this JVM");
        int before = niceOfNew("nice-before");
        assumeTrue(before < Niceness.NICE, "this JVM runs at nice " + before + " already");

        int lowered = FxBackgroundWork.lowerCompilerThreads();

        assertThat(lowered).isGreaterThanOrEqualTo(compilers.size());
        for (String name : compilers) {
            assertThat(niceOf(name)).as(name).isEqualTo(Niceness.NICE);
        }
        assertThat(niceOfNew("nice-after")).as("the other threads' priority").isEqualTo(before);
    }
}

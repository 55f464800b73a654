package eventlens.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadCpuTest {
    @TempDir
    Path proc;

    /** A {@code stat} line whose name holds a space and a parenthesis, with utime and stime as given. */
    private static String stat(String name, long utime, long stime) {
        return "4242 (" + name + ") S 1 4242 4242 0 -1 4194560 100 0 0 0 " + utime + " " + stime + " 0 0 20 0 9 0 1 2 3\n";
    }

    private void thread(String id, String comm, long utime, long stime) throws Exception {
        Path task = Files.createDirectories(proc.resolve("task").resolve(id));
        Files.writeString(task.resolve("comm"), comm + "\n");
        Files.writeString(task.resolve("stat"), stat(comm, utime, stime));
    }

    @Test
    void eachGroupGetsTheTicksItsThreadsUsedAndAThreadThatEndedKeepsItsLastSample() throws Exception {
        Files.createDirectories(proc);
        Files.writeString(proc.resolve("stat"), stat("java (x)", 1000, 100));
        thread("1", "java", 100, 10);
        thread("2", "C2 CompilerThre", 50, 0);
        ThreadCpu cpu = ThreadCpu.start(proc, "1");
        thread("1", "java", 400, 10); // the store's thread: 3 s more
        thread("3", "eventlens-pack", 120, 30); // started after the start: all of its 1.5 s
        thread("2", "C2 CompilerThre", 250, 0);
        thread("4", "G1 Refine#0", 5, 5);
        Thread.sleep(350); // sampled at least twice
        try (var files = Files.walk(proc.resolve("task/3"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.writeString(proc.resolve("stat"), stat("java (x)", 1700, 160));
        Map<String, Double> used = cpu.stop();

        assertThat(used.get("the calling thread (the store's, in an import)")).isEqualTo(3.0, within());
        assertThat(used.get("packing the record texts")).as("ended before the stop").isEqualTo(1.5, within());
        assertThat(used.get("JIT: C2")).isEqualTo(2.0, within());
        assertThat(used.get("garbage collector")).isEqualTo(0.1, within());
        assertThat(used.get("all threads")).as("from the process's own stat").isEqualTo(7.6, within());

        StringWriter text = new StringWriter();
        ThreadCpu.print(new PrintWriter(text, true), "until it opens", used, 5_000_000_000L, 2);
        assertThat(text.toString()).contains("| JIT: C2 | 2.0 s |", "| all threads | 7.6 s of 10.0 s (2 cores × 5.0 s): 76 % |")
                .doesNotContain("JIT: C1", "schema inference");
    }

    @Test
    void onLinuxTheCallingThreadIsFoundByItsOwnTaskId() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")), "Linux only");
        ThreadCpu cpu = ThreadCpu.start();
        long sum = 0;
        long until = System.nanoTime() + 400_000_000L;
        while (System.nanoTime() < until) {
            sum += Long.numberOfTrailingZeros(sum + System.nanoTime());
        }
        Map<String, Double> used = cpu.stop();
        assertThat(sum).isPositive();
        assertThat(used.get("the calling thread (the store's, in an import)")).as("%s", used).isGreaterThan(0.1);
    }

    @Test
    void threadsAreGroupedByTheStartOfTheirNames() {
        assertThat(ThreadCpu.group("eventlens-import-reader".substring(0, 15))).isEqualTo("the reader");
        assertThat(ThreadCpu.group("GC Thread#1")).isEqualTo("garbage collector");
        assertThat(ThreadCpu.group("VM Thread")).isEqualTo("other threads");
        assertThat(ThreadCpu.ticks(stat("a) b (c", 7, 8))).isEqualTo(15);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}

package eventlens.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The import as a user runs it: {@code java -jar eventlens.jar import --no-flows PROJECT LOG} in a JVM of its own,
 * through the launcher (its relaunch and the jar's AOT cache included), timed from the command's start until the
 * project file exists, which is when the window can open it. The benchmark's own import runs in a JVM that has
 * already read the log once, its reader compiled; this one starts cold, as every real import does. Once the
 * project exists the command is stopped (it would go on to build the indexes, kill-safe: decision 0067) and its
 * project deleted.
 *
 * @param untilOpenNanos from the command's start until the project file existed
 * @param peakRssKb the largest resident set of the importing JVM seen until then, in KB; -1 when unknown
 */
public record ColdImport(long untilOpenNanos, long peakRssKb) {
    private static final long POLL_MILLIS = 10;
    /** The resident sets are read every tenth poll: reading {@code /proc} is not free. */
    private static final long RSS_EVERY = 10;

    /**
     * Runs the import of {@code log} into {@code project} (which must not exist) with the jar this JVM runs from;
     * empty when it does not run from a jar (a build's classes: there is no launcher to run).
     */
    public static Optional<ColdImport> run(Path log, Path project) throws IOException, InterruptedException {
        Optional<List<String>> command = command(log, project);
        return command.isEmpty() ? Optional.empty() : Optional.of(time(command.get(), project));
    }

    /** The command line of the import, with this JVM's Java and heap; empty when this JVM does not run from a jar. */
    static Optional<List<String>> command(Path log, Path project) {
        Optional<Path> jar = ChildRun.jar(System.getProperty("java.class.path"));
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(ChildRun.javaBinary());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-Xmx")) {
                command.add(option); // the heap this benchmark is measured with
            }
        }
        command.addAll(List.of("-jar", jar.get().toString(), "import", "--no-flows",
                project.toString(), log.toString()));
        return Optional.of(command);
    }

    /**
     * Runs {@code command} until {@code project} exists, then stops it and every process it started; fails when it
     * ends before.
     */
    static ColdImport time(List<String> command, Path project) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long peak = -1;
        try {
            for (long polls = 0; !Files.exists(project); polls++) {
                if (!p.isAlive()) {
                    throw new IOException("`" + String.join(" ", command) + "` ended with exit code " + p.exitValue()
                            + " before " + project + " existed");
                }
                if (polls % RSS_EVERY == 0) {
                    peak = Math.max(peak, peakRss(p));
                }
                Thread.sleep(POLL_MILLIS);
            }
            return new ColdImport(System.nanoTime() - start, peak);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
    }

    /** The largest {@code VmHWM} of the process and its descendants (the relaunched JVM), in KB; -1 when unknown. */
    private static long peakRss(Process p) {
        long peak = -1;
        for (ProcessHandle h : (Iterable<ProcessHandle>) () -> java.util.stream.Stream.concat(
                java.util.stream.Stream.of(p.toHandle()), p.descendants()).iterator()) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(h.pid()), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        peak = Math.max(peak, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no /proc, or the process has just ended
            }
        }
        return peak;
    }
}

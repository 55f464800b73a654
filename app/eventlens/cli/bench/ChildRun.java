package eventlens.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One part of {@code benchmark all}: {@code eventlens benchmark …} in a JVM of its own (so that each part
 * has the heap it is measured with and none inherits another's garbage), its output echoed as it comes and
 * kept, its wall time, and its peak resident memory read from {@code /proc} while it runs (Linux; -1
 * elsewhere).
 *
 * @param command the command line run
 * @param exitCode the JVM's exit code
 * @param wallNanos how long it ran
 * @param peakRssKb the largest resident set seen ({@code VmHWM}), in KB; -1 when unknown
 * @param output what it printed, standard error included
 */
public record ChildRun(List<String> command, int exitCode, long wallNanos, long peakRssKb, String output) {
    private static final long POLL_MILLIS = 100;

    /**
     * Runs {@code eventlens.cli.Main} with {@code args} on this JVM's class path and Java, with {@code jvmOptions}
     * before the class, echoing each line to {@code echo}.
     */
    public static ChildRun of(List<String> jvmOptions, List<String> args, PrintWriter echo)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        // The options the launcher would relaunch with: this JVM is the one measured, not a relaunching parent.
        command.add("--sun-misc-unsafe-memory-access=allow");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Deventlens.relaunched=true");
        command.add("-cp");
        command.add(absolute(System.getProperty("java.class.path"))); // as an AOT cache knows its jar
        command.add("eventlens.cli.Main");
        command.addAll(args);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        long[] peak = {-1};
        Thread watcher = Thread.ofPlatform().daemon().name("benchmark-rss").start(() -> watch(p, peak));
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                output.append(line).append('\n');
                echo.println(line);
                echo.flush();
            }
        }
        int code = p.waitFor();
        long wall = System.nanoTime() - start;
        watcher.join();
        return new ChildRun(command, code, wall, peak[0], output.toString());
    }

    /** The resident-set high-water mark, read until the process ends. */
    private static void watch(Process p, long[] peak) {
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        while (p.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peak[0] = Math.max(peak[0], Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
                Thread.sleep(POLL_MILLIS);
            } catch (IOException | RuntimeException e) {
                return; // no /proc, or the process has just ended
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String absolute(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * The jar {@code classPath} names, by its absolute path, when it is one jar (as {@code java -jar} gives it); empty
     * for a build's classes or several entries.
     */
    public static java.util.Optional<Path> jar(String classPath) {
        return classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar") ? java.util.Optional.empty()
                : java.util.Optional.of(Path.of(classPath).toAbsolutePath());
    }

    /** This JVM's {@code java} command. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }
}

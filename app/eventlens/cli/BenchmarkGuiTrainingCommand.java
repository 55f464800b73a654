package eventlens.cli;

import eventlens.cli.bench.ChildRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eventlens benchmark gui-training --cache FILE}: the build's training run for the window's AOT cache
 * (decision 0077). It starts Xvfb on a display of its own and runs {@code benchmark ui} there in a second JVM, on ZGC
 * as the window runs, which writes the cache when it ends. The window's first frame and the first showing of each
 * view then come from classes loaded and linked ahead. Without Java 25, a jar or Xvfb it says why it made no cache
 * and ends well: the window starts as it would without one. A failed training never fails the build either. Hidden:
 * only the build runs it.
 */
@Command(name = "gui-training", hidden = true, description = "The build's training run for the window's AOT cache.")
final class BenchmarkGuiTrainingCommand implements Callable<Integer> {
    /** Lines of the training log and events of its big flow: a 20 s run that opens every path the benchmark does. */
    static final List<String> WORKLOAD = List.of("benchmark", "ui", "--events", "20000", "--flow-events", "10000");
    private static final long LIMIT_SECONDS = 300;

    @Spec
    CommandSpec spec;

    @Option(names = "--cache", required = true, paramLabel = "FILE", description = "the cache to write")
    Path cache;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String why = whyNot(Runtime.version().feature(), System.getProperty("java.class.path"), onPath("Xvfb"));
        Files.deleteIfExists(cache);
        if (why != null) {
            out.println("The window's AOT cache is not made: " + why + " (the window starts without it).");
            return 0;
        }
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String number = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (number == null) {
                out.println("The window's AOT cache is not made: Xvfb did not start (the window starts without it).");
                return 0;
            }
            ProcessBuilder child = new ProcessBuilder(command(cache.toAbsolutePath(),
                    ChildRun.jar(System.getProperty("java.class.path")).orElseThrow())).inheritIO();
            child.environment().put("DISPLAY", ":" + number.trim());
            child.environment().remove("JAVA_TOOL_OPTIONS");
            out.flush();
            Process training = child.start();
            boolean ended = training.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                training.descendants().forEach(ProcessHandle::destroyForcibly);
                training.destroyForcibly().waitFor();
            }
            if (!ended || training.exitValue() != 0 || !Files.isRegularFile(cache)) {
                Files.deleteIfExists(cache);
                out.println("The window's AOT cache is not made: its training run "
                        + (ended ? "ended with exit code " + training.exitValue() : "took over " + LIMIT_SECONDS + " s")
                        + " (the window starts without it).");
            }
            return 0;
        } finally {
            xvfb.destroy();
            xvfb.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Why no cache can be made here, or null when it can. */
    static String whyNot(int javaVersion, String classPath, boolean xvfb) {
        if (javaVersion < 25) {
            return "Java " + javaVersion + " keeps no method profiles in a cache (25 does)";
        }
        if (ChildRun.jar(classPath).isEmpty()) {
            return "not run from eventlens.jar (a cache belongs to one jar)";
        }
        if (!xvfb) {
            return "no Xvfb to open the window in (apt-get install xvfb)";
        }
        return null;
    }

    /** The training JVM's command line on {@code jar}: the window's options, the cache to write, and the workload. */
    static List<String> command(Path cache, Path jar) {
        List<String> command = new ArrayList<>(List.of(
                ChildRun.javaBinary(),
                "-XX:+UseZGC", "-Xmx1g", "-XX:AOTCacheOutput=" + cache, "-Xlog:aot=off", "-Xlog:cds=off",
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                "-Deventlens.relaunched=true",
                // As the launcher names the jar to a cache: by its absolute path.
                "-cp", jar.toString(),
                "eventlens.cli.Main"));
        command.addAll(WORKLOAD);
        return command;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}

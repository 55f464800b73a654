package eventlens.cli;

import eventlens.cli.bench.ChildRun;
import eventlens.cli.bench.DiskFlush;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eventlens benchmark all}: every part of docs/benchmarks.md in one run, each in a JVM of its own with
 * the heap it is measured with, on the same generated logs (the 1M one, and the 10M one unless {@code --big
 * 0}); one report with the machine, the Java, the command and the date, a summary of each part's wall time
 * and peak memory, and each part's tables as it printed them.
 */
@Command(name = "all", description = "Run every part (import, flow, state, replay, dlq, readers, query, ui) in a JVM "
        + "of its own on the same 1M and 10M logs and write one report of their tables, wall times and peak memory.")
final class BenchmarkAllCommand implements Callable<Integer> {
    static final List<String> PARTS = List.of("import", "flow", "state", "replay", "dlq", "readers", "query", "ui");

    @Spec
    CommandSpec spec;

    @Option(names = "--events", defaultValue = "1000000", paramLabel = "N", description = "lines of the main log (default ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--big", defaultValue = "10000000", paramLabel = "N", description = "lines of the big log (default ${DEFAULT-VALUE}; 0 skips the big parts)")
    int big;

    @Option(names = "--heap", defaultValue = "1g", paramLabel = "SIZE", description = "-Xmx of each part (default ${DEFAULT-VALUE})")
    String heap;

    @Option(names = "--parts", split = ",", paramLabel = "PART", description = "only these parts, in the order above (default: all)")
    List<String> parts = PARTS;

    @Option(names = "--work", defaultValue = "target/benchmark-all", paramLabel = "DIR", description = "where logs, projects and the report go (default ${DEFAULT-VALUE})")
    Path work;

    @Option(names = "--out", paramLabel = "FILE", description = "the report (default: DIR/report.md)")
    Path out;

    /** The AOT caches found beside the jar that its JVM could not map, as lines for the report. */
    private final List<String> unusableCaches = new ArrayList<>();

    /** One child run: what it measures and how. */
    record Part(String name, String title, List<String> jvmOptions, List<String> args) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        Set<String> chosen = new LinkedHashSet<>(parts);
        chosen.removeAll(PARTS);
        if (!chosen.isEmpty()) {
            spec.commandLine().getErr().println("unknown part: " + String.join(", ", chosen) + "; the parts are "
                    + String.join(", ", PARTS));
            return 2;
        }
        Files.createDirectories(work);
        Path report = out == null ? work.resolve("report.md") : out;
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Part> plan = plan(System.getenv("DISPLAY") != null);
        List<ChildRun> runs = new ArrayList<>();
        for (Part p : plan) {
            console.printf("%n## %s%n%n", p.title());
            prepare(p);
            // No part reads its files while the disk still writes what the parts before it wrote.
            DiskFlush.flush().ifPresent(took -> console.printf("(the disk wrote what was left to write first: %.1f s)%n",
                    took.toMillis() / 1000.0));
            runs.add(ChildRun.of(p.jvmOptions(), p.args(), console));
        }
        Files.writeString(report, BenchmarkReport.of(started, String.join(" ", spec.commandLine().getParseResult()
                .originalArgs()), plan, runs, skipped(System.getenv("DISPLAY") != null)));
        console.printf("%nreport: %s%n", report.toAbsolutePath());
        return runs.stream().allMatch(r -> r.exitCode() == 0) ? 0 : 1;
    }

    private Path project(int lines) {
        return work.resolve("bench-" + lines + ".eventlens");
    }

    /** The query part changes its project: it gets a copy of the main one. */
    private void prepare(Part p) throws IOException {
        if (p.name().equals("query")) {
            if (!Files.exists(project(events))) {
                throw new CommandFailure("the query part needs the " + lines(events) + " project of the import part: "
                        + "run it first (--parts import,query) or with the same --work");
            }
            Files.copy(project(events), work.resolve("query-copy.eventlens"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The child runs of the chosen parts, in order; {@code display}: whether the window parts can run. */
    List<Part> plan(boolean display) {
        String classPath = System.getProperty("java.class.path");
        List<String> aot = parts.contains("import") || parts.contains("replay")
                ? usable(aotOptions(classPath), List.of("-Xmx" + heap), "the jar's AOT cache") : List.of();
        List<String> guiAot = display && parts.contains("ui")
                ? usable(guiAotOptions(classPath), List.of("-Xmx" + heap, "-XX:+UseZGC"), "the window's AOT cache")
                : List.of();
        return plan(display, aot, guiAot);
    }

    /**
     * {@code options}, when the JVM can map the cache they name with {@code jvm} (tried with {@code --version}, the
     * cache required); else none, and a line for the report. A cache made after its jar can still not fit it: a jar
     * copied elsewhere has another time and path, and the JVM then runs without the cache in silence, since the parts
     * turn its messages off (2026-12-03 23:19, a whole run measured so).
     */
    List<String> usable(List<String> options, List<String> jvm, String what) {
        if (options.isEmpty()) {
            return options;
        }
        List<String> tried = new ArrayList<>(jvm);
        tried.addAll(options);
        tried.add("-XX:AOTMode=on");
        try {
            ChildRun run = ChildRun.of(tried, List.of("--version"), new PrintWriter(java.io.Writer.nullWriter()));
            if (run.exitCode() == 0) {
                return options;
            }
        } catch (IOException e) {
            // reported as unusable below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String cache = options.getFirst().substring("-XX:AOTCache=".length());
        unusableCaches.add(what + " (" + cache + ") does not fit the jar it is beside (copied or rebuilt after it: "
                + "`mvn package` makes both): the parts that would start from it ran without it");
        return List.of();
    }

    /** As {@link #plan(boolean, List, List)}, the window parts without the window's cache. */
    List<Part> plan(boolean display, List<String> aot) {
        return plan(display, aot, List.of());
    }

    /**
     * As {@link #plan(boolean)}, the import and replay parts run with {@code aot}, the jar's AOT options, and the
     * window parts with {@code guiAot}, the window's (decision 0077).
     */
    List<Part> plan(boolean display, List<String> aot, List<String> guiAot) {
        List<String> jvm = List.of("-Xmx" + heap);
        // The import and replay parts run as `eventlens import` and `eventlens replay` do: with the jar's AOT cache
        // where the launcher would use it (decisions 0069 and 0073).
        List<String> aotJvm = new ArrayList<>(jvm);
        aotJvm.addAll(aot);
        String dir = work.toString();
        List<Part> plan = new ArrayList<>();
        for (String part : PARTS) {
            if (!parts.contains(part)) {
                continue;
            }
            switch (part) {
                case "import" -> {
                    plan.add(part(part, "import, " + lines(events), aotJvm, "import", "--events", events, "--work", dir));
                    if (big > 0) {
                        plan.add(part(part, "import, " + lines(big), aotJvm, "import", "--events", big, "--work", dir));
                    }
                }
                case "flow" -> {
                    plan.add(part(part, "flows, and the flow list of the " + lines(events) + " project", jvm, "flow",
                            "--project", project(events)));
                    if (big > 0) {
                        plan.add(part(part, "the flow list of the " + lines(big) + " project", jvm, "flow", "--sizes",
                                "1000,10000", "--runs", 1, "--project", project(big)));
                    }
                }
                case "state" -> plan.add(part(part, "aggregate state", jvm, "state", "--work", dir));
                case "replay" -> {
                    plan.add(part(part, "replay of the " + lines(events) + " project", aotJvm, "replay", "--project",
                            project(events), "--work", dir));
                    if (big > 0) {
                        plan.add(part(part, "replay of the " + lines(big) + " project", aotJvm, "replay", "--project",
                                project(big), "--rounds", 1, "--work", dir));
                    }
                }
                case "dlq" -> plan.add(part(part, "dead letters", jvm, "dlq", "--work", dir));
                case "readers" -> plan.add(part(part, "readers", jvm, "readers", "--work", dir));
                case "query" -> plan.add(part(part, "the query language on the " + lines(events) + " project", jvm,
                        "query", work.resolve("query-copy.eventlens")));
                case "ui" -> {
                    if (display) {
                        // As `eventlens gui` runs: on ZGC, from the window's AOT cache where the build made one;
                        // what held the FX thread in each step, and each stall's time, printed under its table (the
                        // samples are taken in any case: printing them changes no figure).
                        List<String> window = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+UseZGC"));
                        window.addAll(guiAot);
                        window.add("-Deventlens.bench.culprits=true");
                        plan.add(part(part, "the real window: worst FX-thread stalls", window, "ui"));
                        if (big > 0) {
                            plan.add(part(part, "the real window on the " + lines(big) + " project", window, "ui",
                                    "--project", project(big), "--read-only"));
                        }
                    }
                }
                default -> throw new IllegalStateException(part);
            }
        }
        return plan;
    }

    /** What the plan leaves out and why. */
    List<String> skipped(boolean display) {
        List<String> skipped = new ArrayList<>(unusableCaches);
        if (parts.contains("ui") && !display) {
            skipped.add("ui: no display (run under Xvfb with a window manager, e.g. xvfb-run)");
        }
        return skipped;
    }

    /**
     * The options with which the launcher hands the jar's AOT cache to {@code eventlens import} and {@code eventlens
     * replay} (decisions 0069 and 0073;
     * {@code eventlens.launcher.Launcher#aotOptions}, which this code cannot call: the launcher is compiled apart,
     * for Java 8). Empty on a Java before 25 or without a cache made after the jar.
     */
    static List<String> aotOptions(String classPath) {
        return cacheOptions(classPath, "eventlens.aot");
    }

    /**
     * The options with which the launcher hands the window's AOT cache to {@code eventlens gui} on ZGC (decision 0077;
     * {@code eventlens.launcher.Launcher#guiAotOptions}). Empty on a Java before 25 or without a cache made after the
     * jar.
     */
    static List<String> guiAotOptions(String classPath) {
        return cacheOptions(classPath, "eventlens-gui.aot");
    }

    private static List<String> cacheOptions(String classPath, String name) {
        Optional<Path> found = eventlens.cli.bench.ChildRun.jar(classPath);
        if (Runtime.version().feature() < 25 || found.isEmpty()) {
            return List.of();
        }
        Path jar = found.get();
        Path cache = jar.resolveSibling(name);
        try {
            if (!Files.isRegularFile(cache) || Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                return List.of();
            }
        } catch (IOException e) {
            return List.of();
        }
        return List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off", "-Xlog:class+path=off");
    }

    private static Part part(String name, String title, List<String> jvm, Object... args) {
        List<String> all = new ArrayList<>(List.of("benchmark"));
        for (Object a : args) {
            all.add(a.toString());
        }
        return new Part(name, title, jvm, all);
    }

    private static String lines(int n) {
        return String.format("%,d lines", n);
    }
}

package eventlens.cli;

import eventlens.cli.BenchmarkAllCommand.Part;
import eventlens.cli.bench.ChildRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The markdown report of {@code benchmark all}: the machine, a summary of the parts, then each part's own tables. */
final class BenchmarkReport {
    private BenchmarkReport() {
    }

    static String of(Instant started, String args, List<Part> plan, List<ChildRun> runs, List<String> skipped) {
        StringBuilder md = new StringBuilder();
        Duration took = Duration.between(started, Instant.now());
        md.append("# EventLens benchmark run of ").append(started).append("\n\n");
        md.append("- command: `eventlens ").append(args).append("` (took ")
                .append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s)\n");
        md.append("- machine: ").append(machine()).append('\n');
        md.append("- java: ").append(Runtime.version()).append(" (").append(System.getProperty("java.vendor"))
                .append("), each part in a JVM of its own, after `sync` where there is one (the disk has "
                        + "written what the parts before it wrote)\n\n");
        md.append("| part | what | exit | wall time | peak RSS |\n|---|---|---|---|---|\n");
        for (int i = 0; i < runs.size(); i++) {
            ChildRun r = runs.get(i);
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f s | %s |%n", plan.get(i).name(), plan.get(i).title(),
                    r.exitCode(), r.wallNanos() / 1e9, r.peakRssKb() < 0 ? "?" : String.format(Locale.ROOT, "%,d MB",
                            r.peakRssKb() >> 10)));
        }
        skipped.forEach(s -> md.append("\nSkipped: ").append(s).append('\n'));
        for (int i = 0; i < runs.size(); i++) {
            md.append("\n## ").append(plan.get(i).title()).append("\n\n`eventlens ")
                    .append(String.join(" ", plan.get(i).args())).append("` with `")
                    .append(String.join(" ", plan.get(i).jvmOptions())).append("`\n\n")
                    .append(runs.get(i).output().strip()).append('\n');
        }
        return md.toString();
    }

    /** CPU model, cores, memory and system, as far as this machine tells. */
    static String machine() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(kb -> String.format(Locale.ROOT, "%.1f GB memory", Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1048576.0))
                .orElse("memory unknown");
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memory + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

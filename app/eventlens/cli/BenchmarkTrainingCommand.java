package eventlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code eventlens benchmark training --work DIR}: the build's training run for the jar's AOT cache (decisions 0069
 * and 0073), one JVM that imports a 100,000-line log as {@code benchmark import} does and then replays the project as
 * {@code benchmark replay} does, so that the cache holds the classes and the profiles of both commands. Hidden: only
 * the build runs it.
 */
@Command(name = "training", hidden = true, description = "The build's training run for the jar's AOT cache.")
final class BenchmarkTrainingCommand implements Callable<Integer> {
    /** Lines of the training log: enough for the hot methods to be profiled, few enough for a build. */
    static final int EVENTS = 100_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "where the log and project go")
    Path work;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String dir = work.toString();
        // The two commands' own models, which a command line builds only for the command it runs (Main.commandLine).
        PrintWriter none = new PrintWriter(java.io.Writer.nullWriter());
        Main.run(new String[] {"import", "--help"}, none, none);
        Main.run(new String[] {"replay", "--help"}, none, none);
        String[] importArgs = {"benchmark", "import", "--events", Integer.toString(EVENTS), "--skip-cold", "--rounds", "1",
            "--work", dir};
        int code = Main.run(importArgs, out, err);
        if (code != 0) {
            return code;
        }
        String project = work.resolve("bench-" + EVENTS + ".eventlens").toString();
        return Main.run(new String[] {"benchmark", "replay", "--project", project, "--rounds", "1", "--pipeline-events",
            Integer.toString(EVENTS / 5), "--work", dir}, out, err);
    }
}

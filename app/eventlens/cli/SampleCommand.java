package eventlens.cli;

import eventlens.model.sample.SampleLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eventlens sample OUT.jsonl --events N [--seed S]}: a deterministic synthetic order-saga log. */
@Command(name = "sample", description = "Write a deterministic synthetic log in the order-saga style ('-' writes to standard output).")
final class SampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT.jsonl")
    String out;

    @Option(names = "--events", required = true, paramLabel = "N", description = "lines to write (events and dead letters)")
    long events;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE}); same seed, same bytes")
    long seed;

    @Override
    public Integer call() {
        if (events < 0) {
            throw new ParameterException(spec.commandLine(), "--events must be 0 or more");
        }
        try {
            SampleLog.Summary summary;
            if ("-".equals(out)) {
                Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
                summary = new SampleLog(seed).generate(w, events);
                w.flush();
            } else {
                Path path = Path.of(out);
                if (path.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(path.toAbsolutePath().getParent());
                }
                try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                    summary = new SampleLog(seed).generate(w, events);
                }
            }
            spec.commandLine().getErr().printf("wrote %,d lines (%,d events, %,d dead letters, %,d orders) to %s%n",
                    summary.lines(), summary.events(), summary.deadLetters(), summary.orders(), out);
            return 0;
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}

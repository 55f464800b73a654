package eventlens.cli;

import eventlens.importers.Importer;
import eventlens.importers.ImporterRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eventlens formats}: the readers and where each finds the event fields. */
@Command(name = "formats", description = "List the readers and the fields each one finds.")
final class FormatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Importer importer : ImporterRegistry.standard().all()) {
            out.printf("%s — %s%n", importer.name(), importer.description());
            for (Importer.FieldSource f : importer.fields()) {
                out.printf("  %-14s %s%n", f.field(), f.from());
            }
            out.println();
        }
        return 0;
    }
}

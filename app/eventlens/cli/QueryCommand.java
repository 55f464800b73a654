package eventlens.cli;

import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.SavedQueries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code eventlens query PROJECT [QUERY] [--save NAME | --delete NAME | --list | --history]}: the project's
 * saved queries (usable as {@code --where @NAME} and in the window's filter bar) and its filter-bar history;
 * with a query alone, how many events it matches.
 */
@Command(name = "query", description = "Save, list and delete named queries (--where @NAME); count a query's matches.")
final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Parameters(index = "1", arity = "0..1", paramLabel = "QUERY", description = "a query, or @NAME for a saved one")
    String query;

    @Option(names = "--save", paramLabel = "NAME", description = "save QUERY under NAME (it must parse)")
    String save;

    @Option(names = "--delete", paramLabel = "NAME", description = "delete the saved query NAME")
    String delete;

    @Option(names = "--list", description = "list the saved queries")
    boolean list;

    @Option(names = "--history", description = "list the filter bar's history, newest first")
    boolean history;

    @Override
    public Integer call() {
        Path file = project.existing();
        PrintWriter out = spec.commandLine().getOut();
        if (save != null && query == null) {
            throw new ParameterException(spec.commandLine(), "--save " + save + " needs the QUERY to save, e.g. "
                    + "eventlens query " + file + " --save " + save + " 'type:payment.* AND is:failed'");
        }
        if (save != null && !SavedQueries.NAME.matcher(save).matches()) {
            throw new ParameterException(spec.commandLine(), "--save " + save + ": a name is letters, digits, '.', '_' "
                    + "and '-' (at most 64), starting with a letter or digit");
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            SavedQueries saved = new SavedQueries(store);
            if (save != null) {
                EventQuery parsed = Main.where(spec, query);
                saved.save(save, query);
                out.printf("saved @%s: %s (%,d matching events)%n", save, query.strip(), store.count(parsed));
            } else if (delete != null) {
                if (!saved.delete(delete)) {
                    throw new CommandFailure(file + " has no saved query '" + delete + "'");
                }
                out.println("deleted @" + delete);
            } else if (list) {
                saved.list().forEach(s -> out.println("@" + s.name() + "\t" + s.query()));
            } else if (history) {
                saved.history().forEach(out::println);
            } else if (query != null) {
                String text = query.startsWith("@") ? saved.find(query.substring(1)).orElseThrow(() ->
                        new ParameterException(spec.commandLine(), file + " has no saved query '" + query.substring(1)
                                + "'; list them with: eventlens query " + file + " --list")) : query;
                out.printf("%,d%n", store.count(Main.where(spec, text)));
            } else {
                throw new ParameterException(spec.commandLine(), "say what to do: a QUERY to count, --save NAME QUERY, "
                        + "--delete NAME, --list or --history");
            }
            out.flush();
            return 0;
        }
    }
}

package eventlens.cli;

import eventlens.model.Event;
import eventlens.model.EventJson;
import eventlens.model.Json;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eventlens events PROJECT [--where QUERY] [--limit N] [--json]}: events in import order. */
@Command(name = "events", description = "List events in import order, optionally filtered.")
final class EventsCommand implements Callable<Integer> {
    private static final int PAGE = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Mixin
    WhereOption where;

    @Option(names = "--limit", paramLabel = "N", description = "at most N events (default: all)")
    Long limit;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        if (limit != null && limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be 0 or more");
        }
        EventQuery query = where.query(project.existing());
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore store = ProjectStore.open(project.existing())) {
            long left = limit == null ? Long.MAX_VALUE : limit;
            long after = 0;
            while (left > 0) {
                List<Event> page = store.events(query, after, (int) Math.min(PAGE, left));
                for (Event e : page) {
                    out.println(output.json() ? Json.write(EventJson.tree(e)) : line(e));
                }
                if (page.size() < Math.min(PAGE, left)) {
                    break;
                }
                left -= page.size();
                after = page.get(page.size() - 1).position();
            }
            out.flush();
            return 0;
        }
    }

    private static String line(Event e) {
        return TextCells.row(String.valueOf(e.position()), e.time() == null ? "-" : e.time().toString(),
                orDash(e.type()), orDash(e.source()), orDash(e.aggregateId()), orDash(e.correlationId()), e.id());
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}

package eventlens.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Json;
import eventlens.model.query.QueryException;
import eventlens.model.query.QueryParser;
import eventlens.model.state.AggregateList;
import eventlens.model.state.StateAt;
import eventlens.model.store.AggregateSummary;
import eventlens.model.store.ProjectStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code eventlens aggregates PROJECT [--type T] [--id TEXT] [--at TIME] [--limit N] [--json]}: the aggregates,
 * in id order; with {@code --at}, the system view: each aggregate's state at that moment.
 */
@Command(name = "aggregates", description = "List aggregates: id, type, event count, first and last time, "
        + "current version, version issues; with --at, every aggregate's state at that time.")
final class AggregatesCommand implements Callable<Integer> {
    private static final int PAGE = 500;

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Option(names = "--type", paramLabel = "T", description = "only aggregates of this type")
    String type;

    @Option(names = "--id", paramLabel = "TEXT", description = "only ids containing TEXT")
    String idContains;

    @Option(names = "--at", paramLabel = "TIME", description = "the state of each aggregate at this time "
            + "(ISO date or date-time, UTC unless an offset is given, or epoch ms); aggregates created later are left out")
    String at;

    @Option(names = "--limit", paramLabel = "N", description = "at most N aggregates (default: all)")
    Long limit;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        if (limit != null && limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be 0 or more");
        }
        Instant moment = null;
        if (at != null) {
            try {
                moment = QueryParser.time(at, "--at " + at);
            } catch (QueryException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore store = ProjectStore.open(project.existing())) {
            StateAt states = new StateAt(store);
            AggregateList list = new AggregateList(states);
            long left = limit == null ? Long.MAX_VALUE : limit;
            String after = null;
            while (left > 0) {
                int size = (int) Math.min(PAGE, left);
                List<AggregateSummary> page = list.page(type, idContains, after, size);
                for (AggregateSummary s : page) {
                    if (moment == null) {
                        out.println(output.json() ? Json.write(tree(s)) : line(s));
                    } else {
                        states.atTime(s.aggregateId(), moment).filter(state -> !state.isInitial()).ifPresent(state -> out.println(output.json()
                                ? Json.write(tree(s).set("state", state.toJson()))
                                : TextCells.row(s.aggregateId(), orDash(s.aggregateType()),
                                        state.meta().version() == null ? "-" : "v" + state.meta().version(),
                                        Json.write(state.data()))));
                    }
                }
                if (page.size() < size) {
                    break;
                }
                left -= page.size();
                after = page.get(page.size() - 1).aggregateId();
            }
            out.flush();
            return 0;
        }
    }

    private static ObjectNode tree(AggregateSummary s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("aggregateId", s.aggregateId());
        o.put("aggregateType", s.aggregateType());
        o.put("events", s.events());
        o.put("firstTime", text(s.firstTime()));
        o.put("lastTime", text(s.lastTime()));
        o.put("currentVersion", s.currentVersion());
        o.put("versionIssues", s.versionIssues());
        return o;
    }

    private static String line(AggregateSummary s) {
        return TextCells.row(s.aggregateId(), orDash(s.aggregateType()), String.valueOf(s.events()),
                orDash(text(s.firstTime())), orDash(text(s.lastTime())),
                s.currentVersion() == null ? "-" : "v" + s.currentVersion(),
                s.versionIssues() == 0 ? "ok" : s.versionIssues() + " version issue" + (s.versionIssues() == 1 ? "" : "s"));
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}

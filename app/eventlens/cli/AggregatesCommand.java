package eventlens.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Json;
import eventlens.model.state.AggregateList;
import eventlens.model.state.StateAt;
import eventlens.model.store.AggregateSummary;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eventlens aggregates PROJECT [--type T] [--id TEXT] [--limit N] [--json]}: the aggregates, in id order. */
@Command(name = "aggregates", description = "List aggregates: id, type, event count, first and last time, "
        + "current version, version issues.")
final class AggregatesCommand implements Callable<Integer> {
    private static final int PAGE = 500;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Option(names = "--type", paramLabel = "T", description = "only aggregates of this type")
    String type;

    @Option(names = "--id", paramLabel = "TEXT", description = "only ids containing TEXT")
    String idContains;

    @Option(names = "--limit", paramLabel = "N", description = "at most N aggregates (default: all)")
    Long limit;

    @Option(names = "--json", description = "one aggregate per line as JSON")
    boolean json;

    @Override
    public Integer call() {
        if (limit != null && limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be 0 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore store = ProjectStore.open(Main.existingProject(project))) {
            AggregateList list = new AggregateList(new StateAt(store));
            long left = limit == null ? Long.MAX_VALUE : limit;
            String after = null;
            while (left > 0) {
                int size = (int) Math.min(PAGE, left);
                List<AggregateSummary> page = list.page(type, idContains, after, size);
                for (AggregateSummary s : page) {
                    out.println(json ? Json.write(tree(s)) : line(s));
                }
                if (page.size() < size) {
                    break;
                }
                left -= page.size();
                after = page.get(page.size() - 1).aggregateId();
            }
            out.flush();
            return 0;
        } catch (StoreException e) {
            throw new CommandFailure(e.getMessage(), e);
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
        return String.join("\t", s.aggregateId(), orDash(s.aggregateType()), String.valueOf(s.events()),
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

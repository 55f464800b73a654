package eventlens.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Json;
import eventlens.model.flow.FlowFilter;
import eventlens.model.flow.FlowList;
import eventlens.model.flow.FlowSort;
import eventlens.model.flow.FlowSummary;
import eventlens.model.flow.FlowText;
import eventlens.model.store.ProjectStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eventlens flows PROJECT [--sort KEY] [--asc] [--limit N] [--offset N] [--corr GLOB]
 * [--root GLOB] [--anomalies] [--failures] [--json]}: the flow list, one correlation per line.
 */
@Command(name = "flows", description = "List flows (correlations) with root type, size, duration, depth, anomalies and failures.")
final class FlowsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Option(names = "--sort", defaultValue = "start", paramLabel = "KEY",
            description = "start, correlation, root-type, events, duration, depth, anomalies or failures (default ${DEFAULT-VALUE})")
    String sort;

    @Option(names = "--asc", description = "ascending (default: ascending for start, correlation and root-type, descending otherwise)")
    Boolean ascending;

    @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "at most N flows (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--offset", defaultValue = "0", paramLabel = "N", description = "skip the first N flows")
    long offset;

    @Option(names = "--corr", paramLabel = "GLOB", description = "correlation ids matching this pattern")
    String correlation;

    @Option(names = "--root", paramLabel = "GLOB", description = "root types matching this pattern, e.g. 'order.*'")
    String rootType;

    @Option(names = "--anomalies", description = "only flows with anomalies")
    boolean anomalies;

    @Option(names = "--failures", description = "only flows with failures")
    boolean failures;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        FlowSort order;
        try {
            order = FlowSort.valueOf(sort.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--sort: unknown key '" + sort + "'");
        }
        if (limit < 0 || offset < 0) {
            throw new ParameterException(spec.commandLine(), "--limit and --offset must be 0 or more");
        }
        boolean descending = ascending != null ? !ascending
                : !(order == FlowSort.START || order == FlowSort.CORRELATION || order == FlowSort.ROOT_TYPE);
        FlowFilter filter = new FlowFilter(correlation, rootType, anomalies, failures);
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore store = ProjectStore.open(project.existing()); FlowList list = new FlowList(store)) {
            List<FlowSummary> page = list.page(filter, order, descending, offset, limit);
            if (!output.json()) {
                out.println(TextCells.row("correlation", "root", "events", "start", "duration", "depth",
                        "anomalies", "failures"));
            }
            for (FlowSummary f : page) {
                out.println(output.json() ? Json.write(tree(f)) : TextCells.row(f.correlationId(), String.valueOf(f.rootType()),
                        String.valueOf(f.events()), String.valueOf(f.start()),
                        FlowText.duration(f.duration().toNanos() / 1000), String.valueOf(f.depth()),
                        String.valueOf(f.anomalies()), String.valueOf(f.failures())));
            }
            out.flush();
            return 0;
        }
    }

    private static ObjectNode tree(FlowSummary f) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("correlationId", f.correlationId());
        o.put("rootType", f.rootType());
        o.put("events", f.events());
        o.put("start", f.start() == null ? null : f.start().toString());
        o.put("durationMicros", f.duration().toNanos() / 1000);
        o.put("depth", f.depth());
        o.put("anomalies", f.anomalies());
        o.put("failures", f.failures());
        return o;
    }
}

package eventlens.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Json;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.TimeScan;
import eventlens.model.time.BucketCounts;
import eventlens.model.time.Histogram;
import eventlens.model.time.Histograms;
import eventlens.model.time.Micros;
import eventlens.model.time.StackBy;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code eventlens histogram PROJECT [--where QUERY] [--bars N] [--by type|source] [--from TIME] [--to TIME]
 * [--json]}: the events over time (or those a query selects), as the histogram under the Events view counts
 * them (decision 0042).
 */
@Command(name = "histogram", description = "Events over time: counts per bar of a round width, split by type or source, with failures.")
final class HistogramCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Option(names = "--bars", defaultValue = "40", paramLabel = "N", description = "at most about N bars (default ${DEFAULT-VALUE})")
    int bars;

    @Option(names = "--by", defaultValue = "type", paramLabel = "KEY", description = "split bars by type or source (default ${DEFAULT-VALUE})")
    String by;

    @Option(names = "--series", defaultValue = "8", paramLabel = "N", description = "at most N series, the rest as (other) (default ${DEFAULT-VALUE})")
    int series;

    @Option(names = "--from", paramLabel = "TIME", description = "start of the range (ISO-8601; default: the first event)")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", description = "end of the range, exclusive (ISO-8601; default: after the last event)")
    Instant to;

    @Mixin
    WhereOption where;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        StackBy stack;
        try {
            stack = StackBy.valueOf(by.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--by: 'type' or 'source', not '" + by + "'");
        }
        if (bars < 1 || bars > 100_000 || series < 1) {
            throw new ParameterException(spec.commandLine(), "--bars must be 1 to 100,000 and --series at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        EventQuery query = where.query(project.existing());
        try (ProjectStore store = ProjectStore.open(project.existing()); Histograms histograms = new Histograms(store)) {
            TimeScan.Scope scope = TimeScan.Scope.of(store, query);
            Optional<BucketCounts> whole = histograms.overview(scope, () -> false);
            if (whole.isEmpty()) {
                spec.commandLine().getErr().println("eventlens histogram: no event in " + project.existing() + " has a time");
                return 0;
            }
            BucketCounts w = whole.get();
            long start = from == null ? w.fromMicros() : Micros.of(from);
            long end = to == null ? w.fromMicros() + w.bucketMicros() * w.buckets() : Micros.of(to);
            if (end <= start) {
                throw new ParameterException(spec.commandLine(), "--to must be after --from");
            }
            Histogram h = histograms.range(start, end, bars, scope, () -> false).orElseThrow()
                    .histogram(stack, series);
            print(out, h);
            out.flush();
            return 0;
        }
    }

    private void print(PrintWriter out, Histogram h) {
        if (!output.json()) {
            List<String> header = new ArrayList<>(List.of("start", "events"));
            header.addAll(h.series());
            header.add("failed");
            out.println(TextCells.row(header.toArray(String[]::new)));
        }
        for (int b = 0; b < h.buckets(); b++) {
            if (output.json()) {
                ObjectNode o = Json.mapper().createObjectNode();
                o.put("start", Micros.instant(h.startOf(b)).toString());
                o.put("end", Micros.instant(h.startOf(b + 1)).toString());
                o.put("events", h.total(b));
                ObjectNode counts = o.putObject("series");
                for (int s = 0; s < h.series().size(); s++) {
                    counts.put(h.series().get(s), h.count(s, b));
                }
                o.put("failed", h.failures(b));
                out.println(Json.write(o));
            } else {
                List<String> row = new ArrayList<>(List.of(Micros.instant(h.startOf(b)).toString(), String.valueOf(h.total(b))));
                for (int s = 0; s < h.series().size(); s++) {
                    row.add(String.valueOf(h.count(s, b)));
                }
                row.add(String.valueOf(h.failures(b)));
                out.println(TextCells.row(row.toArray(String[]::new)));
            }
        }
    }
}

package eventlens.cli;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowList;
import eventlens.model.flow.FlowLoader;
import eventlens.model.flow.shape.FlowComparison;
import eventlens.model.flow.shape.FlowShapes;
import eventlens.model.flow.export.DotExport;
import eventlens.model.flow.export.FlowJson;
import eventlens.model.flow.export.MermaidExport;
import eventlens.model.flow.export.TreeText;
import eventlens.model.store.ProjectStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eventlens flow PROJECT ID [--format tree|json|mermaid|dot] [--compare OTHER|typical] [--json]}: the
 * causal tree of one flow, or how it differs from the typical flow of its root type or from another flow.
 */
@Command(name = "flow", description = "Show how one transaction travelled: its causal tree, latencies and anomalies.")
final class FlowCommand implements Callable<Integer> {
    enum Format { tree, json, mermaid, dot }

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Parameters(index = "1", paramLabel = "ID", description = "a correlation id, or the id of any event of the flow")
    String id;

    @Option(names = "--format", defaultValue = "tree", paramLabel = "FORMAT",
            description = "tree, json, mermaid or dot (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--max-events", defaultValue = "" + FlowLoader.DEFAULT_MAX_EVENTS, paramLabel = "N",
            description = "stop loading after N events (default ${DEFAULT-VALUE}); the output says when it did")
    int maxEvents;

    @Option(names = "--compare", paramLabel = "OTHER|typical",
            description = "set the flow against the typical flow of its root type, or against another flow (an id): "
                    + "missed steps, extra steps, hops slower than p95")
    String compare;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        if (maxEvents < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-events must be 1 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore store = ProjectStore.open(project.existing())) {
            CausalGraph graph = new FlowLoader(store, maxEvents).load(id).orElseThrow(() -> new CommandFailure(
                    "no correlation or event with id '" + id + "' in " + project));
            if (compare != null) {
                out.print(compareWith(store, graph));
                out.flush();
                return 0;
            }
            out.print(output.json() ? FlowJson.write(graph) + "\n" : switch (format) {
                case tree -> TreeText.render(graph);
                case json -> FlowJson.write(graph) + "\n";
                case mermaid -> MermaidExport.render(graph);
                case dot -> DotExport.render(graph);
            });
            out.flush();
            if (graph.stats().truncated()) {
                spec.commandLine().getErr().println("eventlens: the flow has more than " + maxEvents
                        + " events; only the first " + maxEvents + " are shown (raise --max-events)");
            }
            return 0;
        }
    }

    private String compareWith(ProjectStore store, CausalGraph graph) {
        try (FlowList list = new FlowList(store)) {
            FlowShapes shapes = new FlowShapes(list);
            FlowComparison c;
            if (compare.equals(FlowComparison.TYPICAL)) {
                c = shapes.withTypical(graph);
            } else {
                CausalGraph other = new FlowLoader(store, maxEvents).load(compare).orElseThrow(() -> new CommandFailure(
                        "no correlation or event with id '" + compare + "' in " + project));
                c = shapes.withFlow(graph, other);
            }
            boolean json = output.json() || format == Format.json;
            return json ? ShapeOutput.json(c) + "\n" : ShapeOutput.text(c);
        }
    }
}

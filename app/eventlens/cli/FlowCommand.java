package eventlens.cli;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowLoader;
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

/** {@code eventlens flow PROJECT ID [--format tree|json|mermaid|dot]}: the causal tree of one flow. */
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

    @Override
    public Integer call() {
        if (maxEvents < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-events must be 1 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore store = ProjectStore.open(project.existing())) {
            CausalGraph graph = new FlowLoader(store, maxEvents).load(id).orElseThrow(() -> new CommandFailure(
                    "no correlation or event with id '" + id + "' in " + project));
            out.print(switch (format) {
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
}

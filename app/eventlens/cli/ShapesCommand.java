package eventlens.cli;

import eventlens.model.flow.FlowList;
import eventlens.model.flow.shape.FlowShape;
import eventlens.model.flow.shape.FlowShapes;
import eventlens.model.store.ProjectStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eventlens shapes PROJECT ROOT_TYPE [--variants N] [--flows-of RANK|FROM->TO] [--json]}: every flow
 * of a root type merged into one graph of event types, with reach, edge latencies and ranked variants.
 */
@Command(name = "shapes", description = "Merge every flow of a root type into one graph: steps with reach, edges "
        + "with counts and p50/p95 latencies, variants ranked by frequency.")
final class ShapesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Parameters(index = "1", paramLabel = "ROOT_TYPE", description = "the root type, e.g. order.created")
    String rootType;

    @Option(names = "--variants", defaultValue = "10", paramLabel = "N",
            description = "show the N most frequent variants (default ${DEFAULT-VALUE})")
    int variants;

    @Option(names = "--flows-of", paramLabel = "RANK|FROM->TO",
            description = "list the correlation ids of a variant (its rank) or of an edge (e.g. 'order.created->payment.failed'),"
                    + " at most " + eventlens.model.flow.shape.ShapeBuilder.EXAMPLES)
    String flowsOf;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        if (variants < 0) {
            throw new ParameterException(spec.commandLine(), "--variants must be 0 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore store = ProjectStore.open(project.existing()); FlowList list = new FlowList(store)) {
            FlowShape shape = new FlowShapes(list).of(rootType);
            if (shape.flows() == 0) {
                Map<String, Long> known = list.rootTypes();
                throw new CommandFailure("no flows with root type '" + rootType + "' in " + project
                        + (known.isEmpty() ? "" : "; root types: " + known.entrySet().stream().limit(10)
                                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))));
            }
            if (flowsOf != null) {
                flows(shape).forEach(out::println);
            } else {
                out.print(output.json() ? ShapeOutput.json(shape, variants) + "\n" : ShapeOutput.text(shape, variants));
            }
            out.flush();
            return 0;
        }
    }

    private List<String> flows(FlowShape shape) {
        String[] edge = flowsOf.split("->|→", 2);
        if (edge.length == 2) {
            return shape.edge(edge[0].strip(), edge[1].strip()).map(FlowShape.Edge::examples).orElseThrow(() ->
                    new CommandFailure("no edge " + edge[0].strip() + " → " + edge[1].strip() + " in the shape of " + rootType));
        }
        int rank;
        try {
            rank = Integer.parseInt(flowsOf.strip());
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--flows-of: a variant's rank or FROM->TO, not '" + flowsOf + "'");
        }
        if (rank < 1 || rank > shape.variants().size()) {
            throw new CommandFailure("no variant #" + rank + "; the shape of " + rootType + " has "
                    + shape.variants().size());
        }
        return shape.variants().get(rank - 1).examples();
    }
}

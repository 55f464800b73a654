package eventlens.model.flow.shape;

import java.util.List;
import java.util.Optional;

/**
 * What the flows of one root type look like together (docs/decisions/0041-flow-shapes.md): a
 * directly-follows graph of event types merged from every flow's causal tree, with how many flows reach
 * each step, how often each edge is taken and how long it takes, and the variants ranked by frequency.
 * Built by {@link ShapeBuilder}; {@link FlowShapes} feeds it from a project.
 *
 * @param rootType the root type whose flows were merged
 * @param flows how many flows
 * @param steps every type seen, most reached first (ties: first seen first)
 * @param edges every edge, most taken first (ties: by types)
 * @param variants every variant, most frequent first (ties: by key); the first is the typical one
 */
public record FlowShape(String rootType, long flows, List<Step> steps, List<Edge> edges, List<Variant> variants) {

    /**
     * A step: an event type.
     *
     * @param type the type
     * @param flows how many flows have at least one event of it
     * @param reach {@code flows} divided by the shape's flows
     */
    public record Step(String type, long flows, double reach) {
    }

    /**
     * An edge: events of type {@code to} directly caused by (or, when inferred, following) events of
     * type {@code from}.
     *
     * @param from the cause's type
     * @param to the effect's type
     * @param hops how many times it was taken, over all flows
     * @param flows how many flows take it at least once
     * @param inferred how many of the hops were joined by time order, not causation
     * @param p50Micros median latency (null when no hop had both times)
     * @param p95Micros 95th percentile latency (null when no hop had both times)
     * @param examples correlation ids of the first flows that take it (at most {@link ShapeBuilder#EXAMPLES})
     */
    public record Edge(String from, String to, long hops, long flows, long inferred, Long p50Micros, Long p95Micros,
            List<String> examples) {
        public Edge {
            examples = List.copyOf(examples);
        }

        /** True when every hop of this edge was joined by time order. */
        public boolean allInferred() {
            return inferred == hops;
        }
    }

    /**
     * A pair of types joined by an edge.
     *
     * @param from the cause's type
     * @param to the effect's type
     */
    public record Link(String from, String to) {
    }

    /**
     * A variant: the flows with the same set of edges.
     *
     * @param rank 1 for the most frequent
     * @param key the variant's key ({@link FlowSteps#variant()})
     * @param steps its types in the time order of the first flow of the variant
     * @param links its distinct edges, sorted
     * @param flows how many flows
     * @param share {@code flows} divided by the shape's flows
     * @param examples correlation ids of its first flows (at most {@link ShapeBuilder#EXAMPLES})
     */
    public record Variant(int rank, String key, List<String> steps, List<Link> links, long flows, double share,
            List<String> examples) {
        public Variant {
            steps = List.copyOf(steps);
            links = List.copyOf(links);
            examples = List.copyOf(examples);
        }

        /** The steps joined by arrows, as the variant is shown. */
        public String path() {
            return String.join(" → ", steps);
        }
    }

    public FlowShape {
        steps = List.copyOf(steps);
        edges = List.copyOf(edges);
        variants = List.copyOf(variants);
    }

    /** The most frequent variant, empty when there are no flows. */
    public Optional<Variant> typical() {
        return variants.isEmpty() ? Optional.empty() : Optional.of(variants.get(0));
    }

    /** The variant with this key. */
    public Optional<Variant> variant(String key) {
        return variants.stream().filter(v -> v.key().equals(key)).findFirst();
    }

    /** The edge from one type to another. */
    public Optional<Edge> edge(String from, String to) {
        return edges.stream().filter(e -> e.from().equals(from) && e.to().equals(to)).findFirst();
    }

    /** The step of a type. */
    public Optional<Step> step(String type) {
        return steps.stream().filter(s -> s.type().equals(type)).findFirst();
    }
}

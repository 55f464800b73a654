package eventlens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Json;
import eventlens.model.flow.FlowText;
import eventlens.model.flow.shape.FlowComparison;
import eventlens.model.flow.shape.FlowShape;
import eventlens.model.flow.shape.ShapeText;
import java.util.List;
import java.util.Locale;

/** The text and JSON of {@code eventlens shapes} and {@code eventlens flow --compare}. */
final class ShapeOutput {
    private ShapeOutput() {
    }

    /** A shape as text: steps with reach, edges with counts and latencies, the first {@code maxVariants} variants. */
    static String text(FlowShape shape, int maxVariants) {
        StringBuilder b = new StringBuilder();
        b.append("shape of ").append(shape.rootType()).append(": ").append(shape.flows()).append(" flows, ")
                .append(shape.steps().size()).append(" steps, ").append(shape.edges().size()).append(" edges, ")
                .append(shape.variants().size()).append(" variants\n\nsteps (share of flows that reach each)\n");
        for (FlowShape.Step s : shape.steps()) {
            b.append(String.format(Locale.ROOT, "  %7s  %-40s %s%n", ShapeText.percent(s.reach()), s.type(), flows(s.flows())));
        }
        b.append("\nedges (hops, flows, latency)\n");
        for (FlowShape.Edge e : shape.edges()) {
            b.append(String.format(Locale.ROOT, "  %-60s %8d hops %8s  %s%s%n", e.from() + " → " + e.to(), e.hops(),
                    flows(e.flows()), ShapeText.latencies(e), e.allInferred() ? "  (time order)" : e.inferred() > 0
                            ? "  (" + e.inferred() + " by time order)" : ""));
        }
        b.append("\nvariants (share of flows)\n");
        for (FlowShape.Variant v : shape.variants().subList(0, Math.min(maxVariants, shape.variants().size()))) {
            b.append(String.format(Locale.ROOT, "  #%-3d %7s  %10s  %s%n", v.rank(), ShapeText.percent(v.share()),
                    flows(v.flows()), v.path()));
        }
        if (shape.variants().size() > maxVariants) {
            b.append("  … ").append(shape.variants().size() - maxVariants).append(" more (--variants N)\n");
        }
        return b.toString();
    }

    /** A shape as one JSON object. */
    static String json(FlowShape shape, int maxVariants) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("rootType", shape.rootType());
        o.put("flows", shape.flows());
        ArrayNode steps = o.putArray("steps");
        for (FlowShape.Step s : shape.steps()) {
            steps.addObject().put("type", s.type()).put("flows", s.flows()).put("reach", s.reach());
        }
        ArrayNode edges = o.putArray("edges");
        for (FlowShape.Edge e : shape.edges()) {
            edges.addObject().put("from", e.from()).put("to", e.to()).put("hops", e.hops()).put("flows", e.flows())
                    .put("inferred", e.inferred()).put("p50Micros", e.p50Micros()).put("p95Micros", e.p95Micros());
        }
        o.put("variantCount", shape.variants().size());
        ArrayNode variants = o.putArray("variants");
        for (FlowShape.Variant v : shape.variants().subList(0, Math.min(maxVariants, shape.variants().size()))) {
            ObjectNode n = variants.addObject().put("rank", v.rank()).put("flows", v.flows()).put("share", v.share());
            strings(n.putArray("steps"), v.steps());
            ArrayNode links = n.putArray("edges");
            v.links().forEach(l -> links.addObject().put("from", l.from()).put("to", l.to()));
            strings(n.putArray("examples"), v.examples().subList(0, Math.min(5, v.examples().size())));
        }
        return Json.write(o);
    }

    /** A comparison as text: the flow's variant, then missed, extra and slow steps side by side. */
    static String text(FlowComparison c) {
        StringBuilder b = new StringBuilder();
        String against = c.reference().equals(FlowComparison.TYPICAL)
                ? c.typical() == null ? "the typical flow (none)" : "the typical flow of " + c.flow().rootType()
                        + " (variant #1, " + ShapeText.percent(c.typical().share()) + ": " + c.typical().path() + ")"
                : "flow " + c.reference();
        b.append("flow ").append(c.flow().correlationId()).append(" (").append(c.flow().rootType()).append(") vs ")
                .append(against).append('\n');
        b.append("its variant: ").append(c.variant() == null ? "not in the shape" : "#" + c.variant().rank() + ", "
                + ShapeText.percent(c.variant().share()) + " of flows").append('\n');
        if (c.same()) {
            b.append("same steps, no hop slower than p95\n");
            return b.toString();
        }
        b.append("\nmissed steps (in the reference, not in this flow)\n");
        section(b, c.missed().stream().map(m -> String.format(Locale.ROOT, "  %-40s reached by %s of flows",
                m.type(), ShapeText.percent(m.reach()))).toList());
        b.append("\nextra steps (in this flow, not in the reference)\n");
        section(b, c.extra().stream().map(x -> String.format(Locale.ROOT, "  %-40s reached by %s of flows  %s",
                x.type(), ShapeText.percent(x.reach()), String.join(", ", x.eventIds()))).toList());
        b.append("\nhops slower than p95\n");
        section(b, c.slow().stream().map(s -> String.format(Locale.ROOT, "  %-60s %10s  p95 %s  %s %s  %s",
                s.hop().from() + " → " + s.hop().to(), FlowText.duration(s.hop().latencyMicros()),
                FlowText.duration(s.p95Micros()), c.reference().equals(FlowComparison.TYPICAL) ? "typical" : "other",
                s.referenceMicros() == null ? "—" : FlowText.duration(s.referenceMicros()), s.hop().effectId())).toList());
        return b.toString();
    }

    /** A comparison as one JSON object. */
    static String json(FlowComparison c) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("flow", c.flow().correlationId());
        o.put("rootType", c.flow().rootType());
        o.put("reference", c.reference());
        o.put("variantRank", c.variant() == null ? null : c.variant().rank());
        o.put("variantShare", c.variant() == null ? null : c.variant().share());
        if (c.typical() != null) {
            strings(o.putArray("typicalSteps"), c.typical().steps());
        }
        ArrayNode missed = o.putArray("missed");
        c.missed().forEach(m -> missed.addObject().put("type", m.type()).put("reach", m.reach()));
        ArrayNode extra = o.putArray("extra");
        c.extra().forEach(x -> strings(extra.addObject().put("type", x.type()).put("reach", x.reach())
                .putArray("events"), x.eventIds()));
        ArrayNode slow = o.putArray("slow");
        c.slow().forEach(s -> slow.addObject().put("from", s.hop().from()).put("to", s.hop().to())
                .put("event", s.hop().effectId()).put("latencyMicros", s.hop().latencyMicros())
                .put("p50Micros", s.p50Micros()).put("p95Micros", s.p95Micros())
                .put("referenceMicros", s.referenceMicros()));
        return Json.write(o);
    }

    private static String flows(long n) {
        return n + (n == 1 ? " flow" : " flows");
    }

    private static void section(StringBuilder b, List<String> lines) {
        if (lines.isEmpty()) {
            b.append("  none\n");
        }
        lines.forEach(l -> b.append(l).append('\n'));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}

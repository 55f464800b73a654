package eventlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.query.QueryException;
import eventlens.model.query.QueryParser;
import eventlens.model.state.AggregateState;
import eventlens.model.state.Anomalies;
import eventlens.model.state.HistoryAnomaly;
import eventlens.model.state.Change;
import eventlens.model.state.FieldChange;
import eventlens.model.state.JsonDiff;
import eventlens.model.state.JsonPath;
import eventlens.model.state.StateAt;
import eventlens.model.state.WhoChanged;
import eventlens.model.store.ProjectStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code eventlens state PROJECT AGGREGATE_ID [--at TIME | --version N] [--diff TIME] [--changed PATH] [--json]}:
 * an aggregate's state at a moment, the changes between two moments, or the events that changed a field.
 */
@Command(name = "state", description = "An aggregate's state at a time or version, a diff of two moments, "
        + "or the events that changed a field.")
final class StateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Parameters(index = "1", paramLabel = "AGGREGATE_ID")
    String aggregateId;

    @Option(names = "--at", paramLabel = "TIME", description = "state at this time (ISO date or date-time, UTC unless an offset is given, or epoch ms)")
    String at;

    @Option(names = "--version", paramLabel = "N", description = "state at this version")
    Long version;

    @Option(names = "--diff", paramLabel = "TIME", description = "show the changes from the state (--at, --version or latest) to the state at TIME")
    String diff;

    @Option(names = "--changed", paramLabel = "PATH", description = "list the events that changed this field: balance, items[0].sku or /items/0/sku")
    String changed;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        if (at != null && version != null) {
            throw usage("--at and --version are alternatives; give one");
        }
        if (changed != null && (at != null || version != null || diff != null)) {
            throw usage("--changed lists the whole history; it does not combine with --at, --version or --diff");
        }
        Instant atTime = at == null ? null : time(at, "--at");
        Instant diffTime = diff == null ? null : time(diff, "--diff");
        JsonPath path = changed == null ? null : path(changed);
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore store = ProjectStore.open(project.existing())) {
            StateAt states = new StateAt(store);
            AggregateState state = stateAt(states, atTime)
                    .orElseThrow(() -> new CommandFailure("no aggregate '" + aggregateId + "' in " + project
                            + " (list them with 'eventlens aggregates " + project + "')"));
            if (path != null) {
                printChanges(out, path, new WhoChanged(states).of(aggregateId, path));
            } else if (diffTime != null) {
                printDiff(out, state, states.atTime(aggregateId, diffTime).orElseThrow(), diffTime);
            } else {
                printState(out, state, Anomalies.of(states.store(), aggregateId));
            }
            out.flush();
            return 0;
        }
    }

    private Optional<AggregateState> stateAt(StateAt states, Instant atTime) {
        if (atTime != null) {
            return states.atTime(aggregateId, atTime);
        }
        return version != null ? states.atVersion(aggregateId, version) : states.latest(aggregateId);
    }

    private void printState(PrintWriter out, AggregateState s, List<HistoryAnomaly> anomalies) {
        if (output.json()) {
            ObjectNode o = meta(s);
            o.set("state", s.data());
            ArrayNode a = o.putArray("anomalies");
            for (HistoryAnomaly x : anomalies) {
                ObjectNode n = a.addObject();
                n.put("kind", x.kind().name());
                n.put("position", x.position());
                n.put("eventId", x.eventId());
                n.put("version", x.version());
                n.put("detail", x.detail());
            }
            out.println(Json.write(o));
            return;
        }
        out.println(header(s, moment()));
        out.println(Json.pretty(Json.write(s.data())));
        for (HistoryAnomaly x : anomalies) {
            out.println("anomaly: " + x.kind() + (x.position() > 0 ? " at position " + x.position() : "") + ": " + x.detail());
        }
    }

    private void printDiff(PrintWriter out, AggregateState from, AggregateState to, Instant toTime) {
        List<Change> changes = JsonDiff.diff(from.data(), to.data());
        if (output.json()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.set("from", meta(from));
            ObjectNode toMeta = meta(to);
            toMeta.put("asOf", toTime.toString());
            o.set("to", toMeta);
            ArrayNode a = o.putArray("changes");
            for (Change c : changes) {
                ObjectNode n = a.addObject();
                n.put("path", c.path().toString());
                n.put("pointer", c.path().pointer());
                n.put("kind", c.kind().name());
                putValue(n, "before", c.before());
                putValue(n, "after", c.after());
            }
            out.println(Json.write(o));
            return;
        }
        out.println("from: " + header(from, moment()));
        out.println("to:   " + header(to, "as of " + toTime));
        if (changes.isEmpty()) {
            out.println("no changes");
        }
        for (Change c : changes) {
            out.println(switch (c.kind()) {
                case ADDED -> "+ " + c.path() + ": " + Json.write(c.after());
                case REMOVED -> "- " + c.path() + ": " + Json.write(c.before());
                case CHANGED -> "~ " + c.path() + ": " + Json.write(c.before()) + " → " + Json.write(c.after());
            });
        }
    }

    private void printChanges(PrintWriter out, JsonPath path, List<FieldChange> changes) {
        if (output.json()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("aggregateId", aggregateId);
            o.put("path", path.toString());
            ArrayNode a = o.putArray("changes");
            for (FieldChange c : changes) {
                Event e = c.event();
                ObjectNode n = a.addObject();
                n.put("position", e.position());
                n.put("id", e.id());
                n.put("time", e.time() == null ? null : e.time().toString());
                n.put("type", e.type());
                n.put("version", e.version());
                n.put("kind", c.kind().name());
                putValue(n, "before", c.before());
                putValue(n, "after", c.after());
            }
            out.println(Json.write(o));
            return;
        }
        if (changes.isEmpty()) {
            out.println("no event changed " + path);
        }
        for (FieldChange c : changes) {
            Event e = c.event();
            out.println(TextCells.row(String.valueOf(e.position()), e.time() == null ? "-" : e.time().toString(),
                    String.valueOf(e.type()), e.version() == null ? "-" : "v" + e.version(),
                    value(c.before()) + " → " + value(c.after())));
        }
    }

    private ObjectNode meta(AggregateState s) {
        ObjectNode o = s.meta().toJson();
        o.put("asOf", at != null ? time(at, "--at").toString() : null);
        if (version != null) {
            o.put("atVersion", version);
        }
        return o;
    }

    private String moment() {
        return at != null ? "as of " + time(at, "--at") : version != null ? "at version " + version : "latest";
    }

    private static String header(AggregateState s, String moment) {
        var m = s.meta();
        return m.aggregateId() + " (" + (m.aggregateType() == null ? "no type" : m.aggregateType()) + ") version "
                + (m.version() == null ? "-" : m.version()) + ", " + moment + ", from " + m.eventCount() + " event"
                + (m.eventCount() == 1 ? "" : "s") + (m.lastEventType() == null ? ""
                : " (last: " + m.lastEventType() + (m.lastEventTime() == null ? "" : " at " + m.lastEventTime()) + ")");
    }

    private static void putValue(ObjectNode n, String name, JsonNode value) {
        if (!value.isMissingNode()) {
            n.set(name, value);
        }
    }

    private static String value(JsonNode n) {
        return n.isMissingNode() ? "(absent)" : Json.write(n);
    }

    private Instant time(String value, String option) {
        try {
            return QueryParser.time(value, option + " " + value);
        } catch (QueryException e) {
            throw usage(e.getMessage());
        }
    }

    private JsonPath path(String value) {
        try {
            return JsonPath.parse(value);
        } catch (IllegalArgumentException e) {
            throw usage("--changed: " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

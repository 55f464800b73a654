package eventlens.replay.script;

import eventlens.model.Event;
import eventlens.model.DeclaredVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The upcasters of a script, checked when it loads, as one chain per event type
 * (docs/decisions/0040-upcasters-in-replay.md).
 *
 * <p>A type's upcasters must lead every version they read to one final version: no two start from the
 * same version, none goes nowhere ({@code 1.0->1.0}), they form no cycle, and they end at one version
 * only — {@code 1.0->2.0} beside {@code 3.0->4.0} is a missing step from {@code 2.0}, reported at load
 * with the line of the upcaster that ends there. Branches that join are allowed ({@code 1->3} beside
 * {@code 2->3}).
 *
 * <p>An event is then brought to the final version along its chain: untouched when it is at the final
 * version already; from its declared version when an upcaster reads it; from the lowest version the
 * chain starts at when it declares none; and when it declares a version no upcaster reads, it is a
 * {@link #MISSING} failure naming the type and version.
 */
final class UpcastChains {
    /** The error type of an event whose version has no path to its type's final version. */
    static final String MISSING = "MissingUpcaster";
    /** The error type of an upcaster that returned no event, or changed more than data and metadata. */
    static final String INVALID = "InvalidUpcast";

    private final String file;
    private final Map<String, Chain> byType;

    private UpcastChains(String file, Map<String, Chain> byType) {
        this.file = file;
        this.byType = byType;
    }

    /** The path an event takes: the upcasters in order (maybe none), or the error of a missing step. */
    record Path(List<Upcaster> steps, ScriptError missing) {
        static final Path NONE = new Path(List.of(), null);
    }

    /** One type's upcasters by the key of the version they read, and its final version. */
    private record Chain(Map<String, Upcaster> byFrom, String finalVersion, String lowestStart, Upcaster first) {
    }

    /**
     * Checks and indexes {@code upcasters}.
     *
     * @throws ScriptException naming the type, the versions and the line when they do not form chains
     */
    static UpcastChains of(String file, List<Upcaster> upcasters) {
        Map<String, List<Upcaster>> byType = new LinkedHashMap<>();
        for (Upcaster u : upcasters) {
            byType.computeIfAbsent(u.type(), t -> new ArrayList<>()).add(u);
        }
        Map<String, Chain> chains = new HashMap<>();
        for (Map.Entry<String, List<Upcaster>> e : byType.entrySet()) {
            chains.put(e.getKey(), chain(file, e.getValue()));
        }
        return new UpcastChains(file, chains);
    }

    boolean isEmpty() {
        return byType.isEmpty();
    }

    /** True when upcasters are registered for {@code type}. */
    boolean covers(String type) {
        return type != null && byType.containsKey(type);
    }

    /**
     * What one upcaster call gave: the event in its next shape, what is wrong with the value it returned,
     * or the error that ended the call.
     */
    record Step(Event event, String problem, ScriptError error) {
        static Step to(Event e) {
            return new Step(e, null, null);
        }

        static Step refused(String problem) {
            return new Step(null, problem, null);
        }

        static Step failed(ScriptError error) {
            return new Step(null, null, error);
        }
    }

    /** Calls one upcaster on an event. */
    interface StepCall {
        Step apply(Upcaster upcaster, Event from);
    }

    /**
     * {@code event} brought to its type's final version, each upcaster of its path applied by
     * {@code call}; the event itself when it needs none. A failure names the upcaster: an error of the
     * call keeps its place in the script, a refused value is placed at the upcaster's function.
     */
    Upcast upcast(Event event, StepCall call) {
        if (!covers(event.type())) {
            return Upcast.untouched(event);
        }
        Path path = path(event.type(), DeclaredVersion.of(event));
        if (path.missing() != null) {
            return new Upcast(event, List.of(), path.missing());
        }
        Event at = event;
        for (Upcaster u : path.steps()) {
            Step step = call.apply(u, at);
            if (step.error() != null) {
                ScriptError e = step.error();
                return new Upcast(event, List.of(), new ScriptError(e.file(), e.line(), e.column(), e.errorType(),
                        "in upcaster " + u.label() + ": " + e.message(), e.stack()));
            }
            if (step.problem() != null) {
                return new Upcast(event, List.of(), new ScriptError(file, u.line(), u.column(), INVALID,
                        "upcaster " + u.label() + " " + step.problem(), ""));
            }
            at = step.event();
        }
        return new Upcast(at, path.steps(), null);
    }

    /** The upcasters that bring an event of {@code type} declaring {@code version} (null: none) to the final version. */
    Path path(String type, String version) {
        Chain c = type == null ? null : byType.get(type);
        if (c == null) {
            return Path.NONE;
        }
        String at = version == null ? c.lowestStart() : SchemaVersions.key(version);
        if (at.equals(c.finalVersion())) {
            return Path.NONE;
        }
        if (!c.byFrom().containsKey(at)) {
            String reads = String.join(", ", c.byFrom().values().stream().map(Upcaster::from).toList());
            return new Path(List.of(), new ScriptError(file, c.first().line(), c.first().column(), MISSING,
                    type + " version " + version + " has no upcaster to " + finalLabel(c) + " (upcasters read " + reads + ")",
                    ""));
        }
        List<Upcaster> steps = new ArrayList<>();
        for (Upcaster u = c.byFrom().get(at); u != null; u = c.byFrom().get(SchemaVersions.key(u.to()))) {
            steps.add(u);
        }
        return new Path(List.copyOf(steps), null);
    }

    private static String finalLabel(Chain c) {
        for (Upcaster u : c.byFrom().values()) {
            if (SchemaVersions.key(u.to()).equals(c.finalVersion())) {
                return u.to();
            }
        }
        return c.finalVersion();
    }

    private static Chain chain(String file, List<Upcaster> steps) {
        Map<String, Upcaster> byFrom = new LinkedHashMap<>();
        for (Upcaster u : steps) {
            String from = SchemaVersions.key(u.from());
            if (from.equals(SchemaVersions.key(u.to()))) {
                throw failure(file, u, "upcaster " + u.label() + " goes nowhere: its versions are the same");
            }
            Upcaster before = byFrom.putIfAbsent(from, u);
            if (before != null) {
                throw failure(file, u, "two upcasters read " + u.type() + " " + u.from() + ": " + before.label()
                        + " (line " + before.line() + ") and " + u.label());
            }
        }
        Set<String> finals = new HashSet<>();
        Map<String, Upcaster> lastStep = new HashMap<>();
        for (Upcaster start : steps) {
            Set<String> seen = new HashSet<>();
            Upcaster u = start;
            while (true) {
                seen.add(SchemaVersions.key(u.from()));
                String to = SchemaVersions.key(u.to());
                if (seen.contains(to)) {
                    throw failure(file, u, "upcasters of " + u.type() + " form a cycle back to " + u.to());
                }
                Upcaster next = byFrom.get(to);
                if (next == null) {
                    finals.add(to);
                    lastStep.put(to, u);
                    break;
                }
                u = next;
            }
        }
        String finalVersion = finals.stream().max(SchemaVersions::compare).orElseThrow();
        if (finals.size() > 1) {
            String gap = finals.stream().filter(f -> !f.equals(finalVersion)).min(SchemaVersions::compare).orElseThrow();
            Upcaster ends = lastStep.get(gap);
            throw failure(file, ends, "missing upcaster step: " + ends.label() + " ends at " + ends.to()
                    + ", but no upcaster reads " + ends.type() + " " + ends.to() + " on to " + lastStep.get(finalVersion).to());
        }
        Set<String> tos = new HashSet<>();
        steps.forEach(u -> tos.add(SchemaVersions.key(u.to())));
        String lowestStart = byFrom.keySet().stream().filter(f -> !tos.contains(f)).min(SchemaVersions::compare).orElseThrow();
        return new Chain(byFrom, finalVersion, lowestStart, steps.get(0));
    }

    private static ScriptException failure(String file, Upcaster u, String message) {
        return new ScriptException(new ScriptError(file, u.line(), u.column(), "UpcasterChainError", message, ""));
    }
}

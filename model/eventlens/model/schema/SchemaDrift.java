package eventlens.model.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the shape of a type changed, worked out from its stored shapes (each with exact counts and first
 * and last events, {@link TypeSchema}), so no event is read again.
 *
 * <p>Within one (type, version) group, for each field path:
 * <ul>
 *   <li><b>appeared</b>: the group's first event lacks it; shown by the events from its first one;</li>
 *   <li><b>disappeared</b>: the group's last event lacks it; shown by the events after its last one;</li>
 *   <li><b>changed type</b>: every event of one JSON type comes before every event of another;</li>
 *   <li><b>became optional</b>: present in every event up to some event, then missing from some after it
 *       while still present later: shown by the events that lack it after that point.</li>
 * </ul>
 * A <b>stray shape</b> is a rare shape (under 1 % of its group's events, or at most two events in a group of
 * ten or more) seen only between the first and last events of the group's other shapes, with a field (or a
 * field's type) no other shape has, or without a field every other shape has: neither the old nor the new
 * shape, but something none of the events around it look like. Its events are listed (up to
 * {@link Shape#SAMPLE}). Across declared versions of one type, in order of their first event, fields that a
 * version adds, drops or types differently from the one before are changes too.
 */
public final class SchemaDrift {
    private SchemaDrift() {
    }

    /** The changes of all schemas, type by type, each type's in order of their first event. */
    public static List<DriftChange> of(List<TypeSchema> schemas) {
        Map<String, List<TypeSchema>> byType = new LinkedHashMap<>();
        for (TypeSchema s : schemas) {
            byType.computeIfAbsent(s.type(), k -> new ArrayList<>()).add(s);
        }
        List<DriftChange> out = new ArrayList<>();
        for (List<TypeSchema> versions : byType.values()) {
            List<DriftChange> type = new ArrayList<>();
            versions.sort(Comparator.comparingLong(s -> s.first() == null ? 0 : s.first().position()));
            for (int i = 0; i < versions.size(); i++) {
                type.addAll(within(versions.get(i)));
                if (i > 0) {
                    type.addAll(across(versions.get(i - 1), versions.get(i)));
                }
            }
            type.sort(Comparator.comparingLong((DriftChange c) -> c.first() == null ? 0 : c.first().position())
                    .thenComparing(DriftChange::path));
            out.addAll(type);
        }
        return out;
    }

    /** The changes within one group. */
    static List<DriftChange> within(TypeSchema g) {
        List<DriftChange> out = new ArrayList<>();
        if (g.shapes().size() < 2) {
            return out;
        }
        List<DriftChange> strays = strays(g);
        // A stray shape is reported once, as itself, not again as each field it lacks or adds.
        Set<Long> stray = new java.util.HashSet<>();
        for (DriftChange c : strays) {
            for (Shape s : g.shapes()) {
                if (s.first().equals(c.first()) && s.events() == c.events()) {
                    stray.add(s.fingerprint());
                }
            }
        }
        List<Shape> usual = g.shapes().stream().filter(s -> !stray.contains(s.fingerprint())).toList();
        TypeSchema without = new TypeSchema(g.type(), g.version(), g.events(), g.first(), g.last(),
                g.otherShapeEvents(), usual, g.values());
        for (String path : new TreeSet<>(without.paths())) {
            fieldChanges(without, path, out);
        }
        out.addAll(strays);
        return out;
    }

    private static void fieldChanges(TypeSchema g, String path, List<DriftChange> out) {
        Span with = new Span();
        Span without = new Span();
        Map<String, Span> byType = new LinkedHashMap<>();
        for (Shape s : g.shapes()) {
            List<String> types = s.fields().get(path);
            if (types == null) {
                without.add(s);
            } else {
                with.add(s);
                for (String t : types) {
                    byType.computeIfAbsent(t, k -> new Span()).add(s);
                }
            }
        }
        if (without.events == 0) {
            typeChanges(g, path, byType, out);
            return;
        }
        long start = g.first().position();
        long end = g.last().position();
        if (with.first.position() > start) {
            out.add(change(g, DriftChange.Kind.APPEARED, path, "absent from the first "
                    + "events, present from event " + with.first.position() + " on", with));
        }
        if (with.last.position() < end) {
            Span after = new Span();
            for (Shape s : g.shapes()) {
                if (!s.fields().containsKey(path) && s.last().position() > with.last.position()) {
                    after.add(s);
                }
            }
            out.add(change(g, DriftChange.Kind.DISAPPEARED, path, "last seen at event " + with.last.position(), after));
        }
        if (with.first.position() == start && without.first.position() > start
                && with.last.position() > without.first.position()) {
            out.add(change(g, DriftChange.Kind.BECAME_OPTIONAL, path, "in every event up to "
                    + (without.first.position() - 1) + ", then missing from " + without.events + " of the "
                    + "events after", without));
        }
        typeChanges(g, path, byType, out);
    }

    private static void typeChanges(TypeSchema g, String path, Map<String, Span> byType, List<DriftChange> out) {
        if (byType.size() < 2) {
            return;
        }
        List<Map.Entry<String, Span>> spans = new ArrayList<>(byType.entrySet());
        spans.sort(Comparator.comparingLong(e -> e.getValue().first.position()));
        for (int i = 1; i < spans.size(); i++) {
            Span before = spans.get(i - 1).getValue();
            Span now = spans.get(i).getValue();
            if (before.last.position() < now.first.position()) {
                out.add(change(g, DriftChange.Kind.TYPE_CHANGED, path, spans.get(i - 1).getKey() + " → "
                        + spans.get(i).getKey(), now));
            }
        }
    }

    /** The stray shapes of a group (see the class comment). */
    static List<DriftChange> strays(TypeSchema g) {
        List<DriftChange> out = new ArrayList<>();
        for (Shape s : g.shapes()) {
            boolean rare = s.events() * 100 < g.events() || (s.events() <= 2 && g.events() >= 10);
            if (!rare || s.events() * 2 > g.events()) {
                continue;
            }
            boolean before = false;
            boolean after = false;
            Shape nearest = null;
            for (Shape o : g.shapes()) {
                if (o == s || o.events() <= s.events()) {
                    continue;
                }
                before |= o.first().position() < s.first().position();
                after |= o.last().position() > s.last().position();
                if (nearest == null || o.events() > nearest.events()) {
                    nearest = o;
                }
            }
            if (before && after && unlikeAllOthers(g, s)) {
                Span span = new Span();
                span.add(s);
                out.add(change(g, DriftChange.Kind.STRAY_SHAPE, "", s.events() + " of " + g.events()
                        + " events; unlike the usual shape: " + difference(nearest, s), span));
            }
        }
        return out;
    }

    /** Whether a shape has a path:type pair no other shape has, or lacks a path every other shape has. */
    private static boolean unlikeAllOthers(TypeSchema g, Shape s) {
        for (var e : s.fields().entrySet()) {
            for (String t : e.getValue()) {
                if (g.shapes().stream().noneMatch(o -> o != s && o.has(e.getKey(), t))) {
                    return true;
                }
            }
        }
        Set<String> common = null;
        for (Shape o : g.shapes()) {
            if (o != s) {
                if (common == null) {
                    common = new TreeSet<>(o.fields().keySet());
                } else {
                    common.retainAll(o.fields().keySet());
                }
            }
        }
        return common != null && !s.fields().keySet().containsAll(common);
    }

    /** The fields a shape has or lacks compared with a reference shape, in words. */
    static String difference(Shape usual, Shape odd) {
        List<String> parts = new ArrayList<>();
        Set<String> missing = new TreeSet<>(usual.fields().keySet());
        missing.removeAll(odd.fields().keySet());
        Set<String> extra = new TreeSet<>(odd.fields().keySet());
        extra.removeAll(usual.fields().keySet());
        List<String> retyped = new ArrayList<>();
        for (var e : odd.fields().entrySet()) {
            List<String> was = usual.fields().get(e.getKey());
            if (was != null && !was.equals(e.getValue())) {
                retyped.add(show(e.getKey()) + " " + String.join("|", was) + " → " + String.join("|", e.getValue()));
            }
        }
        if (!missing.isEmpty()) {
            parts.add("missing " + shown(missing));
        }
        if (!extra.isEmpty()) {
            parts.add("extra " + shown(extra));
        }
        if (!retyped.isEmpty()) {
            parts.add(String.join(", ", retyped));
        }
        return parts.isEmpty() ? "same fields" : String.join("; ", parts);
    }

    /** The changes from one declared version to the next. */
    static List<DriftChange> across(TypeSchema older, TypeSchema newer) {
        List<DriftChange> out = new ArrayList<>();
        Map<String, Set<String>> was = typesByPath(older);
        Map<String, Set<String>> now = typesByPath(newer);
        String from = " in version " + newer.version() + " (not in " + (older.version() == null ? "events without a version"
                : "version " + older.version()) + ")";
        for (var e : now.entrySet()) {
            Set<String> before = was.get(e.getKey());
            Span showing = showing(newer, e.getKey(), null);
            if (before == null) {
                out.add(new DriftChange(newer.type(), newer.version(), DriftChange.Kind.APPEARED, e.getKey(),
                        "added" + from, showing.events, showing.first, showing.last, true));
            } else if (!before.equals(e.getValue())) {
                out.add(new DriftChange(newer.type(), newer.version(), DriftChange.Kind.TYPE_CHANGED, e.getKey(),
                        String.join("|", before) + " → " + String.join("|", e.getValue()) + " in version "
                                + newer.version(), showing.events, showing.first, showing.last, true));
            }
        }
        for (String path : was.keySet()) {
            if (!now.containsKey(path)) {
                out.add(new DriftChange(newer.type(), newer.version(), DriftChange.Kind.DISAPPEARED, path,
                        "dropped in version " + newer.version(), newer.events(), newer.first(), newer.last(), true));
            }
        }
        return out;
    }

    private static Map<String, Set<String>> typesByPath(TypeSchema g) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Shape s : g.shapes()) {
            s.fields().forEach((p, t) -> out.computeIfAbsent(p, k -> new TreeSet<>()).addAll(t));
        }
        return out;
    }

    private static Span showing(TypeSchema g, String path, String type) {
        Span span = new Span();
        for (Shape s : g.shapes()) {
            if (s.fields().containsKey(path) && (type == null || s.has(path, type))) {
                span.add(s);
            }
        }
        return span;
    }

    private static DriftChange change(TypeSchema g, DriftChange.Kind kind, String path, String detail, Span span) {
        return new DriftChange(g.type(), g.version(), kind, path, detail, span.events, span.first, span.last, false);
    }

    private static String shown(Set<String> paths) {
        List<String> names = new ArrayList<>();
        for (String p : paths) {
            if (names.size() == 5) {
                names.add("…");
                break;
            }
            names.add(show(p));
        }
        return String.join(", ", names);
    }

    private static String show(String path) {
        return path.isEmpty() ? "(data)" : path;
    }

    /** Events of some shapes: how many, the first and the last. */
    private static final class Span {
        long events;
        EventRef first;
        EventRef last;

        void add(Shape s) {
            events += s.events();
            first = EventRef.earlier(first, s.first());
            last = EventRef.later(last, s.last());
        }
    }
}

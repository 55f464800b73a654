package eventlens.replay.run;

import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.replay.ReplayDeadLetter;
import eventlens.replay.RunOutputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two runs side by side (e.g. two versions of a script over the same slice). Published events are
 * matched by cause and type: the k-th event of type T published under cause C in one run matches the
 * k-th in the other (ids differ between scripts only when handler names do, so ids are not used);
 * matched pairs whose data differ are listed too. Dead letters are matched by event id and handler.
 *
 * @param matched     published events present in both runs
 * @param differences what differs, published first (in the left run's order, then the right's), then dead letters
 */
public record RunComparison(long matched, List<RunDifference> differences) {
    public RunComparison {
        differences = List.copyOf(differences);
    }

    /** Compares {@code left} with {@code right}. */
    public static RunComparison of(RunOutputs left, RunOutputs right) {
        Map<String, List<Event>> l = byKey(left.published());
        Map<String, List<Event>> r = byKey(right.published());
        List<RunDifference> out = new ArrayList<>();
        long matched = 0;
        for (Map.Entry<String, List<Event>> e : l.entrySet()) {
            List<Event> other = r.getOrDefault(e.getKey(), List.of());
            for (int k = 0; k < e.getValue().size(); k++) {
                Event a = e.getValue().get(k);
                if (k < other.size()) {
                    matched++;
                    Event b = other.get(k);
                    if (!Json.parseOrMissing(a.data()).equals(Json.parseOrMissing(b.data()))) {
                        out.add(new RunDifference(RunDifference.Kind.DATA_DIFFERS, a.causationId(), a.type(), a.id(), b.id()));
                    }
                } else {
                    out.add(new RunDifference(RunDifference.Kind.ONLY_LEFT, a.causationId(), a.type(), a.id(), null));
                }
            }
        }
        for (Map.Entry<String, List<Event>> e : r.entrySet()) {
            int have = l.getOrDefault(e.getKey(), List.of()).size();
            for (int k = have; k < e.getValue().size(); k++) {
                Event b = e.getValue().get(k);
                out.add(new RunDifference(RunDifference.Kind.ONLY_RIGHT, b.causationId(), b.type(), null, b.id()));
            }
        }
        Map<String, ReplayDeadLetter> ld = deadLetters(left.deadLetters());
        Map<String, ReplayDeadLetter> rd = deadLetters(right.deadLetters());
        ld.forEach((k, d) -> {
            if (!rd.containsKey(k)) {
                out.add(new RunDifference(RunDifference.Kind.DEAD_LETTER_ONLY_LEFT, d.event().id(), d.handler(), d.error().describe(), null));
            }
        });
        rd.forEach((k, d) -> {
            if (!ld.containsKey(k)) {
                out.add(new RunDifference(RunDifference.Kind.DEAD_LETTER_ONLY_RIGHT, d.event().id(), d.handler(), null, d.error().describe()));
            }
        });
        return new RunComparison(matched, out);
    }

    private static Map<String, List<Event>> byKey(List<Event> events) {
        Map<String, List<Event>> m = new LinkedHashMap<>();
        for (Event e : events) {
            m.computeIfAbsent(e.causationId() + "\u0000" + e.type(), k -> new ArrayList<>()).add(e);
        }
        return m;
    }

    private static Map<String, ReplayDeadLetter> deadLetters(List<ReplayDeadLetter> list) {
        Map<String, ReplayDeadLetter> m = new LinkedHashMap<>();
        for (ReplayDeadLetter d : list) {
            m.putIfAbsent(d.event().id() + "\u0000" + d.handler(), d);
        }
        return m;
    }
}

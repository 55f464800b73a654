package eventlens.model.flow;

import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.TraceContext;
import eventlens.model.WorkflowLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first step of {@link CausalGraph#build}: each event's parent and how it was found, the causes
 * that are missing, and the secondary links (the rule is in {@link CausalGraph}'s comment and
 * docs/decisions/0021-traceparent-joins-flows.md, 0026-temporal-runs-join-flows.md). Cycles are not
 * cut here.
 *
 * @param parent index of each event's parent, -1 for none
 * @param kind how each parent was found (null where there is none)
 * @param missing the causation id of each event whose cause is not in the flow, else null
 * @param secondary secondary links as {cause, effect} index pairs, in effect order
 */
record ParentLinks(int[] parent, LinkKind[] kind, String[] missing, List<int[]> secondary) {

    /** Links the events (in graph order) of a flow whose ids map to their indexes. */
    static ParentLinks resolve(Event[] events, Map<String, Integer> byId) {
        int n = events.length;
        ParentLinks out = new ParentLinks(new int[n], new LinkKind[n], new String[n], new ArrayList<>());
        Boolean[] span = new Boolean[n];
        for (int i = 0; i < n; i++) {
            String cause = events[i].causationId();
            boolean hasCause = cause != null && !cause.isEmpty();
            Integer p = hasCause ? byId.get(cause) : null;
            out.parent[i] = p == null ? -1 : p;
            if (p != null) {
                if (span[p] == null) {
                    span[p] = isSpan(events[p]);
                }
                out.kind[i] = span[p] ? LinkKind.PARENT_SPAN : LinkKind.CAUSATION;
            } else if (hasCause) {
                out.missing[i] = cause;
            }
            if (!hasCause) {
                Integer initiated = WorkflowLinks.parentEvent(events[i]).map(byId::get).orElse(null);
                if (initiated != null && initiated != i) {
                    out.parent[i] = initiated;
                    out.kind[i] = LinkKind.CHILD_WORKFLOW;
                }
            }
            Integer s = TraceContext.of(events[i]).map(t -> span(t, byId)).orElse(null);
            if (s == null || s == i) {
                continue;
            }
            if (!hasCause && out.parent[i] < 0) {
                out.parent[i] = s;
                out.kind[i] = LinkKind.TRACEPARENT;
            } else if (s != out.parent[i]) {
                out.secondary.add(new int[] {s, i});
            }
        }
        return out;
    }

    /** The index of the span a trace context names, or null when it is not in the flow. */
    private static Integer span(TraceContext t, Map<String, Integer> byId) {
        for (String id : t.spanEventIds()) {
            Integer i = byId.get(id);
            if (i != null) {
                return i;
            }
        }
        return null;
    }

    /** A span as the trace readers write it: its metadata holds a {@code span} object. */
    static boolean isSpan(Event e) {
        String m = e.metadata();
        return m != null && m.contains("\"span\"") && Json.parseOrMissing(m).path("span").isObject();
    }
}

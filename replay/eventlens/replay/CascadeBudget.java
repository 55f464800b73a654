package eventlens.replay;

import eventlens.model.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps one run's publications within its {@link ReplayBudgets}: counts what the current delivery
 * published, knows the depth of the event being delivered, and remembers who caused whom so that a
 * refusal can show the chain ({@code order.placed → order.placed → … depth 64 exceeded}).
 */
final class CascadeBudget {
    /** The error type of a refused publish. */
    static final String TYPE = "CascadeBudgetExceeded";
    private static final int SHOWN_HEAD = 3;
    private static final int SHOWN_TAIL = 2;

    private final ReplayBudgets budgets;
    private final Map<String, Event> causes = new HashMap<>();
    private int depth;
    private int publishedThisDelivery;
    private String refusal;

    CascadeBudget(ReplayBudgets budgets) {
        this.budgets = budgets;
    }

    /** A delivery of an event at {@code depth} starts. */
    void beginDelivery(int eventDepth) {
        depth = eventDepth;
        publishedThisDelivery = 0;
    }

    /** A handler call starts. */
    void beginCall() {
        refusal = null;
    }

    /** The depth of the event being delivered. */
    int depth() {
        return depth;
    }

    /** Why the current handler call was refused a publish, or null. */
    String refusal() {
        return refusal;
    }

    /**
     * Admits one more publish of {@code type} by {@code handler} while {@code cause} is delivered.
     *
     * @param publishedInRun events the run published so far
     * @throws CascadeBudgetExceeded when it would go over a budget
     */
    void admit(Event cause, String handler, String type, long publishedInRun) {
        String why = null;
        if (depth + 1 > budgets.cascadeDepth()) {
            List<String> chain = chain(cause, type);
            why = String.format(Locale.ROOT, "cascade budget: %s depth %d exceeded in handler '%s'",
                    String.join(" → ", chain), budgets.cascadeDepth(), handler);
        } else if (publishedThisDelivery >= budgets.derivedPerDelivery()) {
            why = String.format(Locale.ROOT, "cascade budget: more than %,d events published while %s (%s) was delivered, "
                    + "in handler '%s' publishing %s", budgets.derivedPerDelivery(), cause.id(), cause.type(), handler, type);
        } else if (publishedInRun >= budgets.derivedPerRun()) {
            why = String.format(Locale.ROOT, "cascade budget: the run already published %,d events, its limit; handler '%s' "
                    + "publishing %s under %s", budgets.derivedPerRun(), handler, type, String.join(" → ", chain(cause, type)));
        }
        if (why != null) {
            refusal = why;
            throw new CascadeBudgetExceeded(why);
        }
    }

    /** {@code child} was published by a handler of {@code cause}. */
    void published(Event cause, Event child) {
        publishedThisDelivery++;
        causes.putIfAbsent(cause.id(), cause);
        causes.put(child.id(), child);
    }

    /** The types from the recorded event to {@code type}, shortened in the middle when long. */
    private List<String> chain(Event cause, String type) {
        Deque<String> types = new ArrayDeque<>();
        types.addFirst(type);
        int hops = 0;
        for (Event e = cause; e != null && hops <= budgets.cascadeDepth() + 1; e = causes.get(e.causationId())) {
            types.addFirst(String.valueOf(e.type()));
            hops++;
            boolean recorded = e.origin() == null || !DerivedEvents.FORMAT.equals(e.origin().format());
            if (recorded || e.causationId() == null) {
                break;
            }
        }
        List<String> all = new ArrayList<>(types);
        if (all.size() <= SHOWN_HEAD + SHOWN_TAIL + 1) {
            return all;
        }
        List<String> shown = new ArrayList<>(all.subList(0, SHOWN_HEAD));
        shown.add("…");
        shown.addAll(all.subList(all.size() - SHOWN_TAIL, all.size()));
        return shown;
    }
}

package eventlens.app;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Back and forward across views, as in a browser. Going to another view, or following a link (show a
 * flow, show in events), is a new place; selecting another row where one is only updates the place, so
 * that Back returns to the last row seen there rather than walking through every row.
 */
final class Navigation {
    /** The most places kept behind (and ahead). */
    static final int LIMIT = 100;

    /**
     * A place: a view, what was selected in it, and the events filter then.
     *
     * @param section the view
     * @param id the selected event, correlation or aggregate id, the dead letter's event id, or {@code run:N}
     *     for a replay run (null: none)
     * @param filter the events view's filter text at the time ("" for none)
     * @param key what {@code id} cannot name precisely: the selected dead letter's store key, its event id being
     *     the id (an event may have several dead letters); 0: none
     */
    record Place(Section section, String id, String filter, long key) {
        Place(Section section, String id, String filter) {
            this(section, id, filter, 0);
        }
    }

    private final Deque<Place> back = new ArrayDeque<>();
    private final Deque<Place> forward = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper();
    private Place current;

    /** Arrives at a new place: the current one goes behind, what was ahead is dropped. */
    void visit(Place place) {
        if (Objects.equals(place, current)) {
            return;
        }
        if (current != null) {
            push(back, current);
        }
        forward.clear();
        current = place;
        changed();
    }

    /** The selection or filter changed where we are: the current place follows, nothing is pushed. */
    void update(Place place) {
        if (current == null || current.section() != place.section()) {
            visit(place);
        } else {
            current = place;
        }
    }

    /**
     * A link is followed (a bookmark): the current place goes behind even when the view stays the same, and
     * the next place visited or updated becomes current.
     */
    void leave() {
        if (current != null) {
            push(back, current);
            forward.clear();
            current = null;
            changed();
        }
    }

    /** The place behind, which becomes current; empty at the start. */
    Optional<Place> back() {
        return move(back, forward);
    }

    /** The place ahead, which becomes current; empty when nothing is ahead. */
    Optional<Place> forward() {
        return move(forward, back);
    }

    Place current() {
        return current;
    }

    void clear() {
        back.clear();
        forward.clear();
        current = null;
        changed();
    }

    ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    private Optional<Place> move(Deque<Place> from, Deque<Place> to) {
        Place next = from.pollFirst();
        if (next == null) {
            return Optional.empty();
        }
        if (current != null) {
            push(to, current);
        }
        current = next;
        changed();
        return Optional.of(next);
    }

    private static void push(Deque<Place> stack, Place place) {
        stack.addFirst(place);
        while (stack.size() > LIMIT) {
            stack.removeLast();
        }
    }

    private void changed() {
        canGoBack.set(!back.isEmpty());
        canGoForward.set(!forward.isEmpty());
    }
}

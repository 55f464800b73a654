package eventlens.app.replay;

import eventlens.app.events.EventDetailViewModel;
import eventlens.app.links.IdLink;
import eventlens.model.Event;
import eventlens.replay.ReplaySession;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The event selected in the Replay view (a row, a breakpoint, a step): shown in the detail pane; "Show flow" for recorded ones. */
public final class ReplaySelection {
    private final EventDetailViewModel detail;
    private final ReadOnlyObjectWrapper<Event> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper recorded = new ReadOnlyBooleanWrapper();
    private Consumer<String> showFlow = id -> { };

    ReplaySelection(EventDetailViewModel detail) {
        this.detail = detail;
    }

    void setShowFlow(Consumer<String> action) {
        showFlow = action;
    }

    /** Shows an event in the detail pane (null: none); {@code isRecorded} enables "Show flow". */
    public void select(Event e, boolean isRecorded) {
        if (e != null && selected.get() == e) {
            // The same event again (stopped before it, now delivered): tell the view anyway.
            selected.set(null);
        }
        selected.set(e);
        recorded.set(e != null && isRecorded);
        if (e != null && !isRecorded && ReplaySession.isPublished(e)) {
            detail.showPublished(e);
        } else {
            detail.show(e);
        }
    }

    /** Opens the selected recorded event's flow in the Flows view. */
    public void showFlow() {
        Event e = selected.get();
        if (e != null && recorded.get()) {
            showFlow.accept(e.id());
        }
    }

    /**
     * Follows an id link of the Replay view: an event the run published is not in the project, so it is shown
     * here (found among {@code published}); any other id goes to its own view.
     */
    public void follow(IdLink link, List<Event> published) {
        if (link.kind() == IdLink.Kind.PUBLISHED) {
            published.stream().filter(e -> e.id().equals(link.id())).findFirst().ifPresent(e -> select(e, false));
        } else {
            detail.follow(link);
        }
    }

    public EventDetailViewModel detail() {
        return detail;
    }

    public ReadOnlyObjectProperty<Event> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** True when the selected event is recorded in the project (not published by this run). */
    public ReadOnlyBooleanProperty recordedProperty() {
        return recorded.getReadOnlyProperty();
    }
}

package eventlens.app.deadletters;

import eventlens.app.links.DetailField;
import eventlens.app.links.IdLink;
import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.deadletter.DeadLetterContext;
import eventlens.model.deadletter.DeadLetterContexts;
import eventlens.model.store.ProjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected dead letter in context: its error and stack, its message, its causal path (root first,
 * the failed event last and marked) and its aggregate's state at the failure.
 */
public final class EntryDetailViewModel {
    private final BackgroundWork work;
    private final ReadOnlyObjectWrapper<DeadLetter> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DeadLetterContext> context = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ObservableList<PathStep> path = FXCollections.observableArrayList();
    private final ObservableList<DetailField> fields = FXCollections.observableArrayList();
    private final ObservableList<DetailField> shownFields = FXCollections.unmodifiableObservableList(fields);
    private DeadLetterContexts contexts;
    private Consumer<IdLink> follow = link -> {
    };

    EntryDetailViewModel(BackgroundWork work) {
        this.work = work;
    }

    void setStore(ProjectStore store) {
        contexts = store == null ? null : new DeadLetterContexts(store);
        select(null);
    }

    /** Where a click on an id goes (the application's navigation). */
    void setFollow(Consumer<IdLink> action) {
        follow = action;
    }

    /** Follows an id of the entry or of its causal path. */
    public void follow(IdLink link) {
        if (link != null) {
            follow.accept(link);
        }
    }

    public void select(DeadLetter d) {
        if (d != null && d.equals(selected.get())) {
            return; // already shown (a table following the selection made here): its context stays
        }
        selected.set(d);
        context.set(null);
        path.clear();
        fields.setAll(d == null ? List.of() : EntryFields.of(d, null));
        if (d == null) {
            title.set("");
            error.set("");
            message.set("");
            state.set("");
            return;
        }
        title.set(title(d));
        error.set(errorText(d));
        message.set(d.event() == null ? Json.pretty(d.raw()) : Json.pretty(d.event()));
        state.set("Loading…");
        DeadLetterContexts from = contexts;
        BackgroundTask.of(ctx -> from.of(d))
                .onSuccess(c -> {
                    if (d == selected.get()) {
                        show(c);
                    }
                })
                .onFailure(e -> state.set("Cannot put this dead letter in context: " + e.getMessage()))
                .executeWith(work);
    }

    private void show(DeadLetterContext c) {
        context.set(c);
        fields.setAll(EntryFields.of(c.deadLetter(), c));
        if (c.event() != null) {
            message.set(Json.pretty(c.event().raw()));
        }
        List<PathStep> steps = new ArrayList<>();
        List<Event> events = c.causalPath();
        for (int i = 0; i < events.size(); i++) {
            steps.add(new PathStep(events.get(i), i, i == events.size() - 1));
        }
        path.setAll(steps);
        state.set(c.stateAtFailure()
                .map(s -> "State of " + s.meta().aggregateId() + " at " + c.failedAt() + " (v" + s.meta().version()
                        + ", " + s.meta().eventCount() + " events)\n\n" + Json.pretty(Json.write(s.data())))
                .orElse(c.event() == null ? "The dead letter carries no message."
                        : c.event().aggregateId() == null ? "The failed event names no aggregate."
                        : "No state of " + c.event().aggregateId() + " at " + c.failedAt() + "."));
    }

    /**
     * "PaymentGatewayTimeout in payment-service.chargeCard"; where the entry names no handler, the queue it was moved
     * to ("Failure on orders-dlq"), or the failure alone: an SQS or EventBridge dead letter names none.
     */
    static String title(DeadLetter d) {
        String what = d.errorType() == null ? "Failure" : d.errorType();
        return d.handler() != null ? what + " in " + d.handler() : d.queue() != null ? what + " on " + d.queue() : what;
    }

    static String errorText(DeadLetter d) {
        StringBuilder b = new StringBuilder();
        b.append(d.errorType() == null ? "" : d.errorType() + ": ")
                .append(d.message() != null ? d.message() : d.reason() == null ? "" : d.reason());
        b.append("\n\nhandler ").append(orDash(d.handler())).append(" · queue ").append(orDash(d.queue()))
                .append(" · attempts ").append(orDash(d.attempts()))
                .append(" · failed ").append(d.lastFailure() != null ? d.lastFailure() : d.firstFailure())
                .append("\nfingerprint ").append(d.fingerprint());
        if (d.stack() != null && !d.stack().isBlank()) {
            b.append("\n\n").append(d.stack());
        }
        return b.toString();
    }

    private static Object orDash(Object value) {
        return value == null ? "-" : value;
    }

    DeadLetter selected() {
        return selected.get();
    }

    public ReadOnlyObjectProperty<DeadLetter> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DeadLetterContext> contextProperty() {
        return context.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The entry's ids and where it failed: the failed event, its flow, cause and aggregate as links. */
    public ObservableList<DetailField> fields() {
        return shownFields;
    }

    public ObservableList<PathStep> path() {
        return FXCollections.unmodifiableObservableList(path);
    }
}

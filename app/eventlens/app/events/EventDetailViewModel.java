package eventlens.app.events;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.links.DetailField;
import eventlens.app.links.EventFields;
import eventlens.app.links.IdLink;
import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.ReplayMark;
import eventlens.model.store.RecordedDelivery;
import eventlens.model.store.ProjectStore.DeliveryCount;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The detail pane's state for one event: its fields, its data, metadata and raw text. */
public final class EventDetailViewModel {
    static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final BackgroundWork work;
    private final ObservableList<DetailField> fields = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper data = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper metadata = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper raw = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final ObservableList<Copy> copies = FXCollections.observableArrayList();
    private Function<String, DeliveryCount> deliveries;
    private Function<String, List<RecordedDelivery>> copiesOf;
    private Function<String, List<DeadLetter>> deadLetters;
    private Event event;
    private java.util.function.Consumer<IdLink> follow = link -> {
    };
    /** Counts calls of show: a count answered for an earlier call, even of the same event, is dropped. */
    private long shown;

    public EventDetailViewModel(BackgroundWork work) {
        this.work = work;
    }

    /** How to count an event's deliveries (null: do not show them). */
    public void setDeliveries(Function<String, DeliveryCount> deliveryCounts) {
        this.deliveries = deliveryCounts;
    }

    /** How to list an event's extra deliveries, to show the copies side by side (null: do not). */
    public void setCopies(Function<String, List<RecordedDelivery>> extraDeliveries) {
        this.copiesOf = extraDeliveries;
    }

    /**
     * How to list an event's dead letters, at most {@link EventFields#DEAD_LETTERS_LISTED} + 1 (null: do not show
     * them); each becomes a link to it in the Dead letters view.
     */
    public void setDeadLetters(Function<String, List<DeadLetter>> deadLettersOf) {
        this.deadLetters = deadLettersOf;
    }

    public void show(Event e) {
        show(e, true, 0);
    }

    /** Shows an event a replay run published: it is not in the project, so it has no log position and no deliveries. */
    public void showPublished(Event e) {
        show(e, false, 0);
    }

    /** As {@link #showPublished(Event)}, the event of stored run {@code run}: its origin is a link to the run. */
    public void showPublished(Event e, long run) {
        show(e, false, run);
    }

    private void show(Event e, boolean recorded, long run) {
        this.event = e;
        long call = ++shown;
        empty.set(e == null);
        copies.clear();
        if (e == null) {
            fields.clear();
            title.set("");
            data.set("");
            metadata.set("");
            raw.set("");
            return;
        }
        title.set(e.type() == null ? e.id() : e.type());
        if (e.textsPending()) {
            // A replay's event may have left its texts in the store (decision 0078): read off the FX thread.
            fields.clear();
            data.set("");
            metadata.set("");
            raw.set("");
            BackgroundTask.of(context -> e.raw())
                    .onSuccess(text -> {
                        if (shown == call) {
                            fill(e, recorded, run, call);
                        }
                    })
                    .onFailure(failure -> {
                        if (shown == call) {
                            data.set("Cannot read this event's data: " + failure.getMessage());
                        }
                    })
                    .executeWith(work);
            return;
        }
        fill(e, recorded, run, call);
    }

    /** Shows the fields and texts of {@code e}, whose texts are read by now. */
    private void fill(Event e, boolean recorded, long run, long call) {
        fields.setAll(fieldsOf(e, recorded, run));
        data.set(Json.pretty(e.data()));
        metadata.set(Json.pretty(e.metadata()));
        raw.set(e.raw());
        if (deliveries != null && recorded) {
            Function<String, DeliveryCount> counts = deliveries;
            Function<String, List<DeadLetter>> failures = deadLetters;
            BackgroundTask.of(context -> new Extras(counts.apply(e.id()),
                            failures == null ? List.of() : failures.apply(e.id())))
                    .onSuccess(extras -> {
                        if (shown == call) {
                            fields.add(deliveryField(extras.count()));
                            fields.addAll(EventFields.deadLetters(extras.deadLetters()));
                            if (extras.count().deliveries() > 1) {
                                loadCopies(e);
                            }
                        }
                    })
                    .executeWith(work);
        }
    }

    private void loadCopies(Event e) {
        Function<String, List<RecordedDelivery>> list = copiesOf;
        if (list == null) {
            return;
        }
        BackgroundTask.of(context -> list.apply(e.id()))
                .onSuccess(extra -> {
                    if (event != e) {
                        return;
                    }
                    List<Copy> all = new ArrayList<>();
                    all.add(new Copy("first delivery · " + where(e.origin().file(), e.origin().line()), e.raw(), false));
                    int n = 2;
                    for (RecordedDelivery d : extra) {
                        all.add(new Copy("copy " + n++ + " · " + where(d.file(), d.line())
                                + (d.sameContent() ? " · same type and data" : " · differs"), d.raw(), !d.sameContent()));
                    }
                    copies.setAll(all);
                })
                .executeWith(work);
    }

    private static String where(String file, long line) {
        String name = file == null ? "" : file.substring(file.lastIndexOf('/') + 1);
        return name + ":" + line;
    }

    /** The copies of the event, the first delivery first: empty when it was delivered once. */
    public ObservableList<Copy> copies() {
        return copies;
    }

    /** What is read about a shown event after it is shown: how often it was delivered, its dead letters. */
    private record Extras(DeliveryCount count, List<DeadLetter> deadLetters) {
    }

    /** One delivery of the event as received: where from, its raw text, whether it differs from the first. */
    public record Copy(String label, String raw, boolean differs) {
    }

    private static List<DetailField> fieldsOf(Event e, boolean recorded, long run) {
        List<DetailField> out = new ArrayList<>();
        if (recorded) {
            out.add(DetailField.of("Position", e.position()));
        }
        out.add(recorded ? DetailField.linked("Id", e.id(), IdLink.event(e.id()))
                : DetailField.of("Id", e.id()));
        out.add(DetailField.of("Type", e.type()));
        out.add(DetailField.of("Source", e.source()));
        out.add(DetailField.of("Time", e.time() == null ? null : MICROS.format(e.time())));
        out.add(EventFields.aggregate(e));
        out.add(EventFields.correlation(e));
        out.add(EventFields.causation(e));
        if (recorded) {
            out.add(DetailField.linked("Effects", "the events it caused", new IdLink(IdLink.Kind.EFFECTS, e.id())));
        }
        if (!recorded) {
            out.add(run == 0 ? DetailField.of("Origin", "published by the replay run (not in the project)")
                    : DetailField.linked("Origin", "published by replay run #" + run + " (not in the project)", IdLink.run(run)));
        } else {
            out.add(DetailField.of("Origin", e.origin().file().isEmpty() ? null
                    : e.origin().file() + ":" + e.origin().line() + " (" + e.origin().format() + ")"));
        }
        // Parsed only when a mark's word is in the texts: most records are never parsed here.
        ReplayMark.of(e.raw(), e.data(), e.metadata()).ifPresent(mark -> out.add(DetailField.of("Re-sent", mark)));
        return out;
    }

    private static DetailField deliveryField(DeliveryCount count) {
        if (count.deliveries() <= 1) {
            return DetailField.of("Deliveries", "1");
        }
        String text = count.deliveries() + (count.conflicting() ? "  ⚠ copies differ in type or data" : "  (identical copies)");
        return new DetailField("Deliveries", text, count.conflicting());
    }

    /** The text "Copy as JSON" puts on the clipboard: the record as it was imported. */
    public String copyText() {
        return event == null || event.textsPending() ? raw.get() : event.raw(); // never a store read on the FX thread
    }

    /** Where a click on a linked value goes (the application's navigation). */
    public void setFollow(java.util.function.Consumer<IdLink> follow) {
        this.follow = follow;
    }

    /** Follows a linked value of the detail pane. */
    public void follow(IdLink link) {
        if (link != null) {
            follow.accept(link);
        }
    }

    public ObservableList<DetailField> fields() {
        return fields;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty metadataProperty() {
        return metadata.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rawProperty() {
        return raw.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }
}

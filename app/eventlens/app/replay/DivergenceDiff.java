package eventlens.app.replay;

import eventlens.app.links.DetailField;
import eventlens.app.links.IdLink;
import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.store.ProjectStore;
import eventlens.replay.Divergence;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Expected (recorded) against actual (this run) for the selected divergence, as two JSON texts side by side.
 * A divergence has only one side (a missing event was recorded, an unexpected one published); when the same
 * cause has a divergence of the other kind — the usual case when a handler published another type or other
 * data — that event fills the empty side, so the two can be read against each other.
 */
public final class DivergenceDiff {
    private final BackgroundWork work;
    private final ReadOnlyStringWrapper expected = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper actual = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Select a divergence to compare.");
    private final ObservableList<DetailField> ids = FXCollections.observableArrayList();
    private Divergence shown;

    DivergenceDiff(BackgroundWork work) {
        this.work = work;
    }

    /**
     * Shows {@code d} (null: nothing). Recorded events are read from {@code store} off the FX thread;
     * published ones are looked up in {@code published}, the run's listed output.
     */
    void show(Divergence d, ProjectStore store, List<Event> published, List<Divergence> all) {
        shown = d;
        if (d == null) {
            expected.set("");
            actual.set("");
            title.set("Select a divergence to compare.");
            ids.clear();
            return;
        }
        Divergence partner = all.stream().filter(o -> o != d && o.kind() != d.kind() && o.causeId().equals(d.causeId()))
                .findFirst().orElse(null);
        Divergence missing = d.kind() == Divergence.Kind.MISSING ? d : partner;
        Divergence unexpected = d.kind() == Divergence.Kind.UNEXPECTED ? d : partner;
        ids.setAll(idsOf(d, missing, unexpected));
        title.set(String.format("%s %s under %s · step %,d", d.kind().name().toLowerCase(java.util.Locale.ROOT), d.type(),
                d.causeId(), d.delivery()));
        actual.set(unexpected == null ? "The run published no " + d.type() + " under " + d.causeId() + "."
                : published.stream().filter(e -> e.id().equals(unexpected.publishedId())).findFirst()
                        .map(e -> (unexpected == d ? "" : "published instead:\n") + Json.pretty(e.raw()))
                        .orElse(unexpected.type() + " " + unexpected.publishedId() + " (no longer listed)"));
        if (missing == null) {
            expected.set("Nothing of type " + d.type() + " was recorded under " + d.causeId() + ".");
            return;
        }
        expected.set("Reading " + missing.recordedId() + "…");
        if (store == null) {
            return;
        }
        String prefix = missing == d ? "" : "recorded instead:\n";
        Supplier<Optional<Event>> read = () -> store.event(missing.recordedId());
        BackgroundTask.of(context -> read.get())
                .onSuccess(e -> {
                    if (shown == d) {
                        expected.set(e.map(x -> prefix + Json.pretty(x.raw())).orElse(missing.recordedId() + " is not in the project."));
                    }
                })
                .onFailure(e -> {
                    if (shown == d) {
                        expected.set("Cannot read " + missing.recordedId() + ": " + e.getMessage());
                    }
                })
                .executeWith(work);
    }

    /** The cause and the two sides' events as links: recorded ones to their flows, a published one to the inspector. */
    private static List<DetailField> idsOf(Divergence d, Divergence missing, Divergence unexpected) {
        String recorded = missing == null ? null : missing.recordedId();
        String published = unexpected == null ? null : unexpected.publishedId();
        return List.of(DetailField.linked("Cause", d.causeId(), IdLink.event(d.causeId())),
                DetailField.linked("Recorded", recorded, recorded == null ? null : IdLink.event(recorded)),
                DetailField.linked("Published", published,
                        published == null ? null : new IdLink(IdLink.Kind.PUBLISHED, published)));
    }

    /** The divergence's ids: its cause, the recorded and the published event compared (— for a side without one). */
    public ObservableList<DetailField> ids() {
        return ids;
    }

    /** The recorded side: the event the recording has, or why there is none. */
    public ReadOnlyStringProperty expectedProperty() {
        return expected.getReadOnlyProperty();
    }

    /** The run's side: the event the handlers published, or why there is none. */
    public ReadOnlyStringProperty actualProperty() {
        return actual.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}

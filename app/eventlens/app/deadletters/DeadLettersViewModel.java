package eventlens.app.deadletters;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.DeadLetter;
import eventlens.model.Json;
import eventlens.model.store.ProjectStore;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Dead letters of the project, one page at a time, and the raw record of the selected one. */
public final class DeadLettersViewModel {
    static final int PAGE = 500;

    private final BackgroundWork work;
    private final ObservableList<DeadLetter> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selectedRaw = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper();
    private ProjectStore store;
    private long offset;
    private long total;

    public DeadLettersViewModel(BackgroundWork work) {
        this.work = work;
    }

    public void setStore(ProjectStore newStore) {
        store = newStore;
        offset = 0;
        reload();
    }

    public void reload() {
        rows.clear();
        select(null);
        if (store == null) {
            pageText.set("");
            hasPrevious.set(false);
            hasNext.set(false);
            return;
        }
        ProjectStore from = store;
        long at = offset;
        BackgroundTask.of(context -> new Page(from.deadLetterCount(), from.deadLetters(at, PAGE)))
                .onSuccess(page -> {
                    if (from == store && at == offset) {
                        total = page.total();
                        rows.setAll(page.rows());
                        pageText.set(total == 0 ? "No dead letters in this project."
                                : (at + 1) + "–" + (at + page.rows().size()) + " of " + total + " dead letters");
                        hasPrevious.set(at > 0);
                        hasNext.set(at + PAGE < total);
                    }
                })
                .onFailure(error -> pageText.set("Cannot read dead letters: " + error.getMessage()))
                .executeWith(work);
    }

    public void next() {
        if (offset + PAGE < total) {
            offset += PAGE;
            reload();
        }
    }

    public void previous() {
        if (offset > 0) {
            offset = Math.max(0, offset - PAGE);
            reload();
        }
    }

    public void select(DeadLetter d) {
        selectedRaw.set(d == null ? "" : Json.pretty(d.raw()));
    }

    public ObservableList<DeadLetter> rows() {
        return rows;
    }

    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedRawProperty() {
        return selectedRaw.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    private record Page(long total, java.util.List<DeadLetter> rows) {
    }
}

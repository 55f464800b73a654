package eventlens.app;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.store.ProjectStore;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/** The open project's counts the status bar shows: events, dead letters and import errors, read off the FX thread. */
final class ProjectCounts {
    private final BackgroundWork work;
    private final ReadOnlyLongWrapper events = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper deadLetters = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper importErrors = new ReadOnlyLongWrapper();

    ProjectCounts(BackgroundWork work) {
        this.work = work;
    }

    /** Reads the counts of {@code store}; shown only if {@code stillOpen} says it is still the open project. */
    void refresh(ProjectStore store, Predicate<ProjectStore> stillOpen) {
        BackgroundTask.of(context -> new long[] {store.eventCount(), store.deadLetterCount(), store.importErrorCount()})
                .onSuccess(counts -> {
                    if (stillOpen.test(store)) {
                        events.set(counts[0]);
                        deadLetters.set(counts[1]);
                        importErrors.set(counts[2]);
                    }
                })
                .executeQuicklyWith(work); // read at once: "0 events" beside a full table misleads
    }

    /** No project: zero everywhere. */
    void clear() {
        events.set(0);
        deadLetters.set(0);
        importErrors.set(0);
    }

    ReadOnlyLongProperty eventsProperty() {
        return events.getReadOnlyProperty();
    }

    ReadOnlyLongProperty deadLettersProperty() {
        return deadLetters.getReadOnlyProperty();
    }

    ReadOnlyLongProperty importErrorsProperty() {
        return importErrors.getReadOnlyProperty();
    }
}

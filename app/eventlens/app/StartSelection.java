package eventlens.app;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import eventlens.replay.run.ReplayRuns;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code eventlens gui --select ID}: what the id names in the project (an event, a flow's correlation id,
 * an aggregate, with the dead letter of that event if any, or a stored replay run as {@code run:N}) and how each view shows it once the project is
 * open. Without {@code --view} the view follows from what the id is: an event or a flow opens Flows, an
 * aggregate opens Aggregates.
 */
record StartSelection(String id, Kind kind, Event event, DeadLetter deadLetter) {
    enum Kind { EVENT, FLOW, AGGREGATE, RUN, UNKNOWN }

    /** How a link, a bookmark or {@code --select} names a stored replay run: {@code run:7}. */
    static final String RUN_PREFIX = "run:";

    /** What {@code id} is in the project file; looked up on a worker with its own connection. */
    static StartSelection classify(Path project, String id) {
        try (ProjectStore store = ProjectStore.open(project)) {
            return classify(store, id);
        }
    }

    static StartSelection classify(ProjectStore store, String id) {
        long run = runOf(id);
        if (run > 0) {
            boolean stored = new ReplayRuns(store).list().stream().anyMatch(r -> r.id() == run);
            return new StartSelection(id, stored ? Kind.RUN : Kind.UNKNOWN, null, null);
        }
        Optional<Event> event = store.event(id);
        if (event.isPresent()) {
            return new StartSelection(id, Kind.EVENT, event.get(), deadLetterOf(store, id));
        }
        if (store.count(EventQuery.correlation(id)) > 0) {
            return new StartSelection(id, Kind.FLOW, null, null);
        }
        if (store.count(EventQuery.ALL.withAggregate(id)) > 0) {
            return new StartSelection(id, Kind.AGGREGATE, null, null);
        }
        DeadLetter dlqOnly = deadLetterOf(store, id);
        return new StartSelection(id, dlqOnly != null ? Kind.EVENT : Kind.UNKNOWN, null, dlqOnly);
    }

    /** The first dead letter of this event, if it failed. */
    private static DeadLetter deadLetterOf(ProjectStore store, String eventId) {
        return store.deadLettersOf(eventId, 1).stream().findFirst().orElse(null);
    }

    /** The run {@code run:N} names (0: it names none). */
    static long runOf(String id) {
        if (id == null || !id.startsWith(RUN_PREFIX)) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(id.substring(RUN_PREFIX.length())));
        } catch (NumberFormatException e) {
            return 0; // not a run's name: looked up as any other id
        }
    }

    /** The view for this id when none was asked for. */
    Section defaultView() {
        return kind == Kind.AGGREGATE ? Section.AGGREGATES : kind == Kind.RUN ? Section.REPLAY : Section.FLOWS;
    }

    /** Shows the id in {@code view} (null: the default view); a view with nothing to show for it says so. */
    void showIn(MainViewModel model, Section view, java.util.function.Consumer<String> tell) {
        if (kind == Kind.UNKNOWN) {
            tell.accept(runOf(id) > 0 ? "No replay run " + id + " in this project" : "No event, flow or aggregate with id " + id);
            return;
        }
        Section in = view != null ? view : defaultView();
        if (kind == Kind.RUN) {
            model.sectionProperty().set(Section.REPLAY);
            model.replay().runs().reveal(runOf(id));
            if (in != Section.REPLAY) {
                tell.accept(id + " is a replay run: it is shown in Replay");
            }
            return;
        }
        model.sectionProperty().set(in);
        if (event != null && in != Section.EVENTS) {
            // The other views show states and replays at the time cursor: put it on the event.
            model.timeCursorProperty().set(event.time());
        }
        switch (in) {
            case EVENTS -> {
                if (kind == Kind.EVENT) {
                    model.events().selectAfterReload(0); // the one row id:ID finds
                }
                model.showInEvents((kind == Kind.FLOW ? "corr:" : kind == Kind.AGGREGATE ? "agg:" : "id:") + id);
            }
            case FLOWS -> {
                if (kind == Kind.EVENT) {
                    model.showFlow(id);
                } else if (kind == Kind.FLOW) {
                    model.openFlow().open(id);
                } else {
                    tell.accept(id + " is an aggregate, not a flow: see it in Aggregates");
                }
            }
            case AGGREGATES -> {
                String aggregate = kind == Kind.AGGREGATE ? id : event != null ? event.aggregateId() : null;
                if (aggregate != null) {
                    model.aggregates().open(aggregate);
                } else {
                    tell.accept(id + " names no aggregate");
                }
            }
            case DEAD_LETTERS -> {
                if (deadLetter != null) {
                    model.deadLetters().reveal(deadLetter.key());
                } else {
                    tell.accept("No dead letter of event " + id);
                }
            }
            case REPLAY -> {
                if (event == null) {
                    tell.accept("Replay: --select takes an event id (the time cursor is put on it)");
                }
            }
            case IMPORTS -> tell.accept("Imports: --select has nothing to select here");
        }
    }

    /**
     * Once the project is open (and the samples imported), looks {@code id} up and shows it. Without a
     * project file (the bundled samples) the id is taken as a flow or event id, or an aggregate id in Aggregates.
     */
    static void whenReady(MainViewModel model, BackgroundWork work, Path project, String id, Section view,
                          java.util.function.Consumer<String> tell) {
        Runnable apply = () -> {
            if (project == null) {
                Kind guess = runOf(id) > 0 ? Kind.RUN : view == Section.AGGREGATES ? Kind.AGGREGATE : Kind.FLOW;
                new StartSelection(id, guess, null, null).showIn(model, view, tell);
                return;
            }
            BackgroundTask.of(context -> classify(project, id))
                    .onSuccess(found -> found.showIn(model, view, tell))
                    .onFailure(error -> tell.accept("Cannot look up " + id + ": " + error.getMessage()))
                    .executeWith(work);
        };
        javafx.beans.value.ChangeListener<Boolean> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean busy) {
                if (!busy && model.hasProjectProperty().get()) {
                    model.busyProperty().removeListener(this);
                    apply.run();
                }
            }
        };
        model.busyProperty().addListener(once);
    }
}

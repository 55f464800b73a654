package eventlens.app.replay;

import eventlens.model.Event;
import eventlens.replay.RunReducers;
import java.util.List;

/**
 * The last run that finished in the Replay view, as the other views use it: its stored number, the
 * events its handlers published (the Flows view's replay branch) and its reducers (the Aggregates
 * view's rebuilt state). The reducers hold a script context: {@link RunsViewModel} closes them when
 * the next run replaces this one.
 *
 * @param id        the run's number in the project's stored runs
 * @param published events the handlers published, in order
 * @param reducers  the script's reducers, loaded apart from the session; null when the run showed that the
 *                  script registers neither a reducer nor an upcaster (nothing to compile again)
 */
public record FinishedRun(long id, List<Event> published, RunReducers reducers) {
    public FinishedRun {
        published = List.copyOf(published);
    }

    /**
     * True when the script changes how aggregates fold: at least one {@code reduce(type, fn)} or
     * {@code upcast(type, from, to, fn)}.
     */
    public boolean hasReducers() {
        return reducers != null && reducers.rebuilds();
    }

    /** Closes the reducers' script context, if any. */
    public void close() {
        if (reducers != null) {
            reducers.close();
        }
    }
}

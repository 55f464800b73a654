package eventlens.replay;

import eventlens.model.Event;
import eventlens.replay.script.ScriptRuntime;
import eventlens.replay.script.Upcast;
import java.util.ArrayList;
import java.util.List;

/**
 * A source's {@link EventSource.Recall} whose events come back as the script's upcasters shape them, so
 * that an aggregate state caught up lazily folds the same events the run delivered. An event its
 * upcasters fail on is folded as recorded: the failure was reported when it was delivered.
 */
final class UpcastRecall implements EventSource.Recall {
    private final EventSource.Recall recall;
    private final ScriptRuntime runtime;

    UpcastRecall(EventSource.Recall recall, ScriptRuntime runtime) {
        this.recall = recall;
        this.runtime = runtime;
    }

    @Override
    public long keyOf(Event e, long ordinal) {
        return recall.keyOf(e, ordinal);
    }

    @Override
    public List<EventSource.Keyed> aggregateEvents(String aggregateId, long afterKey, long uptoKey) {
        List<EventSource.Keyed> recorded = recall.aggregateEvents(aggregateId, afterKey, uptoKey);
        List<EventSource.Keyed> shaped = new ArrayList<>(recorded.size());
        for (EventSource.Keyed k : recorded) {
            Upcast u = runtime.upcast(k.event());
            shaped.add(u.error() == null ? new EventSource.Keyed(k.key(), u.event()) : k);
        }
        return shaped;
    }
}

package eventlens.importers;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.ImportError;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything it is given, for assertions. */
public final class RecordingSink implements ImportSink {
    public final List<Event> events = new ArrayList<>();
    public final List<DeadLetter> deadLetters = new ArrayList<>();
    public final List<ImportError> errors = new ArrayList<>();
    public long comments;

    @Override
    public void accept(Event event) {
        events.add(event);
    }

    @Override
    public void accept(DeadLetter deadLetter) {
        deadLetters.add(deadLetter);
    }

    @Override
    public void reject(ImportError error) {
        errors.add(error);
    }

    @Override
    public void comments(long lines) {
        comments += lines;
    }
}

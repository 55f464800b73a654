package eventlens.testing;

import eventlens.model.Event;
import eventlens.replay.script.ScriptHost;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** A script's {@code ctx} for tests of the script runtime: it keeps the log lines and tells a given time. */
public final class LoggingHost implements ScriptHost {
    private final BiConsumer<Event, String> log;
    private final Supplier<Instant> now;

    /** Log lines go to {@code log} (the event that caused them, the text); {@code now} is the virtual time. */
    public LoggingHost(BiConsumer<Event, String> log, Supplier<Instant> now) {
        this.log = log;
        this.now = now;
    }

    @Override
    public void publish(Event cause, String handler, String type, String dataJson, String optionsJson) {
    }

    @Override
    public String state(String aggregateId) {
        return null;
    }

    @Override
    public void log(Event cause, String handler, String text) {
        log.accept(cause, text);
    }

    @Override
    public Instant now() {
        return now.get();
    }
}

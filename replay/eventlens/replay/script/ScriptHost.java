package eventlens.replay.script;

import eventlens.model.Event;
import java.time.Instant;

/** What a script's {@code ctx} reaches: the replay run that is calling the handler. */
public interface ScriptHost {
    /**
     * {@code ctx.publish(type, data, options)} from {@code handler} while handling {@code cause}.
     *
     * @param dataJson    the data as JSON text
     * @param optionsJson the options object as JSON text ({@code aggregateType}, {@code aggregateId}), or null
     */
    void publish(Event cause, String handler, String type, String dataJson, String optionsJson);

    /** {@code ctx.state(aggregateId)}: the aggregate's data as JSON text, or null when unknown. */
    String state(String aggregateId);

    /** {@code ctx.log(...)}: one console line. */
    void log(Event cause, String handler, String text);

    /** {@code ctx.now()}, {@code Date.now()} and {@code new Date()}: the virtual time. */
    Instant now();
}

package eventlens.replay;

import eventlens.replay.bus.TopicPattern;
import java.util.Objects;

/** Where a playing run stops. The run stops after the step during which a breakpoint hit. */
public sealed interface Breakpoint {
    /** Before delivering an event whose type matches {@code pattern}. */
    static Breakpoint onType(String pattern) {
        return new OnType(TopicPattern.of(pattern));
    }

    /** Before delivering an event for which the JavaScript expression over {@code event} and {@code state} is true. */
    static Breakpoint onCondition(String expression) {
        return new OnCondition(expression);
    }

    /** After a step in which a handler failed. */
    static Breakpoint onError() {
        return new OnError();
    }

    /** After a step that found a divergence (roots mode). */
    static Breakpoint onDivergence() {
        return new OnDivergence();
    }

    /** @param pattern the types that stop the run */
    record OnType(TopicPattern pattern) implements Breakpoint {
        public OnType {
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /** @param expression e.g. {@code event.data.total > 400 && state && state.status === 'created'} */
    record OnCondition(String expression) implements Breakpoint {
        public OnCondition {
            Objects.requireNonNull(expression, "expression");
        }
    }

    /** Stops on any handler failure. */
    record OnError() implements Breakpoint {
    }

    /** Stops on any divergence. */
    record OnDivergence() implements Breakpoint {
    }
}

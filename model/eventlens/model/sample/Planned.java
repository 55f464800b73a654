package eventlens.model.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Something the generator has decided will be written at a given time: an event or a dead letter.
 * {@code seq} is the order of planning and breaks ties between equal times, so that output order is
 * fully determined by the seed.
 */
sealed interface Planned permits Planned.PlannedEvent, Planned.PlannedDeadLetter {
    long time();

    long seq();

    /** What every event of one correlation shares. */
    record Flow(String correlationId, String userId, String traceId) {
    }

    /** A handler that will give up on an event after retries, and what it will report. */
    record Failure(String handler, String error, String stack, long afterMillis, int retryCount) {
    }

    /** A dead-letter record holding the exact text of the event it failed on. */
    record PlannedDeadLetter(long time, long seq, String eventLine, Failure failure) implements Planned {
    }

    /** One event; failures of handlers that consume it are attached before it is written. */
    final class PlannedEvent implements Planned {
        final long time;
        final long seq;
        final String id;
        final String type;
        final String source;
        final String aggregateType;
        final String aggregateId;
        final long version;
        final String causationId;
        final Flow flow;
        final String data;
        final int depth;
        final List<Failure> failures = new ArrayList<>(0);

        PlannedEvent(long time, long seq, String id, String type, String source, String aggregateType,
                String aggregateId, long version, PlannedEvent cause, Flow flow, String data) {
            this.time = time;
            this.seq = seq;
            this.id = id;
            this.type = type;
            this.source = source;
            this.aggregateType = aggregateType;
            this.aggregateId = aggregateId;
            this.version = version;
            this.causationId = cause == null ? null : cause.id;
            this.depth = cause == null ? 1 : cause.depth + 1;
            this.flow = flow;
            this.data = data;
        }

        @Override
        public long time() {
            return time;
        }

        @Override
        public long seq() {
            return seq;
        }
    }
}

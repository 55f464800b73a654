package eventlens.importers;

import eventlens.model.DeadLetter;
import eventlens.model.Event;

/** What {@link FieldMapper} made of one record: an event, a dead letter, or a reason to reject it. */
public sealed interface MappedRecord {
    /** The record is an event. */
    record EventRecord(Event event) implements MappedRecord {
    }

    /** The record is a dead letter (its embedded event is not emitted as an event). */
    record DeadLetterRecord(DeadLetter deadLetter) implements MappedRecord {
    }

    /** The record is not usable; {@code reason} is short and meant for people. */
    record Rejected(String reason) implements MappedRecord {
    }
}

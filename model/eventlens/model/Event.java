package eventlens.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One recorded event, as imported: an immutable value, compared by all its parts.
 *
 * <p>{@code position} is the 1-based order of import, unique in a project (0 until the store assigns
 * it). {@code correlationId} is the id of the message that started the flow and is inherited by
 * everything after it; {@code causationId} is the id of the direct predecessor. {@code data} and
 * {@code metadata} are JSON texts (immutable; parse with {@link #dataTree()}); {@code raw} is the
 * original record text, kept byte-for-byte as decoded. Every field but {@code id} and {@code raw}
 * may be null when the record does not carry it.
 *
 * <p>An event read in bulk may leave its three texts where the store keeps them ({@link #withTexts}) until one
 * of them is first asked for (an event built with its texts pays one final field's test for this): a replay through
 * handlers that never read an event's data does not unpack it (decision 0070), nor read it from the store (decision
 * 0078). It is a class and not a record for that alone; it behaves as the record it was, but that its hash leaves the
 * texts out.
 */
public final class Event {
    private final long position;
    private final String id;
    private final String type;
    private final String source;
    private final Instant time;
    private final String aggregateType;
    private final String aggregateId;
    private final Long version;
    private final String correlationId;
    private final String causationId;
    private final Origin origin;
    private final String data;
    private final String metadata;
    private final String raw;
    /** Where the texts come from when they are read later; null when they were given. */
    private final Supplier<Texts> later;
    /** The texts once read from {@link #later}. */
    private volatile Texts read;

    /** An event's data, metadata and record text, as a store reads them back. */
    public record Texts(String data, String metadata, String raw) {
    }

    public Event(long position, String id, String type, String source, Instant time, String aggregateType,
            String aggregateId, Long version, String correlationId, String causationId, String data, String metadata,
            String raw, Origin origin) {
        this(position, id, type, source, time, aggregateType, aggregateId, version, correlationId, causationId, data,
                metadata, Objects.requireNonNull(raw, "raw"), origin, null);
    }

    private Event(long position, String id, String type, String source, Instant time, String aggregateType,
            String aggregateId, Long version, String correlationId, String causationId, String data, String metadata,
            String raw, Origin origin, Supplier<Texts> later) {
        this.position = position;
        this.id = Objects.requireNonNull(id, "id");
        this.type = type;
        this.source = source;
        this.time = time == null || time.getNano() % 1000 == 0 ? time : time.truncatedTo(ChronoUnit.MICROS);
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.version = version;
        this.correlationId = correlationId;
        this.causationId = causationId;
        this.data = data;
        this.metadata = metadata;
        this.raw = raw;
        this.origin = origin == null ? new Origin("", 0, "") : origin;
        this.later = later;
    }

    /**
     * An event whose texts are read from {@code texts} when one of them is first asked for, once (the supplier stays
     * with the event, so keep what it holds small). A supplier that fails fails that call, and the next one tries
     * again; one that returns no record text fails as the constructor does.
     */
    public static Event withTexts(long position, String id, String type, String source, Instant time,
            String aggregateType, String aggregateId, Long version, String correlationId, String causationId,
            Origin origin, Supplier<Texts> texts) {
        return new Event(position, id, type, source, time, aggregateType, aggregateId, version, correlationId,
                causationId, null, null, null, origin, Objects.requireNonNull(texts, "texts"));
    }

    /** The same event with the position the store gave it. */
    public Event withPosition(long newPosition) {
        return new Event(newPosition, id, type, source, time, aggregateType, aggregateId, version,
                correlationId, causationId, data(), metadata(), raw(), origin);
    }

    public long position() {
        return position;
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String source() {
        return source;
    }

    public Instant time() {
        return time;
    }

    public String aggregateType() {
        return aggregateType;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public Long version() {
        return version;
    }

    public String correlationId() {
        return correlationId;
    }

    public String causationId() {
        return causationId;
    }

    public String data() {
        return later == null ? data : texts().data();
    }

    public String metadata() {
        return later == null ? metadata : texts().metadata();
    }

    public String raw() {
        return later == null ? raw : texts().raw();
    }

    public Origin origin() {
        return origin;
    }

    /** Whether the texts are still where the store keeps them (nothing has asked for them yet). */
    public boolean textsPending() {
        return later != null && read == null;
    }

    private Texts texts() {
        Texts t = read;
        if (t == null) {
            synchronized (this) {
                t = read;
                if (t == null) {
                    t = later.get();
                    Objects.requireNonNull(t.raw(), "raw");
                    read = t;
                }
            }
        }
        return t;
    }

    /** {@code data} parsed as a JSON tree (a fresh copy each call; a missing node when absent). */
    public JsonNode dataTree() {
        return Json.parseOrMissing(data());
    }

    /** {@code metadata} parsed as a JSON tree (a fresh copy each call; a missing node when absent). */
    public JsonNode metadataTree() {
        return Json.parseOrMissing(metadata());
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Event e && position == e.position && id.equals(e.id)
                && Objects.equals(type, e.type) && Objects.equals(source, e.source) && Objects.equals(time, e.time)
                && Objects.equals(aggregateType, e.aggregateType) && Objects.equals(aggregateId, e.aggregateId)
                && Objects.equals(version, e.version) && Objects.equals(correlationId, e.correlationId)
                && Objects.equals(causationId, e.causationId) && Objects.equals(data(), e.data())
                && Objects.equals(metadata(), e.metadata()) && raw().equals(e.raw()) && origin.equals(e.origin);
    }

    /**
     * Of every field but the three texts: equal events have equal short fields, and hashing an event never reads texts
     * it left in the store (decision 0078), as a table of a replay's steps may on the FX thread.
     */
    @Override
    public int hashCode() {
        return Objects.hash(position, id, type, source, time, aggregateType, aggregateId, version, correlationId,
                causationId, origin);
    }

    @Override
    public String toString() {
        return "Event[position=" + position + ", id=" + id + ", type=" + type + ", source=" + source + ", time=" + time
                + ", aggregateType=" + aggregateType + ", aggregateId=" + aggregateId + ", version=" + version
                + ", correlationId=" + correlationId + ", causationId=" + causationId + ", data=" + data()
                + ", metadata=" + metadata() + ", raw=" + raw() + ", origin=" + origin + "]";
    }
}

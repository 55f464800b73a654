package eventlens.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One recorded event, as imported.
 *
 * <p>{@code position} is the 1-based order of import, unique in a project (0 until the store assigns
 * it). {@code correlationId} is the id of the message that started the flow and is inherited by
 * everything after it; {@code causationId} is the id of the direct predecessor. {@code data} and
 * {@code metadata} are JSON texts (immutable; parse with {@link #dataTree()}); {@code raw} is the
 * original record text, kept byte-for-byte as decoded. Every field but {@code id} and {@code raw}
 * may be null when the record does not carry it.
 */
public record Event(
        long position,
        String id,
        String type,
        String source,
        Instant time,
        String aggregateType,
        String aggregateId,
        Long version,
        String correlationId,
        String causationId,
        String data,
        String metadata,
        String raw,
        Origin origin) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(raw, "raw");
        time = time == null || time.getNano() % 1000 == 0 ? time : time.truncatedTo(ChronoUnit.MICROS);
        origin = origin == null ? new Origin("", 0, "") : origin;
    }

    /** The same event with the position the store gave it. */
    public Event withPosition(long newPosition) {
        return new Event(newPosition, id, type, source, time, aggregateType, aggregateId, version,
                correlationId, causationId, data, metadata, raw, origin);
    }

    /** {@code data} parsed as a JSON tree (a fresh copy each call; a missing node when absent). */
    public JsonNode dataTree() {
        return Json.parseOrMissing(data);
    }

    /** {@code metadata} parsed as a JSON tree (a fresh copy each call; a missing node when absent). */
    public JsonNode metadataTree() {
        return Json.parseOrMissing(metadata);
    }
}

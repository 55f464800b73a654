package eventlens.replay.script;

import eventlens.model.Event;
import eventlens.model.DeclaredVersion;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * An event as a script sees it: a read-only object with {@code id}, {@code type}, {@code source},
 * {@code time} (ISO-8601 text), {@code aggregateType}, {@code aggregateId}, {@code version},
 * {@code correlationId}, {@code causationId}, {@code position}, {@code schemaVersion} (the schema version
 * the event declares, see {@link DeclaredVersion}, or null; after upcasting, the version it was brought
 * to), and {@code data} / {@code metadata} as frozen JavaScript objects (parsed on first access). Writes
 * are refused.
 */
final class EventView implements ProxyObject {
    private static final String[] KEYS = {"id", "type", "source", "time", "aggregateType", "aggregateId",
        "version", "correlationId", "causationId", "position", "schemaVersion", "data", "metadata"};

    private final Event event;
    private final Value parseFrozen;
    private Object data;
    private Object metadata;
    private String schemaVersion;

    EventView(Event event, Value parseFrozen) {
        this.event = event;
        this.parseFrozen = parseFrozen;
    }

    @Override
    public Object getMember(String key) {
        return switch (key) {
            case "id" -> event.id();
            case "type" -> event.type();
            case "source" -> event.source();
            case "time" -> event.time() == null ? null : event.time().toString();
            case "aggregateType" -> event.aggregateType();
            case "aggregateId" -> event.aggregateId();
            case "version" -> event.version();
            case "correlationId" -> event.correlationId();
            case "causationId" -> event.causationId();
            case "position" -> event.position();
            case "schemaVersion" -> schemaVersion == null ? schemaVersion = DeclaredVersion.of(event) : schemaVersion;
            case "data" -> data == null ? data = parseFrozen.execute(event.data()) : data;
            case "metadata" -> metadata == null ? metadata = parseFrozen.execute(event.metadata()) : metadata;
            default -> null;
        };
    }

    @Override
    public Object getMemberKeys() {
        return ProxyArray.fromArray((Object[]) KEYS.clone());
    }

    @Override
    public boolean hasMember(String key) {
        for (String k : KEYS) {
            if (k.equals(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("events are read-only: cannot set " + key);
    }

    @Override
    public boolean removeMember(String key) {
        throw new UnsupportedOperationException("events are read-only: cannot delete " + key);
    }
}

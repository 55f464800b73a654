package eventlens.model.store;

import eventlens.model.Event;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * An event's texts as its row keeps them, made into strings when first asked for (decision 0070): the record text,
 * as UTF-8 bytes or {@linkplain PackedText.Packed packed} (its header already read) or still in the store
 * ({@link PageBodies.Later}, decision 0078), and the data and metadata each as a text
 * or as a place in the record text ({@link EventBodies}). A text that does not unpack fails as a damaged project.
 */
record StoredTexts(Object raw, String data, String metadata, long dataAt, long dataLength, long metadataAt,
        long metadataLength) implements Supplier<Event.Texts> {

    @Override
    public Event.Texts get() {
        Object stored = raw instanceof PageBodies.Later later ? later.stored() : raw;
        String text = stored instanceof PackedText.Packed p ? unpack(p) : new String((byte[]) stored, StandardCharsets.UTF_8);
        return new Event.Texts(EventBodies.text(data, text, dataAt, dataLength),
                EventBodies.text(metadata, text, metadataAt, metadataLength), text);
    }

    private static String unpack(PackedText.Packed packed) {
        try {
            return new String(packed.bytes(), StandardCharsets.UTF_8);
        } catch (SQLException e) {
            throw new StoreException(StoreException.damaged(e.getMessage()));
        }
    }
}

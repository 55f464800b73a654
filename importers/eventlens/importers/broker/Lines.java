package eventlens.importers.broker;

import eventlens.model.Origin;

/** Where a message inside a larger record (an envelope holding several) starts, for its origin. */
final class Lines {
    private Lines() {
    }

    /**
     * The origin of the message whose distinctive text {@code needle} (its id, say) first appears in
     * the envelope's {@code raw}: the envelope's line plus the line breaks before it. The envelope's
     * origin when the needle is empty or absent.
     */
    static Origin at(String raw, Origin envelope, String needle) {
        if (needle == null || needle.isEmpty()) {
            return envelope;
        }
        int at = raw.indexOf(needle);
        if (at < 0) {
            return envelope;
        }
        long breaks = raw.substring(0, at).chars().filter(c -> c == '\n').count();
        return new Origin(envelope.file(), envelope.line() + breaks, envelope.format());
    }
}

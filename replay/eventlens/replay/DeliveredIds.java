package eventlens.replay;

import eventlens.model.Event;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids a run has delivered, to warn when one comes again (an idempotency warning). A project keeps one
 * row per id, so its recorded ids never repeat among themselves; only published ids ({@code rpl-…}, which
 * repeat when a retried handler publishes again) and recorded ids of that form can meet again, and only
 * those are kept. A list source may repeat any id, so every id is kept for it.
 */
final class DeliveredIds {
    private final boolean everyId;
    private final Set<String> seen = new HashSet<>();

    DeliveredIds(boolean idsMayRepeat) {
        this.everyId = idsMayRepeat;
    }

    /** Records a first delivery; false when the id was delivered before. */
    boolean firstTime(Event e, boolean published) {
        if (everyId || published || e.id().startsWith(DerivedEvents.ID_PREFIX)) {
            return seen.add(e.id());
        }
        return true;
    }
}

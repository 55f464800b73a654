package eventlens.app.work;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The longest stop-the-world garbage collection since {@link #reset()}. A pause stops the FX thread too, so
 * a click waits as long, but {@link FxStallWatch} sees a pause only when one of its pings happens to be
 * waiting (a ping waits well under a millisecond of every five): the JVM's own notifications of each
 * collection are the only faithful count. Collections of a concurrent collector's cycle (G1's "Concurrent
 * GC", ZGC's "Cycles") are not pauses and are left out.
 */
public final class GcPauseWatch implements AutoCloseable {
    private final AtomicLong worstMillis = new AtomicLong();
    private final AtomicLong over100ms = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;

    public GcPauseWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter && isPause(gc.getName())) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** True for the collectors whose every collection is a pause. */
    static boolean isPause(String collector) {
        return !collector.contains("Concurrent") && !collector.contains("Cycles");
    }

    private void collected(Notification n, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            long millis = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo().getDuration();
            worstMillis.accumulateAndGet(millis, Math::max);
            if (millis > 100) {
                over100ms.incrementAndGet();
            }
        }
    }

    /** Starts a new measurement. */
    public void reset() {
        worstMillis.set(0);
        over100ms.set(0);
    }

    /** The longest pause since the last reset, in milliseconds. */
    public long worstMillis() {
        return worstMillis.get();
    }

    /** Pauses over 100 ms since the last reset. */
    public long over100ms() {
        return over100ms.get();
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // Never added: nothing to remove.
            }
        }
    }
}

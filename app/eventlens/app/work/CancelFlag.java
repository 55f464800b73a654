package eventlens.app.work;

import java.util.concurrent.atomic.AtomicBoolean;

/** The handle of a submitted task: a flag the task polls, shared by both kinds of background work. */
final class CancelFlag implements TaskHandle {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    @Override
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }
}

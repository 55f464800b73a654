package eventlens.app.work;

import eventlens.replay.Pacer;
import java.time.Duration;

/** The replay's pacer at a recorded pace in the window: a real wait, on the replay's worker thread. */
public final class RealTimePacer implements Pacer {
    @Override
    public void await(Duration wait) throws InterruptedException {
        Thread.sleep(wait);
    }
}

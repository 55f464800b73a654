package eventlens.app.probe;

import com.sun.javafx.perf.PerformanceTracker;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;

/**
 * Counts what a scene does while it should be doing nothing: pulses that reached it, pulses in which its
 * root had to be laid out again, and frames actually rendered (JavaFX's own performance tracker, called
 * from the render thread). A settled window does none of the three.
 */
final class SceneActivity {
    private final AtomicInteger pulses = new AtomicInteger();
    private final AtomicInteger layouts = new AtomicInteger();
    private final AtomicInteger frames = new AtomicInteger();

    /** Starts counting on {@code scene}; call on the FX thread. */
    SceneActivity(Scene scene) {
        scene.addPreLayoutPulseListener(() -> {
            if (scene.getRoot() != null && scene.getRoot().isNeedsLayout()) {
                layouts.incrementAndGet();
            }
        });
        scene.addPostLayoutPulseListener(pulses::incrementAndGet);
        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(frames::incrementAndGet);
    }

    /** The counts so far, and zero from now on. */
    Counts take() {
        return new Counts(pulses.getAndSet(0), layouts.getAndSet(0), frames.getAndSet(0));
    }

    record Counts(int pulses, int layouts, int frames) {
        boolean quiet() {
            return layouts == 0 && frames == 0;
        }
    }
}

package eventlens.app.base;

import javafx.animation.AnimationTimer;

/** Runs an action on the FX thread once a number of frames (pulses) have gone by, then stops its timer. */
public final class AfterFrames {
    private AfterFrames() {
    }

    /** Runs {@code action} at the start of the {@code frames}-th pulse from now. */
    public static void run(int frames, Runnable action) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen >= frames) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }
}

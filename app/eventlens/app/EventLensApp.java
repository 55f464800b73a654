package eventlens.app;

import java.nio.file.Path;

/** Temporary stand-in until the GUI branch lands. */
public final class EventLensApp {
    private EventLensApp() {
    }

    public static void launchGui(Path project) {
        throw new UnsupportedOperationException("the window arrives with the gui branch");
    }
}

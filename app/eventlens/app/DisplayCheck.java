package eventlens.app;

import java.util.Map;

/**
 * Says, before JavaFX tries and fails with a page of stack trace, why no window can be opened here.
 */
final class DisplayCheck {
    private DisplayCheck() {
    }

    /** Throws, with the one-line reason, where no window can open here; returns where one can. */
    static void requireWindow() {
        String problem = problem(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"));
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** A one-line reason no window can open, or null when one can (or we cannot tell). */
    static String problem(Map<String, String> env, String osName, String glassPlatform) {
        if ("Monocle".equalsIgnoreCase(glassPlatform)) {
            return null;
        }
        boolean unixDesktop = osName.toLowerCase(java.util.Locale.ROOT).contains("linux")
                || osName.toLowerCase(java.util.Locale.ROOT).contains("bsd");
        if (unixDesktop && blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return "no display to open a window on (DISPLAY is not set): run it on a desktop or under xvfb-run, "
                    + "or use a command such as 'eventlens events PROJECT' (see 'eventlens --help')";
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package eventlens.app.base;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where EventLens keeps what it remembers for a user (recent projects, window placement) and its log file:
 * the platform's usual data folder, or {@code -Deventlens.home=DIR} (tests, portable installs).
 */
public final class UserFolders {
    private UserFolders() {
    }

    /** The folder for this user, from the system property, the environment and the OS name. */
    public static Path data() {
        return data(System.getProperty("eventlens.home"), System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
    }

    static Path data(String override, Map<String, String> env, String os, String home) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String name = os.toLowerCase(Locale.ROOT);
        if (name.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return local != null ? Path.of(local, "EventLens") : Path.of(home, "AppData", "Local", "EventLens");
        }
        if (name.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "EventLens");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "eventlens") : Path.of(home, ".local", "share", "eventlens");
    }

    /**
     * The folder for what the user would call settings (window placement, recent projects):
     * {@code $XDG_CONFIG_HOME/eventlens} or {@code ~/.config/eventlens} on Linux, {@code %APPDATA%\EventLens}
     * on Windows, {@code ~/Library/Application Support/EventLens} on macOS.
     */
    public static Path config(Map<String, String> env, String os, String home) {
        String name = os.toLowerCase(Locale.ROOT);
        if (name.contains("win") && env.get("APPDATA") != null) {
            return Path.of(env.get("APPDATA"), "EventLens");
        }
        if (name.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "EventLens");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "eventlens") : Path.of(home, ".config", "eventlens");
    }

    /** The log file: every background failure with its stack, once. */
    public static Path logFile() {
        return data().resolve("eventlens.log");
    }
}

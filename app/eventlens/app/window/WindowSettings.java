package eventlens.app.window;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the window remembers between runs (bounds, maximised, divider positions): a small properties file
 * in the user's configuration folder. The file is named by the caller, so that tests and the real-window
 * check never read or write the real user's settings ({@link #location} honours {@code -Deventlens.settings}).
 * A missing or unreadable file is the same as no settings: the window then opens at its default place.
 */
public final class WindowSettings {
    /** The system property naming the settings file instead of the one in the user's configuration folder. */
    public static final String LOCATION_PROPERTY = "eventlens.settings";

    private final Path file;
    private final Map<String, String> values = new TreeMap<>();

    private WindowSettings(Path file) {
        this.file = file;
    }

    /** The settings in {@code file} (empty when it does not exist or cannot be read). */
    public static WindowSettings load(Path file) {
        WindowSettings settings = new WindowSettings(file);
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
                p.stringPropertyNames().forEach(k -> settings.values.put(k, p.getProperty(k)));
            } catch (IOException | IllegalArgumentException e) {
                // A damaged file is forgotten, not fatal: the window opens at its default place and
                // the next close writes a good one.
                settings.values.clear();
            }
        }
        return settings;
    }

    /**
     * Where the settings live: {@code -Deventlens.settings=FILE}, else {@code $XDG_CONFIG_HOME/eventlens} or
     * {@code ~/.config/eventlens} on Linux, {@code %APPDATA%\EventLens} on Windows and
     * {@code ~/Library/Application Support/EventLens} on macOS.
     */
    public static Path location(Map<String, String> env, String osName, String home, String override) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path dir = eventlens.app.base.UserFolders.config(env, osName, home);
        return dir.resolve("window.properties");
    }

    /** The settings file of this user (or of {@code -Deventlens.settings}). */
    public static Path location() {
        return location(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."),
                System.getProperty(LOCATION_PROPERTY));
    }

    public Path file() {
        return file;
    }

    public OptionalDouble number(String key) {
        String v = values.get(key);
        if (v == null) {
            return OptionalDouble.empty();
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(values.get(key));
    }

    /** The keys starting with {@code prefix}, in order. */
    public java.util.List<String> keys(String prefix) {
        return values.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    public void put(String key, double value) {
        values.put(key, Double.toString(value));
    }

    public void put(String key, boolean value) {
        values.put(key, Boolean.toString(value));
    }

    /** Writes the file (creating its folder), replacing it atomically so that a crash never leaves half a file. */
    public void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Properties p = new Properties();
        p.putAll(values);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "EventLens window: size, position and divider positions");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

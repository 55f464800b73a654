package eventlens.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the {@code eventlens} logger (System.Logger over java.util.logging) to a rotating log file in the
 * user's data folder, so that a failure shown in one line in the status bar has its whole stack written
 * once, where "Help → About" says. Without a writable folder the log stays on standard error.
 */
public final class AppLog {
    private static final String FORMAT = "%1$tF %1$tT.%1$tL %4$s %3$s: %5$s%6$s%n";

    private AppLog() {
    }

    /** Installs the file handler; returns the log file, or null when it could not be opened. */
    public static Path install(Path file) {
        Logger logger = Logger.getLogger("eventlens");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
            FileHandler handler = new FileHandler(file.toString().replace("%", "%%"), 5_000_000, 1, true);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.ALL);
            logger.addHandler(handler);
            logger.setUseParentHandlers(false);
            return file;
        } catch (IOException | RuntimeException e) {
            logger.log(Level.WARNING, "cannot write the log file " + file + "; logging to standard error", e);
            return null;
        }
    }
}

package eventlens.app.work;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where failed background tasks go, so that no failure is silent: every failure is logged once with its
 * whole stack (the {@code eventlens} logger, which the application sends to a log file), and one that the
 * task did not handle itself — no {@code onFailure}, or a callback that threw — is handed to the listener,
 * which shows a short message with the details to copy (JabRef and Cryptomator do the same).
 */
public final class TaskFailures {
    private static final System.Logger LOG = System.getLogger("eventlens");

    /** A failure as shown to a user: one short line, and the details behind "Copy details". */
    public record Failure(String summary, String details) {
    }

    private volatile Consumer<Failure> onUnhandled = failure -> {
    };

    /** Who shows failures that no task handled (the main window's status bar). */
    public void setOnUnhandled(Consumer<Failure> listener) {
        this.onUnhandled = Objects.requireNonNull(listener);
    }

    /** Logs a failure; hands it to the listener too when the task had no handler of its own. */
    void failed(String name, Class<?> origin, Throwable error, boolean handled) {
        String origins = origin.getName().replaceAll("\\$\\$Lambda.*", "");
        LOG.log(System.Logger.Level.ERROR, "background task failed: " + (name == null ? "" : name + " ")
                + "(" + origins + ")", error);
        if (!handled) {
            onUnhandled.accept(describe(name == null ? "A background task" : name, error));
        }
    }

    /** The short line and the full details of an error, for a status bar with "Copy details". */
    public static Failure describe(String what, Throwable error) {
        return new Failure(what + " failed: " + summary(error), details(error));
    }

    /** The error's own message, or its type where it has none (an NPE, an OutOfMemoryError). */
    public static String summary(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The whole stack trace as text. */
    public static String details(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}

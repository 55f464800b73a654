package eventlens.replay.script;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/**
 * Turns a {@link PolyglotException} into a {@link ScriptError} located in the user's script.
 *
 * <p>Reading a thrown value's {@code name} runs guest code when the value is hostile (a getter, a
 * {@code Proxy} trap): that read shares the failed call's budget, and when it exhausts the budget or is
 * cancelled, the error keeps the generic type and says so, and {@link Mapped#contextLost()} tells the
 * runtime to replace the context — so that the failure stays with the call that threw, not the next one.
 */
final class ScriptErrors {
    /** The error type of a call stopped for its memory (the watchdog's limit or the JVM's heap). */
    static final String MEMORY = "MemoryLimitExceeded";
    /** The error type of a call stopped for its time. */
    static final String TIMEOUT = "TimeLimitExceeded";
    /** The error type of a call that ran out of statements. */
    static final String STATEMENTS = "StatementLimitExceeded";

    private ScriptErrors() {
    }

    /**
     * A mapped error.
     *
     * @param error       the error
     * @param contextLost true when reading the thrown value cancelled the context (it must be replaced)
     */
    record Mapped(ScriptError error, boolean contextLost) {
    }

    static ScriptError of(PolyglotException e, String file) {
        return map(e, file).error();
    }

    static Mapped map(PolyglotException e, String file) {
        SourceSection at = null;
        StringBuilder stack = new StringBuilder();
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (!f.isGuestFrame()) {
                continue;
            }
            SourceSection s = f.getSourceLocation();
            if (s == null || !file.equals(s.getSource().getName())) {
                continue;
            }
            if (at == null) {
                at = s;
            }
            String root = f.getRootName() == null || f.getRootName().isEmpty() || f.getRootName().startsWith(":") ? "<anonymous>" : f.getRootName();
            stack.append("at ").append(root).append(" (").append(file).append(':').append(s.getStartLine())
                    .append(':').append(s.getStartColumn()).append(")\n");
        }
        if (at == null && e.getSourceLocation() != null && file.equals(e.getSourceLocation().getSource().getName())) {
            at = e.getSourceLocation();
        }
        if (e.isSyntaxError() && e.getSourceLocation() != null) {
            at = e.getSourceLocation();
        }
        boolean[] lost = {false};
        String type = type(e, lost);
        String message = lost[0] ? "the thrown value could not be read (" + e.getMessage() + ")" : message(e, type);
        int line = at == null ? 0 : at.getStartLine();
        int column = at == null ? 0 : at.getStartColumn();
        if (stack.isEmpty() && at != null) {
            stack.append("at <top> (").append(file).append(':').append(line).append(':').append(column).append(")\n");
        }
        return new Mapped(new ScriptError(file, line, column, type, message, stack.toString().strip()), lost[0]);
    }

    /** True when {@code e} is the JVM running out of heap inside a script (GraalJS: resource exhausted). */
    static boolean outOfMemory(PolyglotException e) {
        if (e.isHostException() && e.asHostException() instanceof OutOfMemoryError) {
            return true;
        }
        String m = e.getMessage();
        return e.isResourceExhausted() && m != null && (m.contains("heap space") || m.contains("OutOfMemory")
                || m.contains("memory"));
    }

    private static String type(PolyglotException e, boolean[] lost) {
        if (outOfMemory(e)) {
            return MEMORY;
        }
        if (e.isResourceExhausted()) {
            return STATEMENTS;
        }
        if (e.isInterrupted() || e.isCancelled()) {
            return "Interrupted";
        }
        if (e.isSyntaxError()) {
            return "SyntaxError";
        }
        if (e.isHostException()) {
            return e.asHostException().getClass().getSimpleName();
        }
        Value guest = e.getGuestObject();
        if (guest != null && guest.hasMembers()) {
            try {
                Value name = guest.getMember("name");
                if (name != null && name.isString()) {
                    return name.asString();
                }
            } catch (PolyglotException hostile) {
                // a getter or Proxy trap that threw, looped or was stopped: the generic name
                lost[0] = hostile.isCancelled() || hostile.isResourceExhausted() || hostile.isInterrupted();
            } catch (RuntimeException hostile) {
                // the context was closed under the read: the generic name, and a new context
                lost[0] = true;
            }
        }
        return "Error";
    }

    private static String message(PolyglotException e, String type) {
        if (MEMORY.equals(type)) {
            return "memory limit exceeded: the JVM ran out of heap (" + e.getMessage() + ")";
        }
        String m = e.isHostException() ? e.asHostException().getMessage() : e.getMessage();
        if (m == null) {
            return "";
        }
        if (e.isSyntaxError()) {
            // GraalJS: "file:line:col message\n<source line>\n   ^" — keep the message only.
            String first = m.lines().findFirst().orElse("");
            return first.replaceFirst("^\\S+:\\d+:\\d+ ", "");
        }
        return m.startsWith(type + ": ") ? m.substring(type.length() + 2) : m;
    }

    /** The error of a call the watchdog stopped ({@code what}: handler, reducer…), at the place the engine stopped it when that is in the script. */
    static ScriptError over(String file, String what, ScriptWatchdog.Breach breach, ScriptLimits limits, ScriptError stopped) {
        String type;
        String message;
        if (breach.limit() == ScriptWatchdog.Limit.TIME) {
            type = ScriptErrors.TIMEOUT;
            message = what + " timed out after " + seconds(limits.timePerCall());
        } else {
            type = ScriptErrors.MEMORY;
            message = "memory limit exceeded: the " + what + " allocated more than " + mebibytes(limits.bytesPerCall());
        }
        if (stopped == null) {
            return new ScriptError(file, 0, 0, type, message, "");
        }
        return new ScriptError(stopped.file(), stopped.line(), stopped.column(), type, message, stopped.stack());
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String mebibytes(long bytes) {
        return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}

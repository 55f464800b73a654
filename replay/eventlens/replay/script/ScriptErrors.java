package eventlens.replay.script;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/** Turns a {@link PolyglotException} into a {@link ScriptError} located in the user's script. */
final class ScriptErrors {
    private ScriptErrors() {
    }

    static ScriptError of(PolyglotException e, String file) {
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
        String type = type(e);
        String message = message(e, type);
        int line = at == null ? 0 : at.getStartLine();
        int column = at == null ? 0 : at.getStartColumn();
        if (stack.isEmpty() && at != null) {
            stack.append("at <top> (").append(file).append(':').append(line).append(':').append(column).append(")\n");
        }
        return new ScriptError(file, line, column, type, message, stack.toString().strip());
    }

    private static String type(PolyglotException e) {
        if (e.isResourceExhausted()) {
            return "StatementLimitExceeded";
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
            } catch (RuntimeException ignored) {
                // a hostile object: fall back to the generic name
            }
        }
        return "Error";
    }

    private static String message(PolyglotException e, String type) {
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
}

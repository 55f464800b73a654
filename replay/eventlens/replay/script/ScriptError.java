package eventlens.replay.script;

/**
 * An error raised by a script, located in it.
 *
 * @param file      the script's name
 * @param line      1-based line of the failing statement (0 when unknown)
 * @param column    1-based column (0 when unknown)
 * @param errorType e.g. {@code SyntaxError}, {@code TypeError}, {@code Error}, {@code StatementLimitExceeded}
 * @param message   the error's message
 * @param stack     the guest stack, one {@code at name (file:line:column)} per line
 */
public record ScriptError(String file, int line, int column, String errorType, String message, String stack) {
    /** {@code file:line:column: Type: message}, the form printed by the command line. */
    public String describe() {
        return file + ":" + line + ":" + column + ": " + errorType + ": " + message;
    }
}

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
    /**
     * {@code file:line:column: Type: message}, the form printed by the command line and the replay console,
     * without the repetition the engine puts in a syntax error's message ("SyntaxError: file:2:10 Expected an
     * operand"), which would read "SyntaxError: SyntaxError: …". Without a known line, {@code file: Type:
     * message}: no made-up {@code 0:0}.
     */
    public String describe() {
        String text = message == null ? "" : message;
        String type = errorType + ": ";
        if (text.startsWith(type)) {
            text = text.substring(type.length());
            if (text.startsWith(file + ":")) {
                int space = text.indexOf(' ');
                text = space < 0 ? text : text.substring(space + 1);
            }
        }
        return (line > 0 ? file + ":" + line + ":" + column : file) + ": " + type + text;
    }
}

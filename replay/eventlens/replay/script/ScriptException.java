package eventlens.replay.script;

/** A script could not be loaded (syntax error, error at top level); carries the located error. */
public final class ScriptException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ScriptError error;

    /** An exception for {@code error}. */
    public ScriptException(ScriptError error) {
        super(error.describe());
        this.error = error;
    }

    /** Where and what. */
    public ScriptError error() {
        return error;
    }
}

package eventlens.app.replay;

import eventlens.replay.HandlerFailure;
import eventlens.replay.LogLine;
import eventlens.replay.script.ScriptError;

/**
 * One line of the replay console: a {@code ctx.log} line, a script error (with its place in the
 * script, to move the editor's caret there) or a note from the run itself.
 *
 * @param text   what is shown
 * @param line   1-based script line of an error, 0 otherwise
 * @param column 1-based column of an error, 0 otherwise
 * @param error  true for errors
 */
public record ConsoleLine(String text, int line, int column, boolean error) {
    static ConsoleLine of(LogLine l) {
        return new ConsoleLine("#" + l.delivery() + " " + l.handler() + ": " + l.text(), 0, 0, false);
    }

    static ConsoleLine of(HandlerFailure f) {
        return new ConsoleLine("#" + f.delivery() + " " + f.handler() + " attempt " + f.attempt()
                + (f.willRetry() ? " (will retry): " : ": ") + f.error().describe(), f.error().line(), f.error().column(), true);
    }

    static ConsoleLine of(ScriptError e) {
        return new ConsoleLine(e.describe(), e.line(), e.column(), true);
    }

    static ConsoleLine note(String text) {
        return new ConsoleLine(text, 0, 0, false);
    }

    static ConsoleLine problem(String text) {
        return new ConsoleLine(text, 0, 0, true);
    }

    /** True when clicking it can move the caret to the script's line. */
    public boolean located() {
        return line > 0;
    }

    @Override
    public String toString() {
        return text;
    }
}

package eventlens.app.replay;

import eventlens.replay.Breakpoint;

/** The kinds of breakpoint the view offers, with how each is made from the text typed and shown in the list. */
public enum BreakpointKind {
    TYPE("On type", true),
    CONDITION("On condition", true),
    ERROR("On handler error", false),
    DIVERGENCE("On divergence", false);

    private final String title;
    private final boolean needsText;

    BreakpointKind(String title, boolean needsText) {
        this.title = title;
        this.needsText = needsText;
    }

    /** True when the kind takes a pattern or an expression. */
    public boolean needsText() {
        return needsText;
    }

    Breakpoint create(String text) {
        return switch (this) {
            case TYPE -> Breakpoint.onType(text.strip());
            case CONDITION -> Breakpoint.onCondition(text.strip());
            case ERROR -> Breakpoint.onError();
            case DIVERGENCE -> Breakpoint.onDivergence();
        };
    }

    /** How a breakpoint reads in the list. */
    public static String describe(Breakpoint b) {
        return switch (b) {
            case Breakpoint.OnType t -> "type " + t.pattern();
            case Breakpoint.OnCondition c -> "when " + c.expression();
            case Breakpoint.OnError e -> "on handler error";
            case Breakpoint.OnDivergence d -> "on divergence";
        };
    }

    @Override
    public String toString() {
        return title;
    }
}

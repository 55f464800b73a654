package eventlens.app.base;

/**
 * A view that has more to prepare than styling and layout before its first showing: the window's warm-up
 * calls {@link #warmUp()} while the view is in the scene unseen, and {@link #endWarmUp()} two frames later.
 */
public interface WarmsUp {
    /** Exercises the view with made-up content, once it is styled and laid out. */
    void warmUp();

    /** Takes the made-up content away again, leaving anything real the user has put there since. */
    void endWarmUp();

    /**
     * True when the view must leave the scene as its made-up content goes, rather than stay in it hidden: laid
     * out without that content, it would drop what the warm-up made (the flow list's screenful of rows).
     */
    default boolean leavesWithItsWarmUp() {
        return false;
    }
}

package eventlens.app.base;

import java.util.List;

/**
 * A view that has more to prepare than styling and layout before its first showing: the window's warm-up
 * runs the steps {@link #warmUp()} gives while the view is in the scene unseen, each in an FX task of its own (so
 * that frames come between them), and calls {@link #endWarmUp()} two frames after the last.
 */
public interface WarmsUp {
    /** The steps that exercise the view with made-up content, once it is styled and laid out. */
    List<Runnable> warmUp();

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

package eventlens.app.replay;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where the Replay view's run is, one value instead of three booleans and a status text (as Cryptomator
 * guards its vault states): every change goes through {@link #canMoveTo}, so an impossible one — playing
 * a run that is still loading, stepping while playing — is a bug that shows, not a silent mix of flags.
 */
public enum ReplayState {
    /** No session: no project, no script loaded, or the last one unloaded. */
    IDLE,
    /** The script is compiling and the slice loading, on a worker. */
    LOADING,
    /** Loaded and waiting for a control. */
    READY,
    /** A step, a step back or a run-to is being carried out, on a worker. */
    STEPPING,
    /** Playing at its speed until paused, a breakpoint or the end. */
    PLAYING,
    /** A breakpoint stopped the run. */
    STOPPED,
    /** The run delivered its whole slice. */
    FINISHED,
    /** The script did not load (a syntax or top-level error): nothing to control until it is loaded again. */
    FAILED;

    private static final Set<ReplayState> SETTLED = EnumSet.of(READY, STOPPED, FINISHED);

    /** True when a session is loaded (whatever it is doing). */
    public boolean loaded() {
        return this == READY || this == STEPPING || this == PLAYING || this == STOPPED || this == FINISHED;
    }

    /** True while work runs that the controls must wait for. */
    public boolean busy() {
        return this == LOADING || this == STEPPING;
    }

    /** True while playing. */
    public boolean playing() {
        return this == PLAYING;
    }

    /** True when the run can take a step, a step back, a run-to or play. */
    public boolean controllable() {
        return SETTLED.contains(this) || this == STEPPING;
    }

    /** The changes a run may go through; anything else is a bug. */
    public boolean canMoveTo(ReplayState next) {
        return switch (next) {
            case IDLE -> true; // unloading ends whatever was going on
            case LOADING -> this == IDLE || this == FAILED;
            case READY, STOPPED, FINISHED -> this == LOADING && next == READY || this == STEPPING || this == PLAYING
                    || SETTLED.contains(this);
            case STEPPING -> controllable();
            case PLAYING -> SETTLED.contains(this);
            case FAILED -> this == LOADING;
        };
    }
}

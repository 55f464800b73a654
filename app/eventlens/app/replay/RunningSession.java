package eventlens.app.replay;

import eventlens.replay.ReplaySession;
import eventlens.replay.ReplaySettings;
import java.time.Instant;

/** A loaded session with its feed, its slice and when it started; saved once when it finishes. */
final class RunningSession {
    private final ReplaySession session;
    private final ReplayFeed feed;
    private final Slice slice;
    private final ReplaySettings settings;
    private final Instant started;
    private boolean saved;

    RunningSession(ReplaySession session, ReplayFeed feed, Slice slice, ReplaySettings settings, Instant started) {
        this.session = session;
        this.feed = feed;
        this.slice = slice;
        this.settings = settings;
        this.started = started;
    }

    ReplaySession session() {
        return session;
    }

    ReplayFeed feed() {
        return feed;
    }

    Slice slice() {
        return slice;
    }

    ReplaySettings settings() {
        return settings;
    }

    Instant started() {
        return started;
    }

    /** True the first time: the caller saves the run. */
    boolean markSaved() {
        if (saved) {
            return false;
        }
        saved = true;
        return true;
    }
}

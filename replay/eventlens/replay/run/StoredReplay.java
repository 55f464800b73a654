package eventlens.replay.run;

import eventlens.replay.ReplayMode;
import eventlens.replay.RunOutputs;
import eventlens.replay.RunSummary;
import java.time.Instant;

/**
 * A run as stored in a project.
 *
 * @param id         the run's id
 * @param started    wall-clock start
 * @param scriptName the script's file name
 * @param script     the script's text
 * @param query      the slice as written
 * @param mode       all or roots
 * @param summary    the counts
 * @param outputs    what it produced (empty lists when only listed)
 */
public record StoredReplay(long id, Instant started, String scriptName, String script, String query, ReplayMode mode,
        RunSummary summary, RunOutputs outputs) {
}

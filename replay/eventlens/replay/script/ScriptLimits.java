package eventlens.replay.script;

/**
 * The budget of one handler call. The statement limit is deterministic (independent of machine speed
 * and of virtual time), so a runaway handler fails identically in every run.
 *
 * @param statementsPerCall statements one handler, reducer or condition call may run
 */
public record ScriptLimits(long statementsPerCall) {
    /** One million statements per call. */
    public static final ScriptLimits DEFAULT = new ScriptLimits(1_000_000);

    public ScriptLimits {
        if (statementsPerCall < 1) {
            throw new IllegalArgumentException("statementsPerCall must be positive");
        }
    }
}

package eventlens.app.work;

/** What a task's body sees while it runs on a worker thread. */
public interface TaskContext {
    /** Reports progress; cheap to call often (updates are coalesced before reaching the FX thread). */
    void progress(Progress progress);

    /** True once the user cancelled; the body should stop soon after. */
    boolean cancelled();
}

package eventlens.replay;

/**
 * How far the events handlers publish may go in one run: a handler that publishes the type it handles,
 * or fans out without end, would otherwise run until the heap is full. A publish over a budget is refused
 * ({@link CascadeBudgetExceeded} thrown into the handler) and the handler call is recorded as a failure
 * naming the handler and the chain of types that led to it, never retried: the cascade ends there and the
 * run goes on with the next event. The defaults sit far above the bundled examples (at most a few
 * published events per delivery and a chain of a handful).
 *
 * @param derivedPerDelivery events the handlers may publish while one event is delivered (all handlers together)
 * @param cascadeDepth       hops from a recorded event to a published one (a recorded event is at depth 0)
 * @param derivedPerRun      events a whole run may publish
 */
public record ReplayBudgets(int derivedPerDelivery, int cascadeDepth, long derivedPerRun) {
    /** 10,000 per delivery, depth 64, 1,000,000 per run. */
    public static final ReplayBudgets DEFAULT = new ReplayBudgets(10_000, 64, 1_000_000);

    public ReplayBudgets {
        if (derivedPerDelivery < 1 || cascadeDepth < 1 || derivedPerRun < 1) {
            throw new IllegalArgumentException("replay budgets must be positive");
        }
    }
}

package eventlens.replay;

/**
 * Thrown into a handler by {@code ctx.publish} when the publish would go over a {@link ReplayBudgets}
 * budget; its class name is the error type the failure shows ({@code CascadeBudgetExceeded}).
 */
public final class CascadeBudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A refusal explained by {@code message}. */
    public CascadeBudgetExceeded(String message) {
        super(message);
    }
}

package eventlens.app.deadletters;

/** The style classes of the Dead letters view (see {@code deadletters.css} beside this class). */
final class DeadLetterStyles {
    static final String STYLESHEET = "/eventlens/app/deadletters/deadletters.css";
    static final String VIEW = "dead-letters-view";
    static final String SPARKLINE = "dlq-sparkline";
    static final String PATH_LIST = "dlq-path";
    static final String PATH_FAILED = "dlq-path-failed";
    static final String SUMMARY = "dlq-summary";
    static final String OUTCOME_SUCCEEDED = "dlq-succeeded";
    static final String OUTCOME_FAILED = "dlq-failed";
    static final String OUTCOME_SAME = "dlq-same";
    static final String DETAIL_TITLE = "dlq-detail-title";

    private DeadLetterStyles() {
    }
}

package eventlens.app.base;

/** CSS class names of {@code eventlens.css}, so that views and the stylesheet agree by name. */
public final class Styles {
    public static final String STYLESHEET = "/eventlens/app/eventlens.css";

    public static final String ROOT = "eventlens";
    /** On the scene root: switches the looked-up colours to the dark palette. */
    public static final String DARK = "dark";
    public static final String NAVIGATOR = "navigator";
    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_ITEM = "status-item";
    public static final String STATUS_WARNING = "status-warning";
    public static final String FILTER_BAR = "filter-bar";
    public static final String FILTER_FIELD = "filter-field";
    public static final String FILTER_ERROR = "filter-error";
    public static final String SUMMARY = "summary";
    public static final String DETAIL = "detail";
    public static final String DETAIL_TITLE = "detail-title";
    public static final String FIELD_NAME = "field-name";
    public static final String FIELD_VALUE = "field-value";
    public static final String WARNING = "warning";
    public static final String CODE = "code";
    public static final String PLACEHOLDER = "placeholder";
    public static final String PLACEHOLDER_TITLE = "placeholder-title";
    public static final String VIEW_TITLE = "view-title";
    public static final String MUTED = "muted";
    public static final String FLOWS_TABLE = "flows-table";
    public static final String FLOW_BAR = "flow-bar";
    public static final String FLOW_TITLE = "flow-title";
    public static final String FLOW_TREE = "flow-tree";
    public static final String FLOW_GRAPH = "flow-graph";
    public static final String FLOW_TIMELINE = "flow-timeline";
    /** The hidden node whose background lists the flow graph's and timeline's looked-up colours. */
    public static final String FLOW_PALETTE = "flow-palette";
    /** A negative latency in the tree: the effect is stamped before its cause. */
    public static final String FLOW_SKEW = "flow-skew";
    /** A failed or dead-lettered event's markers. */
    public static final String FLOW_FAILED = "flow-failed";
    /** A marker cell of an event published by a replay run. */
    public static final String FLOW_REPLAY = "flow-replay";
    public static final String AGGREGATES_VIEW = "aggregates-view";
    public static final String AGGREGATES_TABLE = "aggregates-table";
    public static final String AGGREGATE_BAR = "aggregate-bar";
    public static final String AGGREGATE_TITLE = "aggregate-title";
    public static final String MOMENT_BAR = "moment-bar";
    public static final String MOMENT_TEXT = "moment-text";
    public static final String HISTORY_TABLE = "history-table";
    public static final String HISTORY_TITLE = "history-title";
    /** The state tree; its rows take the pseudo-classes {@code :added}, {@code :changed}, {@code :removed}. */
    public static final String STATE_TREE = "state-tree";
    public static final String STATE_BOOKKEEPING = "state-bookkeeping";
    public static final String COMPARE_BAR = "compare-bar";
    /** The diff table; rows marked like the state tree's. */
    public static final String DIFF_TABLE = "diff-table";
    public static final String WHO_CHANGED = "who-changed";

    private Styles() {
    }
    public static final String REPLAY_VIEW = "replay-view";
    public static final String REPLAY_BAR = "replay-bar";
    public static final String SCRIPT_EDITOR = "script-editor";
    public static final String GUTTER_TEXT = "gutter-text";
    public static final String ERROR_MARKER = "error-marker";
    public static final String CONSOLE = "console";
    public static final String CONSOLE_ERROR = "console-error";
    /** A console line with a script line to go to. */
    public static final String CONSOLE_LOCATED = "console-located";
    public static final String STOPPED_AT = "stopped-at";
    public static final String FIRST_DIVERGENCE = "first-divergence";
    public static final String PANEL_TITLE = "panel-title";
}

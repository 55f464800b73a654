package eventlens.app.flows;

import eventlens.model.flow.FlowFilter;

/** The flows view's filter box: {@code type:} for the root type, anything else a correlation id. */
final class FlowFilterText {
    static final String NO_PROJECT = "No project open.";
    static final String NO_FLOWS = "No flows: events need a correlation id to form a listed flow. "
            + "The flow of any event opens from the events view (Show flow).";

    private FlowFilterText() {
    }

    /**
     * What the flow list says when it is empty: the filter that matched nothing ("No flows match 'abc'
     * with failures", "… in the brushed time range"), or, with no filter at all, why a project can have no
     * listed flows.
     */
    static String nothingMatches(String value, boolean withAnomalies, boolean withFailures, boolean brushed) {
        String text = value == null ? "" : value.trim();
        String with = withAnomalies && withFailures ? " with anomalies and failures"
                : withAnomalies ? " with anomalies" : withFailures ? " with failures" : "";
        String when = brushed ? " in the brushed time range" : "";
        if (text.isEmpty()) {
            return with.isEmpty() && !brushed ? NO_FLOWS : "No flows" + with + when;
        }
        return "No flows match '" + text + "'" + with + when;
    }

    static FlowFilter parse(String value, boolean withAnomalies, boolean withFailures) {
        String correlation = null;
        String rootType = null;
        String text = value == null ? "" : value.trim();
        for (String term : text.split("\\s+")) {
            if (term.isEmpty()) {
                continue;
            }
            if (term.startsWith("type:")) {
                rootType = pattern(term.substring(5));
            } else {
                correlation = pattern(term.startsWith("corr:") ? term.substring(5) : term);
            }
        }
        FlowFilter f = new FlowFilter(correlation, rootType, false, false);
        f = withAnomalies ? f.anomalous() : f;
        return withFailures ? f.failed() : f;
    }

    private static String pattern(String value) {
        if (value.isEmpty()) {
            return null;
        }
        return value.contains("*") || value.contains("?") ? value : "*" + value + "*";
    }
}

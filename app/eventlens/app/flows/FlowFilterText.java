package eventlens.app.flows;

import eventlens.model.flow.FlowFilter;

/** The flows view's filter box: {@code type:} for the root type, anything else a correlation id. */
final class FlowFilterText {
    private FlowFilterText() {
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

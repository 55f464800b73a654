package eventlens.cli;

import java.util.ListResourceBundle;

/**
 * The help texts of the options shared through mixins ({@link ProjectArgument}, {@link JsonOption},
 * {@link WhereOption}), per command: picocli looks an option's {@code descriptionKey} up under the command's
 * qualified name first ({@code eventlens.events.json}), so one mixin can say what it means in each command.
 * Set on {@link Main}; the subcommands inherit it.
 */
public final class OptionTexts extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
        return new Object[][] {
            {"eventlens.import.project", "the project file (SQLite)"},
            {"eventlens.import.json", "print one summary object"},
            {"eventlens.preview.json", "print one JSON object"},
            {"eventlens.events.where", "filter, e.g. 'type:payment.* AND is:failed after:-1d', "
                + "'(type:order.* OR source:billing) NOT corr:test-*', 'causedby:evt-1', 'data.items[0].sku=SKU-1 \"timeout\"', "
                + "or @NAME for a saved query (eventlens query PROJECT --list)"},
            {"eventlens.events.json", "one event per line as JSON"},
            {"eventlens.flows.json", "one flow per line as JSON"},
            {"eventlens.histogram.where", "count only the events this query selects (bars on the same grid as the whole log), "
                + "e.g. 'type:payment.* AND is:failed', or @NAME for a saved query"},
            {"eventlens.histogram.json", "one bar per line as JSON: start, end, count per series, failures"},
            {"eventlens.flow.json", "JSON: the flow (as --format json), or the comparison with --compare"},
            {"eventlens.shapes.json", "one JSON object: steps, edges and the variants shown"},
            {"eventlens.state.json", "JSON output"},
            {"eventlens.aggregates.json", "one aggregate per line as JSON"},
            {"eventlens.replay.where", "the slice, e.g. 'type:order.* after:2024-01-15T10:30' or 'flow:txn-1', "
                + "or @NAME for a saved query"},
            {"eventlens.replay.json", "one JSON object: summary, published events, dead letters, divergences, logs"},
            {"eventlens.dlq.json", "one JSON object per line"},
            {"eventlens.bookmarks.json", "one bookmark per line as JSON: id, view, selection, note, created, link"},
            {"eventlens.schemas.json", "one JSON object per line (per type, field list or change; one for --validate)"},
        };
    }
}

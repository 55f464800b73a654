package eventlens.app.deadletters;

import eventlens.app.table.ColumnFit;
import eventlens.app.table.TableColumns;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.TableColumn;

/** Text, count and time columns and value formats shared by the view's tables. */
final class Columns {
    /** Month, day and time: the year is in the detail pane; tables stay narrow. */
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Columns() {
    }

    /** A text column with a tooltip on cut cells; {@link ColumnFit} sizes it to its content. */
    static <T> TableColumn<T, String> text(String title, Function<T, String> value) {
        return TableColumns.text(title, value, true);
    }

    /** A right-aligned count with thousands separators; a null value leaves the cell empty. */
    static <T> TableColumn<T, Long> number(String title, Function<T, Long> value) {
        return TableColumns.number(title, value, true);
    }

    /** A time in the one format of this view's tables, never cut. */
    static <T> TableColumn<T, String> time(String title, Function<T, Instant> value) {
        TableColumn<T, String> c = text(title, row -> time(value.apply(row)));
        ColumnFit.atLeast(c, "12-31 23:59:59");
        return c;
    }

    static String time(Instant t) {
        return t == null ? "" : SECONDS.format(t);
    }

    static String list(List<String> values) {
        return values.stream().map(v -> v == null ? "-" : v).reduce((a, b) -> a + ", " + b).orElse("");
    }
}

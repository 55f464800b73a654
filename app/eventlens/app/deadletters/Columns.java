package eventlens.app.deadletters;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Text columns and value formats shared by the view's tables. */
final class Columns {
    /** Month, day and time: the year is in the detail pane; tables stay narrow. */
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Columns() {
    }

    static <T> TableColumn<T, String> text(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    static String time(Instant t) {
        return t == null ? "" : SECONDS.format(t);
    }

    static String list(List<String> values) {
        return values.stream().map(v -> v == null ? "-" : v).reduce((a, b) -> a + ", " + b).orElse("");
    }
}

package eventlens.app.replay;

import eventlens.app.base.Styles;
import eventlens.app.table.ColumnFit;
import eventlens.app.table.TableColumns;
import eventlens.app.table.TextCell;
import eventlens.model.Event;
import eventlens.replay.Delivery;
import eventlens.replay.Divergence;
import eventlens.replay.ReplayDeadLetter;
import eventlens.replay.run.RunDifference;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The Replay view's tables: delivered and published events, dead letters, divergences, run differences. */
final class ReplayTables {
    static final PseudoClass FIRST = PseudoClass.getPseudoClass(Styles.FIRST_DIVERGENCE);

    private ReplayTables() {
    }

    static TableView<Delivery> delivered(ObservableList<Delivery> rows) {
        TableView<Delivery> t = table("replay-delivered", rows, "No deliveries yet: Step or Play.");
        TableColumn<Delivery, Long> step = number("#", Delivery::index);
        // Fitted to the first steps, it cut a run's later ones to "9…": as wide as the events' position column.
        ColumnFit.atLeast(step, "10,000,000");
        t.getColumns().add(step);
        t.getColumns().add(column("type", d -> d.event().type(), 170));
        t.getColumns().add(column("id", d -> d.event().id(), 150));
        t.getColumns().add(column("cause", d -> nullToEmpty(d.event().causationId()), 130));
        t.getColumns().add(column("time", d -> time(d.at()), 170));
        t.getColumns().add(column("handlers", d -> String.join(", ", d.handlers()), 200));
        t.getColumns().add(column("from", d -> d.published() ? "published" : d.attempt() > 1 ? "retry " + (d.attempt() - 1) : "recorded", 80));
        return t;
    }

    static TableView<Event> published(ObservableList<Event> rows) {
        TableView<Event> t = table("replay-published", rows, "Handlers have published nothing yet.");
        t.getColumns().add(column("type", Event::type, 180));
        t.getColumns().add(column("id", Event::id, 180));
        t.getColumns().add(column("cause", e -> nullToEmpty(e.causationId()), 150));
        t.getColumns().add(column("time", e -> time(e.time()), 170));
        return t;
    }

    static TableView<ReplayDeadLetter> deadLetters(ObservableList<ReplayDeadLetter> rows) {
        TableView<ReplayDeadLetter> t = table("replay-dead-letters", rows, "No dead letters in this run.");
        t.getColumns().add(column("handler", ReplayDeadLetter::handler, 110));
        TableColumn<ReplayDeadLetter, String> line = column("line", d -> d.error().line() + ":" + d.error().column(), 0);
        TextCell.rightAligned(line, s -> s);
        t.getColumns().add(line);
        t.getColumns().add(number("attempts", d -> (long) d.attempts()));
        t.getColumns().add(column("error", d -> d.error().errorType() + ": " + d.error().message(), 300));
        t.getColumns().add(column("event", d -> d.event().type() + " " + d.event().id(), 220));
        return t;
    }

    static TableView<Divergence> divergences(ObservableList<Divergence> rows) {
        TableView<Divergence> t = table("replay-divergences", rows, "No divergence (roots mode compares with the recording).");
        t.getColumns().add(column("kind", d -> d.kind().name().toLowerCase(Locale.ROOT), 90));
        t.getColumns().add(number("step", Divergence::delivery));
        t.getColumns().add(column("cause", Divergence::causeId, 150));
        t.getColumns().add(column("type", Divergence::type, 180));
        t.getColumns().add(column("recorded", d -> nullToEmpty(d.recordedId()), 150));
        t.getColumns().add(column("published", d -> nullToEmpty(d.publishedId()), 150));
        t.setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(Divergence item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(FIRST, !empty && getIndex() == 0);
            }
        });
        return t;
    }

    static TableView<RunDifference> differences(ObservableList<RunDifference> rows) {
        TableView<RunDifference> t = table("replay-differences", rows, "Select two runs and Compare.");
        t.getColumns().add(column("kind", d -> d.kind().name().toLowerCase(Locale.ROOT), 110));
        t.getColumns().add(column("cause", RunDifference::causeId, 150));
        t.getColumns().add(column("type", RunDifference::type, 180));
        t.getColumns().add(column("left", d -> nullToEmpty(d.left()), 150));
        t.getColumns().add(column("right", d -> nullToEmpty(d.right()), 150));
        return t;
    }

    /** Columns are sized to their content when rows first arrive (ColumnFit); cut text has a tooltip (TextCell). */
    private static <T> TableView<T> table(String id, ObservableList<T> rows, String empty) {
        TableView<T> t = new TableView<>(rows);
        t.setId(id);
        t.setPlaceholder(new javafx.scene.control.Label(empty));
        ColumnFit.onFirstFill(t);
        return t;
    }

    /** A text column; {@code width} is the width before the first rows arrive (0: the header's). */
    static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = TableColumns.text(title, value, false);
        if (width > 0) {
            c.setPrefWidth(width);
        }
        return c;
    }

    /** A right-aligned count. */
    static <T> TableColumn<T, Long> number(String title, Function<T, Long> value) {
        return TableColumns.number(title, value, false);
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

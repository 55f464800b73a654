package eventlens.cli;

import eventlens.importers.Timestamps;
import eventlens.importers.table.TableLocation;
import eventlens.importers.table.TableSlice;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The table half of {@code eventlens import}: a {@code jdbc:} URL, or an SQLite file with {@code --table},
 * and the slice options. The password comes from the environment or, when the server asks and there is
 * a terminal, from a prompt that does not echo; there is deliberately no option for it.
 */
record TableInput(TableLocation location, TableSlice slice) {

    /** The table input the arguments describe, or null when they name files to import as usual. */
    static TableInput of(List<String> inputs, String table, String format, String after, String before,
            String aggregateType) {
        boolean url = inputs.stream().anyMatch(TableLocation::isUrl);
        boolean sliced = after != null || before != null || aggregateType != null;
        if (table == null) {
            if (url) {
                throw new CommandFailure("importing from a database needs --table NAME (the event table to read)");
            }
            if (sliced) {
                throw new CommandFailure("--after, --before and --aggregate-type go with --table");
            }
            for (String input : inputs) {
                if (Files.isRegularFile(Path.of(input)) && TableLocation.isSqliteFile(Path.of(input))) {
                    throw new CommandFailure(input + " is an SQLite database: name its event table with --table T");
                }
            }
            return null;
        }
        if (format != null) {
            throw new CommandFailure("--format names a file reader; a table is read by its columns (use --mapping)");
        }
        if (inputs.size() != 1) {
            throw new CommandFailure("--table reads one database: give one jdbc: URL or one SQLite file");
        }
        String input = inputs.get(0);
        TableLocation location;
        if (TableLocation.isUrl(input)) {
            try {
                location = TableLocation.url(input, System.getenv(), prompt(input));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage());
            }
        } else {
            Path file = Path.of(input);
            if (!Files.isRegularFile(file)) {
                throw new CommandFailure(input + ": no such file");
            }
            if (!TableLocation.isSqliteFile(file)) {
                throw new CommandFailure(input + ": --table reads an SQLite database file or a jdbc: URL, and this "
                        + "file is not an SQLite database");
            }
            location = TableLocation.sqlite(file);
        }
        return new TableInput(location, new TableSlice(table, time("--after", after), time("--before", before),
                aggregateType));
    }

    private static Instant time(String option, String text) {
        if (text == null) {
            return null;
        }
        Instant t = Timestamps.parse(text);
        if (t == null) {
            throw new CommandFailure(option + ": not a time: '" + text + "' (use ISO-8601, e.g. 2024-05-01T10:00:00Z)");
        }
        return t;
    }

    private static Supplier<char[]> prompt(String url) {
        return () -> {
            Console console = System.console();
            return console == null ? null : console.readPassword("password for %s: ", url);
        };
    }
}

package eventlens.importers.table;

import eventlens.model.Exemption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Where an event table lives: an SQLite file, or a database reached by a {@code jdbc:} URL (PostgreSQL).
 * The password is never part of the location: it comes from {@code PGPASSWORD} or
 * {@code EVENTLENS_DB_PASSWORD} in the environment, else from a prompt that is asked only when the
 * server refuses the connection without one. A URL carrying a password is refused, so that it cannot
 * end up in the shell history or in the project's list of imports.
 */
@Exemption(rule = Exemption.SQL_OUTSIDE_THE_STORE, why = "reads the user's own event-store database (SQLite or PostgreSQL), never the project")
public final class TableLocation {
    /** The environment variables a password is read from, in this order. */
    public static final String[] PASSWORD_VARIABLES = {"PGPASSWORD", "EVENTLENS_DB_PASSWORD"};
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)[?&;]password=|//[^/@]*:[^/@]*@");
    /** SQLSTATE class 28: invalid authorization (PostgreSQL's 28P01 wrong password, 28000 none given). */
    private static final String AUTHORIZATION_FAILED = "28";
    /** pgjdbc's "the server requested password-based authentication, but no password was provided". */
    private static final String REJECTED_WITHOUT_PASSWORD = "08004";

    private final String url;
    private final String name;
    private final Map<String, String> environment;
    private final Supplier<char[]> prompt;

    private TableLocation(String url, String name, Map<String, String> environment, Supplier<char[]> prompt) {
        this.url = url;
        this.name = name;
        this.environment = Map.copyOf(environment);
        this.prompt = prompt;
    }

    /** An SQLite database file. */
    public static TableLocation sqlite(Path file) {
        Path p = file.toAbsolutePath().normalize();
        return new TableLocation("jdbc:sqlite:" + p, p.toString(), Map.of(), () -> null);
    }

    /**
     * A {@code jdbc:} URL.
     *
     * @param environment where {@code PGPASSWORD}, {@code EVENTLENS_DB_PASSWORD} and {@code PGUSER} are read
     * @param prompt asks for a password when the server wants one and the environment has none (null: no one to ask)
     * @throws IllegalArgumentException when the URL holds a password or is not a JDBC URL
     */
    public static TableLocation url(String url, Map<String, String> environment, Supplier<char[]> prompt) {
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            throw new IllegalArgumentException("not a JDBC URL: " + url);
        }
        if (PASSWORD_IN_URL.matcher(url).find()) {
            throw new IllegalArgumentException("the URL holds a password; set PGPASSWORD or EVENTLENS_DB_PASSWORD "
                    + "instead, or let eventlens ask for it");
        }
        return new TableLocation(url, url, environment, prompt);
    }

    /** Whether a command-line input names a database rather than a file. */
    public static boolean isUrl(String input) {
        return input.toLowerCase(Locale.ROOT).startsWith("jdbc:");
    }

    /** Whether a file starts like an SQLite database. */
    public static boolean isSqliteFile(Path file) {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            byte[] head = in.readNBytes(16);
            return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("SQLite format 3\0");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The name the import is recorded under: the file's path or the URL (which holds no password). */
    public String name() {
        return name;
    }

    /** Opens a read-only connection, asking for a password once when the server refuses one without it. */
    Connection open() throws SQLException {
        Properties props = new Properties();
        if (url.startsWith("jdbc:sqlite:")) {
            props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: an import never writes to its source
        }
        String user = environment.get("PGUSER");
        if (user != null && !url.toLowerCase(Locale.ROOT).contains("user=")) {
            props.setProperty("user", user);
        }
        String password = password();
        if (password != null) {
            props.setProperty("password", password);
        }
        Connection c;
        try {
            c = DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            char[] asked = password == null && isAuthorization(e) ? prompt.get() : null;
            if (asked == null) {
                throw e;
            }
            props.setProperty("password", new String(asked));
            java.util.Arrays.fill(asked, '\0');
            c = DriverManager.getConnection(url, props);
        }
        if (!url.startsWith("jdbc:sqlite:")) {
            c.setReadOnly(true); // sqlite-jdbc takes this only as the open mode, set above
        }
        return c;
    }

    private String password() {
        for (String variable : PASSWORD_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static boolean isAuthorization(SQLException e) {
        return e.getSQLState() != null && (e.getSQLState().startsWith(AUTHORIZATION_FAILED)
                || e.getSQLState().equals(REJECTED_WITHOUT_PASSWORD));
    }
}

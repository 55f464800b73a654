package eventlens.model.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The store's one way to run a statement on a connection: prepare it, bind the parameters in order,
 * map the rows, close everything, and turn a {@link SQLException} into a {@link StoreException} that
 * says what failed ({@code "<failing>: <SQLite's message>"}, or the damaged-project message when SQLite
 * found the file malformed). It holds no lock: callers serialise the use of the connection as before.
 */
final class Sql {
    /** Maps the current row of a result. */
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work inside one transaction. */
    interface Work<T> {
        T run() throws SQLException;
    }

    private final Connection connection;
    private final String failing;

    /**
     * Statements on {@code connection}; a failure's message starts with {@code failing} (e.g.
     * {@code "cannot read project /x/p.eventlens"}).
     */
    Sql(Connection connection, String failing) {
        this.connection = connection;
        this.failing = failing;
    }

    /** The same connection, failures starting with {@code otherFailing}. */
    Sql failingAs(String otherFailing) {
        return new Sql(connection, otherFailing);
    }

    /** The connection, for what the helper does not cover (batches, generated keys). */
    Connection connection() {
        return connection;
    }

    /** Every row of the query, mapped in order. */
    <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Hands every row of the query to {@code each}, in order, keeping none. */
    void forEach(String sql, RowConsumer each, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** What {@link #forEach} does with a row. */
    @FunctionalInterface
    interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    /** The first row of the query, mapped; empty when there is none. */
    <T> Optional<T> first(String sql, Row<T> row, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The first column of the first row as a number: a count or a maximum; 0 when there is no row. */
    long scalar(String sql, Object... params) {
        return first(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /** Runs an insert, update or delete; the number of rows changed. */
    int update(String sql, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws
     * (whatever it throws), and the connection back in auto-commit either way.
     */
    <T> T transaction(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** True when {@code failure} (or a cause of it) is SQLite saying another connection holds the lock. */
    static boolean busy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException e
                    && (e.getResultCode().code & 0xff) == org.sqlite.SQLiteErrorCode.SQLITE_BUSY.code) {
                return true;
            }
        }
        return false;
    }

    /** The store's exception for a failure on this connection. */
    StoreException failure(SQLException e) {
        return new StoreException(failing + ": " + e.getMessage(), e);
    }

    /** Binds {@code params} to the statement's parameters in order ({@code null} binds NULL). */
    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}

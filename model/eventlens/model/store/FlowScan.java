package eventlens.model.store;

import eventlens.model.Event;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the flows of one root type whole, for {@link FlowsTable#forEachFlowOf}
 * (docs/decisions/0041-flow-shapes.md).
 *
 * <p>The fast way is one sequential pass over the events in position order: the {@code flows} table says
 * which correlations have the root type and how many events each has, a flow is buffered until its last
 * event has been read and then handed over (whatever is left at the end is handed over then, in correlation
 * order). Its memory is the events of the flows still open at one point of the log; when that passes
 * {@code maxBuffered} the pass stops, the visitor is told to forget what it was handed
 * ({@link FlowsTable.FlowVisitor#restart()}), and the slower way runs instead: one scan through the correlation index, in correlation order, one flow in memory at a
 * time (a random read per event, two to four times slower on a million events).
 */
final class FlowScan {
    private static final String COLUMNS = "e.position, e.id, e.type, e.time_us, e.correlation_id, e.causation_id";

    private final Sql sql;
    private final String rootType;
    private final FlowsTable.FlowVisitor visitor;
    private long visited;

    FlowScan(Sql sql, String rootType, FlowsTable.FlowVisitor visitor) {
        this.sql = sql;
        this.rootType = rootType;
        this.visitor = visitor;
    }

    /** Visits every flow of the root type; the number visited. */
    long run(int maxBuffered) {
        try {
            if (!sequential(maxBuffered)) {
                ordered();
            }
            return visited;
        } catch (SQLException e) {
            throw sql.failure(e);
        }
    }

    /** The sequential pass; false (the visitor restarted) when the open flows would hold more than {@code max} events. */
    private boolean sequential(int max) throws SQLException {
        // One map lookup a row: the flow's events read so far and how many are still to come.
        Map<String, Pending> flows = new HashMap<>();
        try (PreparedStatement ps = sql.connection().prepareStatement(
                "SELECT correlation_id, events FROM flows WHERE root_type = ?")) {
            ps.setString(1, rootType);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    flows.put(rs.getString(1), new Pending(rs.getLong(2)));
                }
            }
        }
        if (flows.isEmpty()) {
            return true;
        }
        long buffered = 0;
        try (PreparedStatement ps = sql.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM events e WHERE e.correlation_id IS NOT NULL ORDER BY e.position")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String correlation = rs.getString(5);
                    Pending flow = flows.get(correlation);
                    if (flow == null) {
                        continue;
                    }
                    flow.events.add(event(rs));
                    buffered++;
                    if (--flow.left == 0) {
                        flows.remove(correlation);
                        buffered -= flow.events.size();
                        visit(correlation, flow.events);
                    } else if (buffered > max) {
                        if (visited > 0) {
                            visitor.restart();
                            visited = 0;
                        }
                        return false;
                    }
                }
            }
        }
        // Flows whose count was not reached (the table was built from other rows): handed over now.
        for (Map.Entry<String, Pending> rest : new TreeMap<>(flows).entrySet()) {
            if (!rest.getValue().events.isEmpty()) {
                visit(rest.getKey(), rest.getValue().events);
            }
        }
        return true;
    }

    /** A flow being read by the sequential pass. */
    private static final class Pending {
        final List<Event> events = new ArrayList<>(8);
        long left;

        Pending(long expected) {
            this.left = expected;
        }
    }

    /** The ordered scan through the correlation index, one flow at a time. */
    private void ordered() throws SQLException {
        try (PreparedStatement ps = sql.connection().prepareStatement("SELECT " + COLUMNS + " FROM events e"
                + EventIndexes.indexedBy(sql.connection(), EventIndexes.CORRELATION)
                + "WHERE e.correlation_id IN (SELECT correlation_id FROM flows WHERE root_type = ?) "
                + "ORDER BY e.correlation_id, e.position")) { // the index's own order: (correlation, rowid = position)
            ps.setString(1, rootType);
            List<Event> events = new ArrayList<>();
            String current = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String correlation = rs.getString(5);
                    if (!correlation.equals(current)) {
                        if (current != null) {
                            visit(current, events);
                        }
                        events.clear();
                        current = correlation;
                    }
                    events.add(event(rs));
                }
            }
            if (current != null) {
                visit(current, events);
            }
        }
    }

    private void visit(String correlation, List<Event> events) {
        visitor.visit(correlation, events);
        visited++;
    }

    private static Event event(ResultSet rs) throws SQLException {
        return new Event(rs.getLong(1), rs.getString(2), rs.getString(3), null, Rows.instant(rs, 4), null, null, null,
                rs.getString(5), rs.getString(6), null, null, "", null);
    }
}

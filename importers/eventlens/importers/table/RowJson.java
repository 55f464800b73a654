package eventlens.importers.table;

import eventlens.model.Exemption;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Json;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

/**
 * One table row as a JSON object keyed by column name, so that the same field finder as for files maps
 * it: JSON held in a json/jsonb/text column is decoded; a bytea/blob (Axon's payload) is decoded as
 * UTF-8 JSON when it parses, kept as text when it is UTF-8 (XML payloads), else base64; times become
 * ISO-8601 text in UTC; numbers stay numbers; null columns are left out.
 */
@Exemption(rule = Exemption.SQL_OUTSIDE_THE_STORE, why = "reads the user's own event-store database (SQLite or PostgreSQL), never the project")
final class RowJson {
    private static final JsonNodeFactory NODES = Json.mapper().getNodeFactory();

    private RowJson() {
    }

    /** The row's columns (1-based positions 1..columns.size()) as an object. */
    static ObjectNode of(ResultSet rs, List<TableShape.Column> columns) throws SQLException {
        ObjectNode row = Json.mapper().createObjectNode();
        for (int i = 0; i < columns.size(); i++) {
            JsonNode value = value(rs, i + 1, columns.get(i));
            if (value != null) {
                row.set(columns.get(i).name(), value);
            }
        }
        return row;
    }

    private static JsonNode value(ResultSet rs, int i, TableShape.Column column) throws SQLException {
        switch (column.jdbcType()) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : NODES.numberNode(v);
            }
            case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                Object o = rs.getObject(i);
                if (o == null) {
                    return null;
                }
                if (o instanceof Long || o instanceof Integer) {
                    return NODES.numberNode(((Number) o).longValue());
                }
                return NODES.numberNode(new BigDecimal(o.toString()));
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean v = rs.getBoolean(i);
                return rs.wasNull() ? null : NODES.booleanNode(v);
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = rs.getBytes(i);
                return bytes == null ? null : bytes(bytes);
            }
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                return time(rs, i, column);
            }
            default -> {
                Object o = rs.getObject(i);
                if (o == null) {
                    return null;
                }
                if (o instanceof byte[] bytes) {
                    return bytes(bytes); // SQLite: a BLOB in a column declared otherwise
                }
                if (o instanceof Long || o instanceof Integer) {
                    return NODES.numberNode(((Number) o).longValue());
                }
                if (o instanceof Double || o instanceof Float) {
                    return NODES.numberNode(((Number) o).doubleValue());
                }
                return text(rs.getString(i));
            }
        }
    }

    private static JsonNode time(ResultSet rs, int i, TableShape.Column column) throws SQLException {
        Object o = rs.getObject(i);
        if (o == null) {
            return null;
        }
        if (o instanceof String s) {
            return NODES.textNode(s); // SQLite keeps times as it was given them
        }
        if (o instanceof Number n) {
            return NODES.numberNode(n.longValue()); // SQLite: epoch numbers, read as such by the field finder
        }
        if (o instanceof Timestamp ts && !column.typeName().toLowerCase(java.util.Locale.ROOT).contains("tz")) {
            // timestamp without time zone: taken as UTC, the way event stores write it
            return NODES.textNode(ts.toLocalDateTime().toInstant(ZoneOffset.UTC).toString());
        }
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return NODES.textNode(t.toInstant().toString());
    }

    /** Text as is, or the JSON it holds when it is an object or array. */
    static JsonNode text(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.length() >= 2 && (t.charAt(0) == '{' || t.charAt(0) == '[')) {
            JsonNode parsed = Json.parseOrMissing(t);
            if (parsed.isContainerNode()) {
                return parsed;
            }
        }
        return NODES.textNode(s);
    }

    static JsonNode bytes(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text(s);
        } catch (CharacterCodingException e) {
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes)); // binary: kept, base64
        }
    }
}

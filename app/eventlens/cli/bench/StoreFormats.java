package eventlens.cli.bench;

import static eventlens.cli.bench.OrderSaga.aggregateId;
import static eventlens.cli.bench.OrderSaga.aggregateType;
import static eventlens.cli.bench.OrderSaga.causationId;
import static eventlens.cli.bench.OrderSaga.correlationId;
import static eventlens.cli.bench.OrderSaga.data;
import static eventlens.cli.bench.OrderSaga.id;
import static eventlens.cli.bench.OrderSaga.order;
import static eventlens.cli.bench.OrderSaga.quoted;
import static eventlens.cli.bench.OrderSaga.source;
import static eventlens.cli.bench.OrderSaga.time;
import static eventlens.cli.bench.OrderSaga.type;
import static eventlens.cli.bench.OrderSaga.uuid;
import static eventlens.cli.bench.OrderSaga.version;

/** The saga as stores export it: an event table as CSV, EventStoreDB feed pages, Debezium outbox changes. */
final class StoreFormats {
    private static final String ESDB = "http://localhost:2113/streams/";

    private StoreFormats() {
    }

    /** An event table exported as CSV with a header, the data column as JSON. */
    static GeneratedFormat csv() {
        return GeneratedFormat.lines("csv", "events.csv",
                "event_id,event_type,occurred_at,aggregate_type,aggregate_id,version,correlation_id,causation_id,source,data\n",
                i -> id(i) + ',' + type(i) + ',' + time(i) + ',' + aggregateType(i) + ',' + aggregateId(i) + ',' + version(i)
                        + ',' + correlationId(i) + ',' + (causationId(i) == null ? "" : causationId(i)) + ',' + source(i)
                        + ",\"" + data(i).replace("\"", "\"\"") + '"');
    }

    /** EventStoreDB Atom feed pages read with {@code ?embed=body}, one order's stream a page, newest first. */
    static GeneratedFormat esdb() {
        return GeneratedFormat.sagas("esdb", "esdb-feed.jsonl", (first, count) -> {
            String stream = "order-" + order(first);
            long last = first + count - 1;
            StringBuilder b = new StringBuilder(1000 * count).append("{\"title\":\"Event stream '").append(stream)
                    .append("'\",\"id\":\"").append(ESDB).append(stream).append("\",\"updated\":\"").append(time(last))
                    .append("\",\"streamId\":\"").append(stream).append("\",\"author\":{\"name\":\"EventStore\"},")
                    .append("\"headOfStream\":true,\"selfUrl\":\"").append(ESDB).append(stream).append("\",\"eTag\":\"")
                    .append(count - 1).append(";248368668\",\"links\":[{\"uri\":\"").append(ESDB).append(stream)
                    .append("\",\"relation\":\"self\"}],\"entries\":[");
            for (long i = last; i >= first; i--) {
                long number = i - first;
                String metadata = "{\"$correlationId\":\"" + uuid(i - OrderSaga.step(i)) + "\""
                        + (causationId(i) == null ? "" : ",\"$causationId\":\"" + uuid(i - 1) + "\"")
                        + ",\"service\":\"" + source(i) + "\"}";
                b.append(i < last ? "," : "").append("{\"eventId\":\"").append(uuid(i)).append("\",\"eventType\":\"")
                        .append(OrderSaga.pascalType(i)).append("\",\"eventNumber\":").append(number).append(",\"data\":")
                        .append(quoted(data(i))).append(",\"metaData\":").append(quoted(metadata)).append(",\"streamId\":\"")
                        .append(stream).append("\",\"isJson\":true,\"isMetaData\":true,\"isLinkMetaData\":false,")
                        .append("\"positionEventNumber\":").append(number).append(",\"positionStreamId\":\"").append(stream)
                        .append("\",\"title\":\"").append(number).append('@').append(stream).append("\",\"id\":\"").append(ESDB)
                        .append(stream).append('/').append(number).append("\",\"updated\":\"").append(time(i))
                        .append("\",\"summary\":\"").append(OrderSaga.pascalType(i)).append("\"}");
            }
            return b.append("]}").toString();
        });
    }

    /** Debezium change events of a transactional outbox table, one per line (JSON converter, no schema). */
    static GeneratedFormat debezium() {
        return GeneratedFormat.lines("debezium", "debezium-outbox.jsonl", "", i -> {
            long ms = time(i).toEpochMilli();
            return "{\"before\":null,\"after\":{\"id\":\"" + uuid(i) + "\",\"aggregatetype\":\"" + aggregateType(i)
                    + "\",\"aggregateid\":\"" + aggregateId(i) + "\",\"type\":\"" + type(i) + "\",\"timestamp\":\"" + time(i)
                    + "\",\"payload\":" + quoted(data(i)) + ",\"correlation_id\":\"" + uuid(i - OrderSaga.step(i)) + "\""
                    + ",\"causation_id\":" + (causationId(i) == null ? "null" : "\"" + uuid(i - 1) + "\"")
                    + ",\"tracingspancontext\":null},\"source\":{\"version\":\"2.7.3.Final\",\"connector\":\"postgresql\","
                    + "\"name\":\"shop\",\"ts_ms\":" + ms + ",\"snapshot\":\"false\",\"db\":\"shopdb\",\"sequence\":\"[null,\\\""
                    + (24023128 + i * 512) + "\\\"]\",\"schema\":\"public\",\"table\":\"outbox\",\"txId\":" + (780 + i)
                    + ",\"lsn\":" + (24023128 + i * 512) + ",\"xmin\":null},\"op\":\"c\",\"ts_ms\":" + (ms + 21)
                    + ",\"transaction\":null}";
        });
    }
}

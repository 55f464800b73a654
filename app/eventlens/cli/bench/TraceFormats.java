package eventlens.cli.bench;

import static eventlens.cli.bench.OrderSaga.hex16;
import static eventlens.cli.bench.OrderSaga.order;
import static eventlens.cli.bench.OrderSaga.source;
import static eventlens.cli.bench.OrderSaga.step;
import static eventlens.cli.bench.OrderSaga.time;
import static eventlens.cli.bench.OrderSaga.traceId;
import static eventlens.cli.bench.OrderSaga.type;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Traces of the order saga as the trace readers' sources hold them: one span per step, each the
 * child of the previous step's span, one trace per order.
 */
final class TraceFormats {
    private TraceFormats() {
    }

    /** Jaeger query-API traces, one per line, with their processes. */
    static GeneratedFormat jaeger() {
        return GeneratedFormat.sagas("jaeger", "jaeger-traces.jsonl", (first, count) -> {
            String trace = traceId(first);
            StringBuilder b = new StringBuilder(1200 * count).append("{\"traceID\":\"").append(trace).append("\",\"spans\":[");
            Set<String> services = services(first, count);
            for (long i = first; i < first + count; i++) {
                b.append(i > first ? "," : "").append("{\"traceID\":\"").append(trace).append("\",\"spanID\":\"")
                        .append(hex16(i)).append("\",\"flags\":1,\"operationName\":\"").append(type(i)).append(" process\",\"references\":[");
                if (step(i) > 0) {
                    b.append("{\"refType\":\"CHILD_OF\",\"traceID\":\"").append(trace).append("\",\"spanID\":\"")
                            .append(hex16(i - 1)).append("\"}");
                }
                b.append("],\"startTime\":").append(micros(i)).append(",\"duration\":").append(duration(i))
                        .append(",\"tags\":[{\"key\":\"span.kind\",\"type\":\"string\",\"value\":\"consumer\"},")
                        .append("{\"key\":\"messaging.system\",\"type\":\"string\",\"value\":\"kafka\"},")
                        .append("{\"key\":\"messaging.destination.name\",\"type\":\"string\",\"value\":\"orders\"},")
                        .append("{\"key\":\"order.id\",\"type\":\"string\",\"value\":\"order-").append(order(i)).append("\"},")
                        .append("{\"key\":\"otel.library.name\",\"type\":\"string\",\"value\":\"io.opentelemetry.kafka-clients-2.6\"}],")
                        .append("\"logs\":[],\"processID\":\"p").append(indexOf(services, source(i)) + 1).append("\",\"warnings\":null}");
            }
            b.append("],\"processes\":{");
            int p = 0;
            for (String service : services) {
                b.append(p > 0 ? "," : "").append("\"p").append(++p).append("\":{\"serviceName\":\"").append(service)
                        .append("\",\"tags\":[{\"key\":\"hostname\",\"type\":\"string\",\"value\":\"").append(service)
                        .append("-7f9c\"},{\"key\":\"telemetry.sdk.language\",\"type\":\"string\",\"value\":\"java\"}]}");
            }
            return b.append("},\"warnings\":null}").toString();
        });
    }

    /** OTLP/JSON documents, one per line as the collector's file exporter writes them, spans grouped by service. */
    static GeneratedFormat otlp() {
        return GeneratedFormat.sagas("otlp", "otlp-traces.jsonl", (first, count) -> {
            String trace = traceId(first);
            StringBuilder b = new StringBuilder(1200 * count).append("{\"resourceSpans\":[");
            int r = 0;
            for (String service : services(first, count)) {
                b.append(r++ > 0 ? "," : "").append("{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"")
                        .append(service).append("\"}},{\"key\":\"telemetry.sdk.language\",\"value\":{\"stringValue\":\"java\"}}]},")
                        .append("\"scopeSpans\":[{\"scope\":{\"name\":\"io.opentelemetry.kafka-clients-2.6\",\"version\":\"2.10.0\"},\"spans\":[");
                int s = 0;
                for (long i = first; i < first + count; i++) {
                    if (!source(i).equals(service)) {
                        continue;
                    }
                    long start = micros(i) * 1000;
                    b.append(s++ > 0 ? "," : "").append("{\"traceId\":\"").append(trace).append("\",\"spanId\":\"").append(hex16(i))
                            .append("\",\"parentSpanId\":\"").append(step(i) > 0 ? hex16(i - 1) : "").append("\",\"name\":\"")
                            .append(type(i)).append(" process\",\"kind\":5,\"startTimeUnixNano\":\"").append(start)
                            .append("\",\"endTimeUnixNano\":\"").append(start + duration(i) * 1000)
                            .append("\",\"attributes\":[{\"key\":\"messaging.system\",\"value\":{\"stringValue\":\"kafka\"}},")
                            .append("{\"key\":\"messaging.destination.name\",\"value\":{\"stringValue\":\"orders\"}},")
                            .append("{\"key\":\"order.id\",\"value\":{\"stringValue\":\"order-").append(order(i))
                            .append("\"}}],\"status\":{}}");
                }
                b.append("]}]}");
            }
            return b.append("]}").toString();
        });
    }

    /** Zipkin v2 spans, one per line. */
    static GeneratedFormat zipkin() {
        return GeneratedFormat.lines("zipkin", "zipkin-spans.jsonl", "", i -> {
            StringBuilder b = new StringBuilder(500).append("{\"traceId\":\"").append(traceId(i)).append('"');
            if (step(i) > 0) {
                b.append(",\"parentId\":\"").append(hex16(i - 1)).append('"');
            }
            return b.append(",\"id\":\"").append(hex16(i)).append("\",\"kind\":\"CONSUMER\",\"name\":\"").append(type(i))
                    .append(" process\",\"timestamp\":").append(micros(i)).append(",\"duration\":").append(duration(i))
                    .append(",\"localEndpoint\":{\"serviceName\":\"").append(source(i)).append("\",\"ipv4\":\"10.0.")
                    .append(step(i)).append('.').append(order(i) % 200 + 1).append("\"},\"tags\":{\"messaging.system\":\"kafka\",")
                    .append("\"messaging.destination.name\":\"orders\",\"order.id\":\"order-").append(order(i)).append("\"}}")
                    .toString();
        });
    }

    private static Set<String> services(long first, int count) {
        Set<String> services = new LinkedHashSet<>();
        for (long i = first; i < first + count; i++) {
            services.add(source(i));
        }
        return services;
    }

    private static int indexOf(Set<String> services, String service) {
        int k = 0;
        for (String s : services) {
            if (s.equals(service)) {
                return k;
            }
            k++;
        }
        return -1;
    }

    private static long micros(long i) {
        return time(i).toEpochMilli() * 1000 + i % 1000;
    }

    private static long duration(long i) {
        return 800 + i * 37 % 40000;
    }
}

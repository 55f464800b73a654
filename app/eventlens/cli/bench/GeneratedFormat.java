package eventlens.cli.bench;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A generator of files in one reader's own shape, each record a step of the {@link OrderSaga}, for
 * {@code eventlens benchmark readers}. A file of {@code records} records makes the reader deliver
 * exactly that many events and dead letters together, and no error.
 */
public interface GeneratedFormat {
    /** The reader's name in {@link eventlens.importers.ImporterRegistry}. */
    String reader();

    /** The file name to write (some readers look at it). */
    String fileName();

    /** Writes {@code records} records, streaming. */
    void write(Writer out, long records) throws IOException;

    /** One generator for each built-in reader, in the registry's order. */
    static List<GeneratedFormat> all() {
        return List.of(new SampleLogFormat(), BrokerFormats.sqs(), BrokerFormats.kafka(), BrokerFormats.rabbitMq(),
                BrokerFormats.serviceBus(), new TemporalFormat(), StoreFormats.csv(), TraceFormats.jaeger(),
                TraceFormats.otlp(), TraceFormats.zipkin(), StoreFormats.esdb(), StoreFormats.debezium());
    }

    /** How a generator writes its records. */
    @FunctionalInterface
    interface Body {
        void write(Writer out, long records) throws IOException;
    }

    /** A generator from its parts. */
    record Parts(String reader, String fileName, Body body) implements GeneratedFormat {
        @Override
        public void write(Writer out, long records) throws IOException {
            body.write(out, records);
        }
    }

    /** A format written one record per line after a header ("" for none). */
    static GeneratedFormat lines(String reader, String fileName, String header, LongFunction<String> line) {
        return new Parts(reader, fileName, (out, records) -> {
            out.write(header);
            for (long i = 0; i < records; i++) {
                out.write(line.apply(i));
                out.write('\n');
            }
        });
    }

    /** A format written as one JSON array, one element a line, as HTTP APIs answer. */
    static GeneratedFormat array(String reader, String fileName, LongFunction<String> element) {
        return new Parts(reader, fileName, (out, records) -> {
            out.write("[\n");
            for (long i = 0; i < records; i++) {
                out.write(element.apply(i));
                out.write(i + 1 < records ? ",\n" : "\n");
            }
            out.write("]\n");
        });
    }

    /** A format written one saga per line (a trace, a stream's feed page). */
    static GeneratedFormat sagas(String reader, String fileName, OrderSaga.SagaWriter saga) {
        return new Parts(reader, fileName, (out, records) -> OrderSaga.writeSagas(out, records, saga));
    }
}

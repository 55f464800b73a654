package eventlens.cli.bench;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A generator of files in one reader's own shape, each record a step of the {@link OrderSaga}, for
 * {@code eventlens benchmark-readers}. A file of {@code records} records makes the reader deliver
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

    /** A format written one record per line. */
    interface LineFormat extends GeneratedFormat {
        /** Record {@code i} as one line, without the line break. */
        String line(long i);

        /** Text before the first record (a header), empty by default. */
        default String header() {
            return "";
        }

        @Override
        default void write(Writer out, long records) throws IOException {
            out.write(header());
            for (long i = 0; i < records; i++) {
                out.write(line(i));
                out.write('\n');
            }
        }
    }

    /** A line-per-record format from its parts. */
    static LineFormat lines(String reader, String fileName, String header, java.util.function.LongFunction<String> line) {
        return new LineFormat() {
            @Override
            public String reader() {
                return reader;
            }

            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public String header() {
                return header;
            }

            @Override
            public String line(long i) {
                return line.apply(i);
            }
        };
    }

    /** A format written as one JSON array, one element a line, as HTTP APIs answer. */
    static GeneratedFormat array(String reader, String fileName, java.util.function.LongFunction<String> element) {
        return new GeneratedFormat() {
            @Override
            public String reader() {
                return reader;
            }

            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public void write(Writer out, long records) throws IOException {
                out.write("[\n");
                for (long i = 0; i < records; i++) {
                    out.write(element.apply(i));
                    out.write(i + 1 < records ? ",\n" : "\n");
                }
                out.write("]\n");
            }
        };
    }

    /** A format written one saga per line (a trace, a stream's feed page). */
    static GeneratedFormat sagas(String reader, String fileName, OrderSaga.SagaWriter saga) {
        return new GeneratedFormat() {
            @Override
            public String reader() {
                return reader;
            }

            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public void write(Writer out, long records) throws IOException {
                OrderSaga.writeSagas(out, records, saga);
            }
        };
    }
}

package eventlens.importers.json;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.importers.ImportException;
import eventlens.importers.ImportSink;
import eventlens.importers.ImportSource;
import eventlens.importers.VerbatimMember;
import eventlens.model.ImportError;
import eventlens.model.Origin;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The record splitting of {@link JsonImporter}, for other JSON-based readers: cuts a source into JSON
 * records (lines, an array, or values one after another, see {@link JsonLayout}), parses each with
 * the usual limits and hands it to a {@link RecordReader}. Records that cannot be parsed go to
 * {@link ImportSink#reject}; a reader's {@link IllegalArgumentException} becomes an error row too.
 * Comment lines are counted ({@link ImportSink#comments}); trailing commas are tolerated and reported
 * as warnings.
 */
public final class JsonRecords {
    private JsonRecords() {
    }

    /** Turns one parsed JSON record into events, dead letters or rejections. */
    @FunctionalInterface
    public interface RecordReader {
        /**
         * Reads one record.
         *
         * @param record the parsed record
         * @param raw its exact text
         * @param origin file, 1-based line where it starts, format
         * @param sink where its events and dead letters go
         * @throws IllegalArgumentException when the record is malformed; it becomes an import-error row
         */
        void read(JsonNode record, String raw, Origin origin, ImportSink sink);
    }

    /** Reads every record of {@code source} with {@code reader}, stamping origins with {@code format}. */
    public static void read(ImportSource source, String format, RecordReader reader, ImportSink sink)
            throws ImportException {
        read(source, format, reader, sink, null);
    }

    /**
     * Like {@link #read(ImportSource, String, RecordReader, ImportSink)}, handing the reader each top-level member
     * that holds an object or an array in the form {@code forms} gives its name: a tree, its verbatim text, or a tree
     * that knows its text ({@link VerbatimMember}).
     */
    public static void read(ImportSource source, String format, RecordReader reader, ImportSink sink,
            Function<String, VerbatimMember.Form> forms) throws ImportException {
        String file = source.name();
        try {
            InputStream in = new BufferedInputStream(source.input(), JsonImporter.HEAD);
            in.mark(JsonImporter.HEAD + 1);
            byte[] head = in.readNBytes(JsonImporter.HEAD);
            in.reset();
            RecordSplitter splitter = JsonLayout.of(head, head.length < JsonImporter.HEAD) == JsonLayout.LINES
                    ? new LineSplitter(in) : new ValueSplitter(in);
            splitter.split(new RecordDelivery(file, format, reader, sink, forms));
        } catch (IOException e) {
            throw new ImportException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses and delivers each record the splitter cuts. */
    private static final class RecordDelivery implements RecordHandler {
        private final String file;
        private final String format;
        private final RecordReader reader;
        private final ImportSink sink;
        private final RecordParser parser;

        RecordDelivery(String file, String format, RecordReader reader, ImportSink sink,
                Function<String, VerbatimMember.Form> forms) {
            this.file = file;
            this.format = format;
            this.reader = reader;
            this.sink = sink;
            this.parser = new RecordParser(file, forms);
        }

        @Override
        public void record(byte[] bytes, int from, int length, long line, long column, long offset) {
            try {
                deliver(bytes, from, length, line, column, offset);
            } catch (OutOfMemoryError e) {
                // The record's parse tree is garbage once we are here: the memory is back, and only this
                // record is lost. The size limit makes this unlikely at the default heap (decision 0029).
                sink.reject(new ImportError(file, line, column, "record of " + (length >> 20)
                        + " MB too big for the memory available (" + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MB heap), skipped", new String(bytes, from, Math.min(length, RecordSplitter.TOO_LONG_HEAD),
                        StandardCharsets.UTF_8)));
            }
        }

        private void deliver(byte[] bytes, int from, int length, long line, long column, long offset) {
            RecordParser.Result parsed = parser.parse(bytes, from, length, line, column, offset);
            if (parsed.error() != null) {
                sink.reject(parsed.error());
                return;
            }
            try {
                reader.read(parsed.node(), parsed.raw(), new Origin(file, line, format), sink);
            } catch (IllegalArgumentException e) {
                sink.reject(new ImportError(file, line, column, e.getMessage(), parsed.raw()));
                return;
            }
            if (parsed.warning() != null) {
                sink.reject(parsed.warning());
            }
        }

        @Override
        public void comment(long line) {
            sink.comments(1);
        }

        @Override
        public void strayComma(long line, long column, String reason) {
            sink.reject(ImportError.warning(file, line, column, reason + " (tolerated: every record was imported)", ","));
        }

        @Override
        public void tooLong(byte[] head, int headLength, long line, long column, long limit) {
            sink.reject(new ImportError(file, line, column,
                    "record longer than " + (limit >> 20) + " MB, skipped",
                    new String(head, 0, headLength, StandardCharsets.UTF_8)));
        }
    }
}

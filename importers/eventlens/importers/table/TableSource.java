package eventlens.importers.table;

import eventlens.importers.ImportException;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSink;
import eventlens.importers.RecordSource;

/**
 * A slice of a database table as a source of records for {@link eventlens.importers.ImportService#runSource},
 * recorded under {@link TableReader#sourceName} with the format {@value TableReader#FORMAT}.
 *
 * @param location the database
 * @param slice the table and the rows of it to read
 * @param reader the reader that pages through it
 */
public record TableSource(TableLocation location, TableSlice slice, TableReader reader) implements RecordSource {
    @Override
    public String name() {
        return TableReader.sourceName(location, slice);
    }

    @Override
    public String format() {
        return TableReader.FORMAT;
    }

    @Override
    public void read(ImportOptions options, ImportSink sink) throws ImportException {
        reader.read(location, slice, options, sink);
    }
}

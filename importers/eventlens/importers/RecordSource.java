package eventlens.importers;

/**
 * Records that do not come from a file (a database table's rows): read in one go into a sink, and
 * recorded by {@link ImportService#runSource} as one import named {@link #name()} in the format
 * {@link #format()}, so that the Imports view lists it and a second import of the same source counts its
 * records as imported before. It lets the import service run a reader it does not know by name.
 */
public interface RecordSource {
    /** The name the import is recorded under. */
    String name();

    /** The format the import is recorded under. */
    String format();

    /**
     * Reads every record into the sink: a bad one as an error row, the others mapped.
     *
     * @throws ImportException when the source cannot be read at all
     */
    void read(ImportOptions options, ImportSink sink) throws ImportException;
}

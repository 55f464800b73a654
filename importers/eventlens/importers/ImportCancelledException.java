package eventlens.importers;

/** Thrown through a reader when the user cancels an import; the import is then rolled back. */
public class ImportCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImportCancelledException() {
        super("import cancelled");
    }
}

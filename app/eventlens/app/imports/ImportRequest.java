package eventlens.app.imports;

import eventlens.importers.ImportOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * What to import and how: the files, a reader to use for all of them (null: detect each), and the field
 * mapping (empty: automatic) — as the import dialog or a drop decides it.
 */
public record ImportRequest(List<Path> files, String format, ImportOptions options) {
    public ImportRequest {
        files = List.copyOf(files);
        options = options == null ? ImportOptions.AUTOMATIC : options;
    }

    /** The files, every reader detected, fields found automatically. */
    public static ImportRequest automatic(List<Path> files) {
        return new ImportRequest(files, null, ImportOptions.AUTOMATIC);
    }

    /** True when nothing was chosen by hand. */
    public boolean isAutomatic() {
        return format == null && options.mapping().isEmpty();
    }
}

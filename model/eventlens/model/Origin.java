package eventlens.model;

/**
 * Where a record came from: the file (or {@code -} for standard input), the 1-based line or record
 * index inside it, and the format that read it.
 */
public record Origin(String file, long line, String format) {
    public Origin {
        file = file == null ? "" : file;
        format = format == null ? "" : format;
    }
}

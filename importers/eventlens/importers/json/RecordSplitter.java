package eventlens.importers.json;

import java.io.IOException;

/** Cuts a byte stream into records without parsing them. */
interface RecordSplitter {
    /** Longest record handed on; longer ones are reported through {@link RecordHandler#tooLong}. */
    int MAX_RECORD = 128 * 1024 * 1024;

    /** Bytes of a too-long record kept to show in the error. */
    int TOO_LONG_HEAD = 4096;

    /** Reads the whole stream, handing each record to {@code handler}. */
    void split(RecordHandler handler) throws IOException;
}

package eventlens.cli.bench;

import eventlens.model.sample.SampleLog;
import java.io.IOException;
import java.io.Writer;

/**
 * The JSON reader's file: the synthetic log of {@code eventlens sample} (seed 1), the same as the
 * import benchmark reads, so that the two sections of docs/benchmarks.md can be compared.
 */
final class SampleLogFormat implements GeneratedFormat {
    @Override
    public String reader() {
        return "json";
    }

    @Override
    public String fileName() {
        return "events.jsonl";
    }

    @Override
    public void write(Writer out, long records) throws IOException {
        new SampleLog(1).write(out, records);
    }
}

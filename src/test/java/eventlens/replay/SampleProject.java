package eventlens.replay;

import eventlens.cli.Main;
import eventlens.replay.script.ReplayScript;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixtures: the sample order log imported into a fresh project, and the sample scripts. */
final class SampleProject {
    private SampleProject() {
    }

    /** Imports samples/orders.jsonl into {@code dir}/orders.eventlens. */
    static Path orders(Path dir) {
        return of(dir, "orders");
    }

    /** Imports samples/NAME.jsonl into {@code dir}/NAME.eventlens. */
    static Path of(Path dir, String name) {
        Path project = dir.resolve(name + ".eventlens");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"import", project.toString(), "samples/" + name + ".jsonl"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        if (code != 0) {
            throw new IllegalStateException("import failed: " + err);
        }
        return project;
    }

    /** samples/scripts/NAME. */
    static ReplayScript script(String name) {
        try {
            return new ReplayScript(name, Files.readString(Path.of("samples/scripts", name)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

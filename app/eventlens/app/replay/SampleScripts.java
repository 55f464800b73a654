package eventlens.app.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The example handler scripts bundled under {@code eventlens/samples/scripts/} (copied from samples/scripts by the build). */
public final class SampleScripts {
    static final String FOLDER = "/eventlens/samples/scripts/";
    /** Known names, in menu order (resources in a jar cannot be listed portably). */
    public static final List<String> NAMES = List.of("order-pipeline.js", "flaky-payment.js", "analytics.js",
            "runaway.js", "escape.js", "upcast-orders.js");

    private SampleScripts() {
    }

    /** The text of a bundled script, if it is bundled. */
    public static Optional<String> read(String name) {
        try (InputStream in = SampleScripts.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names that are bundled. */
    public static List<String> available() {
        return NAMES.stream().filter(n -> SampleScripts.class.getResource(FOLDER + n) != null).toList();
    }
}

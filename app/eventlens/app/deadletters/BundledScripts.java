package eventlens.app.deadletters;

import eventlens.replay.script.ReplayScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The sample handler scripts bundled under {@code eventlens/samples/scripts/}. */
public final class BundledScripts {
    static final String FOLDER = "/eventlens/samples/scripts/";
    /** The bundled names, the fix of the sample's failing payment handler first. */
    public static final List<String> NAMES = List.of("fixed-payment.js", "flaky-payment.js", "order-pipeline.js",
            "analytics.js", "runaway.js", "escape.js");

    private BundledScripts() {
    }

    /** The bundled script of that name, when the build bundled it. */
    public static Optional<ReplayScript> load(String name) {
        try (InputStream in = BundledScripts.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty()
                    : Optional.of(new ReplayScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package eventlens.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sample logs bundled under {@code eventlens/samples/}: the known names, plus any listed in an
 * optional {@code index.txt} there (resources in a jar cannot be listed portably).
 */
public final class SampleLogs {
    static final String FOLDER = "/eventlens/samples/";
    static final List<String> KNOWN = List.of("orders.jsonl", "orders-dead-letters.jsonl", "bank-accounts.jsonl",
            "content-pipeline.jsonl", "order-versions.jsonl", "order-versions-dead-letters.jsonl", "schema-drift.jsonl");

    private SampleLogs() {
    }

    /** Copies every bundled sample into {@code dir}; returns the copies (empty when none are bundled). */
    public static List<Path> extractTo(Path dir) throws IOException {
        Set<String> names = new LinkedHashSet<>(KNOWN);
        try (InputStream index = SampleLogs.class.getResourceAsStream(FOLDER + "index.txt")) {
            if (index != null) {
                for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    if (!line.isBlank() && !line.contains("/")) {
                        names.add(line.strip());
                    }
                }
            }
        }
        List<Path> out = new ArrayList<>();
        for (String name : names) {
            try (InputStream in = SampleLogs.class.getResourceAsStream(FOLDER + name)) {
                if (in != null) {
                    Path target = dir.resolve(name);
                    Files.copy(in, target);
                    out.add(target);
                }
            }
        }
        return out;
    }
}

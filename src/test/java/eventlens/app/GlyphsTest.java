package eventlens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every symbol the window shows exists in DejaVu Sans, the font most Linux desktops fall back to: a glyph it
 * lacks (the time cursor's ⌖ once) is drawn as an empty box.
 */
class GlyphsTest {
    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    @Test
    void everyNonAsciiCharacterInTheAppsTextsIsInDejaVuSans() throws Exception {
        assumeTrue(Files.isRegularFile(DEJAVU), "DejaVu Sans is not installed at " + DEJAVU + "; skipped");
        Font font = Font.createFont(Font.TRUETYPE_FONT, DEJAVU.toFile());
        List<String> missing = new ArrayList<>();
        for (Path source : sources()) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                    continue; // comments are never shown
                }
                line.codePoints().filter(c -> c > 0x7f && !font.canDisplay(c)).distinct().forEach(c ->
                        missing.add(new String(Character.toChars(c)) + " U+" + Integer.toHexString(c) + " in " + source));
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("app"))) {
            return files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".css")).toList();
        }
    }
}

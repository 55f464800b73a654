package eventlens.importers.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Comment lines are blanked, line breaks and everything else kept, however the input arrives. */
class CommentLinesTest {
    private static String filter(String text, boolean oneByteAtATime) throws IOException {
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        if (oneByteAtATime) { // every chunk boundary falls somewhere awkward
            in = new FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return super.read(b, off, Math.min(len, 1));
                }
            };
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CommentLines filtered = new CommentLines(in)) {
            filtered.transferTo(out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void commentLinesAndBlocksAreBlankedKeepingTheirLineBreaks() throws IOException {
        String text = "/*\n * licence\n */\n# Kafka Message key: \"1\"\n  // note\n{\"a\": \"/* not a comment */\"}\n"
                + "/* one line */ trailing\n{\n  \"b\": \"# nor this\"\n}";
        String expected = "\n\n\n\n  \n{\"a\": \"/* not a comment */\"}\n\n{\n  \"b\": \"# nor this\"\n}";
        assertThat(filter(text, false)).isEqualTo(expected);
        assertThat(filter(text, true)).isEqualTo(expected);
    }

    @Test
    void aLoneSlashIsKeptAndTheByteOrderMarkPasses() throws IOException {
        assertThat(filter("/x\n/", true)).isEqualTo("/x\n/");
        String bom = "\uFEFF# header\n{}";
        assertThat(filter(bom, false)).isEqualTo("\uFEFF\n{}");
    }

    @Test
    void kafkaMessageNotesAreKeptForTheRecordBelowThem() throws IOException {
        String text = "# Kafka Message key: \"k-1\"\n# Kafka Message Timestamp: 1556890294484\n# other\n{}\n"
                + "#Kafka Message key: 2\n{}\n";
        try (CommentLines filtered = new CommentLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            filtered.transferTo(new ByteArrayOutputStream());
            assertThat(filtered.notesBefore(4)).containsExactly(new CommentLines.Note(1, "key", "\"k-1\""),
                    new CommentLines.Note(2, "timestamp", "1556890294484"));
            assertThat(filtered.notesBefore(4)).isEmpty(); // handed out once
            assertThat(filtered.notesBefore(6)).containsExactly(new CommentLines.Note(5, "key", "2"));
        }
    }

    @Test
    void blankedLinesAreCountedIncludingEveryLineOfABlockAndALastLineWithoutABreak() throws IOException {
        String text = "/*\n * licence\n */\n# Kafka Message key: \"1\"\n  // note\n{\"a\": \"# no\"}\n"
                + "/* one line */ trailing\n\n{}\n// last";
        for (boolean oneByte : new boolean[] {false, true}) {
            InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            if (oneByte) {
                in = new FilterInputStream(in) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return super.read(b, off, Math.min(len, 1));
                    }
                };
            }
            try (CommentLines filtered = new CommentLines(in)) {
                filtered.transferTo(new ByteArrayOutputStream());
                assertThat(filtered.commentLines()).isEqualTo(7);
            }
        }
    }

    @Test
    void anUnclosedBlockBlanksTheRest() throws IOException {
        assertThat(filter("{}\n/* open\n{\"x\":1}\n", false)).isEqualTo("{}\n\n\n");
    }
}

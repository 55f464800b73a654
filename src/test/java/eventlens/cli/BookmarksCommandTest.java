package eventlens.cli;

import static eventlens.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.cli.CommandLineTest.Run;
import eventlens.model.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventlens bookmarks}: add by link or VIEW:ID, list as text and JSON, edit, delete, and what is refused. */
class BookmarksCommandTest {
    private static final String NOTE = "it's \"odd\"\n\ttabbed — ünïcödé 🚀 '); DROP TABLE bookmarks;--";

    @TempDir
    Path dir;
    private String project;
    private String eventId;

    @BeforeEach
    void samples() {
        project = dir.resolve("p.eventlens").toString();
        assertThat(run("import", project, "samples/orders.jsonl").code()).isZero();
        eventId = Json.parseOrMissing(run("events", project, "--json", "--where", "type:payment.failed").lines().get(0))
                .get("id").asText();
    }

    @Test
    void addByViewAndIdAndByLinkThenListAsTextAndJsonWithTheNoteAsTyped() {
        Run added = run("bookmarks", project, "--add", "flows:" + eventId, "--note", NOTE);
        assertThat(added.code()).as(added.err()).isZero();
        String link = "eventlens://open?project=" + dir.resolve("p.eventlens").toAbsolutePath() + "&view=aggregates&select=order-1001";
        assertThat(run("bookmarks", project, "--add", link).code()).isZero();
        assertThat(run("bookmarks", project, "--add", "replay").code()).isZero();

        Run text = run("bookmarks", project);
        assertThat(text.lines()).hasSize(3);
        assertThat(text.lines().get(0)).startsWith("1\t").contains("\tflows\t" + eventId + "\t",
                "it's \"odd\"\\n\\ttabbed — ünïcödé 🚀 '); DROP TABLE bookmarks;--\t", "&view=flows&select=" + eventId);
        assertThat(text.lines().get(1)).contains("\taggregates\torder-1001\t");
        assertThat(text.lines().get(2)).contains("\treplay\t\t");

        JsonNode first = Json.parseOrMissing(run("bookmarks", project, "--json").lines().get(0));
        assertThat(first.get("note").asText()).isEqualTo(NOTE.strip());
        assertThat(first.get("view").asText()).isEqualTo("flows");
        assertThat(first.get("selection").asText()).isEqualTo(eventId);
        assertThat(first.get("link").asText()).endsWith("&view=flows&select=" + eventId);
        assertThat(first.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void editReplacesTheNoteAndDeleteRemovesTheBookmark() {
        run("bookmarks", project, "--add", "events:" + eventId, "--note", "first");
        Run edited = run("bookmarks", project, "--edit", "1", "--note", "second");
        assertThat(edited.code()).as(edited.err()).isZero();
        assertThat(edited.out()).contains("\tsecond\t");
        assertThat(run("bookmarks", project, "--delete", "1").out().strip()).isEqualTo("deleted bookmark 1");
        assertThat(run("bookmarks", project).out()).isEmpty();

        Run gone = run("bookmarks", project, "--delete", "1");
        assertThat(gone.code()).isEqualTo(Main.FAILED);
        assertThat(gone.err()).contains("has no bookmark 1");
    }

    @Test
    void anUnknownViewIdOrOtherProjectIsAUsageErrorAndNothingIsKept() {
        Run view = run("bookmarks", project, "--add", "timeline:evt-1");
        assertThat(view.code()).isEqualTo(Main.USAGE);
        assertThat(view.err()).contains("unknown view 'timeline'", "flows", "aggregates");
        Run id = run("bookmarks", project, "--add", "flows:no-such-id");
        assertThat(id.code()).isEqualTo(Main.USAGE);
        assertThat(id.err()).contains("has no event, flow or aggregate with id no-such-id");
        Run other = run("bookmarks", project, "--add", "eventlens://open?project=/elsewhere/x.eventlens&view=flows");
        assertThat(other.code()).isEqualTo(Main.USAGE);
        assertThat(other.err()).contains("the link is to another project (/elsewhere/x.eventlens)");
        Run tooLong = run("bookmarks", project, "--add", "events", "--note", "x".repeat(2_001));
        assertThat(tooLong.code()).isEqualTo(Main.USAGE);
        assertThat(tooLong.err()).contains("at most 2000 characters");
        assertThat(run("bookmarks", project, "--edit", "1").err()).contains("--edit 1 needs the new --note TEXT");
        assertThat(run("bookmarks", project).out()).isEmpty();
    }

    @Test
    void guiTakesAFileUriAsADesktopPassesItWithPercentEscapes() {
        Run missing = run("gui", dir.resolve("no such.eventlens").toUri().toString());
        assertThat(missing.code()).isEqualTo(Main.FAILED);
        assertThat(missing.err()).contains("no such project: " + dir.resolve("no such.eventlens"));
    }
}

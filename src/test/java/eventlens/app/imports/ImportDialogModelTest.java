package eventlens.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.SameThreadWork;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.MappingFile;
import eventlens.model.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportDialogModelTest {
    @TempDir
    Path dir;

    @Test
    void thePreviewFollowsTheFileTheReaderAndTheMappingAndTheRequestCarriesThem() throws Exception {
        Path json = Files.writeString(dir.resolve("a.jsonl"), "{\"id\":\"a1\",\"type\":\"t\"}\n{oops\n");
        Path csv = Files.writeString(dir.resolve("b.txt"), "ref,what,when\nr-1,thing.done,2024-01-01T00:00:00Z\n");
        ImportDialogModel m = new ImportDialogModel(new SameThreadWork(), ImporterRegistry.standard(), List.of(json, csv));
        m.refresh();
        assertThat(m.previewProperty().get().events()).extracting(Event::id).containsExactly("a1");
        assertThat(m.detectionProperty().get()).startsWith("Detected json (confidence 90)");
        assertThat(m.summaryProperty().get()).isEqualTo("1 events, 0 dead letters, 1 refused");
        assertThat(m.previewProperty().get().errors().get(0).line()).isEqualTo(2);

        m.shownProperty().set(csv);
        m.refresh();
        assertThat(m.detectionProperty().get()).startsWith("Detected csv");
        assertThat(m.previewProperty().get().events()).as("no id, type or time column by those names").isEmpty();
        m.pointerProperty("id").set("/ref");
        m.pointerProperty("type").set(" /what ");
        m.pointerProperty("time").set("/when");
        m.refresh();
        assertThat(m.previewProperty().get().events()).extracting(Event::id, Event::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r-1", "thing.done"));

        m.formatProperty().set("json");
        m.refresh();
        assertThat(m.detectionProperty().get()).startsWith("Read as json (it does not recognise this file)");

        ImportRequest request = m.request();
        assertThat(request.files()).containsExactly(json, csv);
        assertThat(request.format()).isEqualTo("json");
        assertThat(request.options().mapping()).isEqualTo(Map.of("id", "/ref", "type", "/what", "time", "/when"));

        Path saved = dir.resolve("mapping.json");
        m.saveMapping(saved);
        assertThat(MappingFile.read(saved)).isEqualTo(request.options().mapping());
        m.pointerProperty("id").set("");
        m.loadMapping(saved);
        assertThat(m.pointerProperty("id").get()).isEqualTo("/ref");
    }

    @Test
    void aBadPointerIsSaidWithoutReading() {
        ImportDialogModel m = new ImportDialogModel(new SameThreadWork(), ImporterRegistry.standard(),
                List.of(dir.resolve("missing.jsonl")));
        m.pointerProperty("id").set("ref");
        m.refresh();
        assertThat(m.summaryProperty().get()).startsWith("Mapping: ");
        assertThat(m.previewProperty().get()).isNull();
    }
}

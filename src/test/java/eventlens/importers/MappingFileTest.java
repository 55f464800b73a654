package eventlens.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingFileTest {
    @TempDir
    Path dir;

    @Test
    void readsFieldsToPointers() throws Exception {
        Path file = Files.writeString(dir.resolve("m.json"), "{\"id\":\"/msgId\",\"type\":\"/kind\",\"time\":\"/header/sentAt\"}");
        assertThat(MappingFile.read(file)).containsExactlyInAnyOrderEntriesOf(
                Map.of("id", "/msgId", "type", "/kind", "time", "/header/sentAt"));
    }

    @Test
    void unknownFieldIsNamedInTheError() throws Exception {
        Path file = Files.writeString(dir.resolve("m.json"), "{\"identifier\":\"/msgId\"}");
        assertThatThrownBy(() -> MappingFile.read(file)).isInstanceOf(ImportException.class)
                .hasMessageContaining("unknown field 'identifier'").hasMessageContaining("correlationId");
    }

    @Test
    void pointerMustStartWithSlash() throws Exception {
        Path file = Files.writeString(dir.resolve("m.json"), "{\"id\":\"msgId\"}");
        assertThatThrownBy(() -> MappingFile.read(file)).isInstanceOf(ImportException.class)
                .hasMessageContaining("pointer for 'id' must start with '/'");
    }

    @Test
    void invalidJsonAndNonObjectsAndMissingFilesAreClearErrors() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"id\": ");
        assertThatThrownBy(() -> MappingFile.read(broken)).hasMessageContaining("not valid JSON");
        Path array = Files.writeString(dir.resolve("array.json"), "[]");
        assertThatThrownBy(() -> MappingFile.read(array)).hasMessageContaining("JSON object of field names");
        Path number = Files.writeString(dir.resolve("number.json"), "{\"id\": 5}");
        assertThatThrownBy(() -> MappingFile.read(number)).hasMessageContaining("must be a string");
        assertThatThrownBy(() -> MappingFile.read(dir.resolve("absent.json"))).hasMessageContaining("not found");
    }
}

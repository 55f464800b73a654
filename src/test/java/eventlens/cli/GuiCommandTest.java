package eventlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuiCommandTest {
    @TempDir
    Path dir;

    @Test
    void aLogOrAFolderWhereTheProjectGoesIsOpenedAsLogsAndAProjectOrAnythingUnreadableAsAProject() throws Exception {
        Path log = Files.writeString(dir.resolve("orders.jsonl"), "{\"id\":\"e1\",\"type\":\"OrderPlaced\"}\n");
        Path project = dir.resolve("p.eventlens");
        ProjectStore.open(project).close();

        assertThat(GuiCommand.isLog(log)).isTrue();
        assertThat(GuiCommand.isLog(project)).as("a project").isFalse();
        assertThat(GuiCommand.isLog(dir.resolve("missing.jsonl"))).as("no such file: opening it says so").isFalse();
        assertThat(GuiCommand.isLog(dir)).as("a folder of logs, as import takes one").isTrue();
        assertThat(GuiCommand.isLog(Files.createFile(dir.resolve("empty.eventlens")))).as("an empty file: a new project")
                .isFalse();
    }
}

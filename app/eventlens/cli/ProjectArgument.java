package eventlens.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/**
 * The PROJECT positional parameter of the commands that read or write a project: a picocli mixin, so its
 * label and its check are written once. Its help text, which differs by command, is in {@link OptionTexts}.
 */
final class ProjectArgument {
    @Parameters(index = "0", paramLabel = "PROJECT", descriptionKey = "project")
    Path file;

    /** The project file as given. */
    Path file() {
        return file;
    }

    /** The project file, which must already exist (every command but import), else a {@link CommandFailure}. */
    Path existing() {
        return Main.existingProject(file);
    }

    @Override
    public String toString() {
        return String.valueOf(file);
    }
}

package eventlens.app.replay;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The script in the editor: its text, its name, the file it came from, and the line of the last error. */
public final class ScriptFile {
    static final String UNTITLED = "untitled.js";
    private final BackgroundWork work;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(UNTITLED);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final IntegerProperty errorLine = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private java.util.function.Consumer<String> onOpened = t -> { };

    ScriptFile(BackgroundWork work) {
        this.work = work;
        text.addListener((obs, old, now) -> errorLine.set(0));
    }

    /** Replaces the text with a bundled example. */
    public void openExample(String example) {
        SampleScripts.read(example).ifPresentOrElse(t -> show(example, null, t),
                () -> message.set("No bundled example " + example));
    }

    /** Reads a script file (off the FX thread). */
    public void open(Path path) {
        BackgroundTask.of(context -> Files.readString(path))
                .onSuccess(t -> show(path.getFileName().toString(), path, t))
                .onFailure(e -> message.set("Cannot read " + path.getFileName() + ": " + e.getMessage()))
                .executeWith(work);
    }

    /** Writes the text to {@code path} (off the FX thread); the script takes the file's name. */
    public void save(Path path) {
        String t = text.get();
        BackgroundTask.of(context -> Files.writeString(path, t))
                .onSuccess(p -> {
                    file.set(path);
                    name.set(path.getFileName().toString());
                    message.set("Saved " + path.getFileName());
                })
                .onFailure(e -> message.set("Cannot save " + path.getFileName() + ": " + e.getMessage()))
                .executeWith(work);
    }

    private void show(String newName, Path path, String t) {
        text.set(t);
        name.set(newName);
        file.set(path);
        message.set("");
        onOpened.accept(t);
    }

    /** What to do with the text of a script just opened (an example or a file), e.g. apply its {@link ScriptSetup}. */
    void setOnOpened(java.util.function.Consumer<String> action) {
        onOpened = action;
    }

    void markError(int line) {
        errorLine.set(line);
    }

    public String name() {
        return name.get();
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** The file the script was read from or saved to; null for an example or a new script. */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** 1-based line of the last script error; 0 when none (cleared by editing). */
    public IntegerProperty errorLineProperty() {
        return errorLine;
    }

    /** The last file problem or confirmation. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}

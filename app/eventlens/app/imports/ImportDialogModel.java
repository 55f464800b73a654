package eventlens.app.imports;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportPreview;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.MappingFile;
import eventlens.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The import dialog's state: the files chosen, the one previewed, the reader (detected unless chosen),
 * the field mapping typed by the user, and the preview of the first records as they would be imported,
 * read on a worker each time one of these changes ({@link #refresh}).
 */
public final class ImportDialogModel {
    /** Records shown in the preview. */
    public static final int PREVIEW_RECORDS = 50;
    /** The fields the mapping grid offers, in reading order. */
    public static final List<String> FIELDS = List.of("id", "type", "time", "source", "aggregateType", "aggregateId",
            "version", "correlationId", "causationId", "data", "metadata");

    private final BackgroundWork work;
    private final ImporterRegistry registry;
    private final List<Path> files;
    private final ObjectProperty<Path> shown = new SimpleObjectProperty<>();
    /** The reader chosen by the user; null: detect each file. */
    private final ObjectProperty<String> format = new SimpleObjectProperty<>();
    private final Map<String, StringProperty> pointers = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<ImportPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper detection = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private long generation;

    public ImportDialogModel(BackgroundWork work, ImporterRegistry registry, List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file to import");
        }
        this.work = work;
        this.registry = registry;
        this.files = List.copyOf(files);
        FIELDS.forEach(f -> pointers.put(f, new SimpleStringProperty("")));
        shown.set(files.get(0));
    }

    public List<Path> files() {
        return files;
    }

    /** The reader names the format box offers (after "detect"). */
    public List<String> formats() {
        return registry.all().stream().map(i -> i.name()).toList();
    }

    /** Reads the first records of the shown file again, with the current reader and mapping. */
    public void refresh() {
        long current = ++generation;
        Path file = shown.get();
        String chosen = format.get();
        Map<String, String> mapping = mapping();
        List<String> problems = MappingFile.problems(mapping);
        if (!problems.isEmpty()) {
            summary.set("Mapping: " + String.join("; ", problems));
            return;
        }
        loading.set(true);
        summary.set("Reading the first records of " + file.getFileName() + "…");
        BackgroundTask.of(context -> ImportPreview.of(registry, file, chosen, new ImportOptions(mapping), PREVIEW_RECORDS))
                .onSuccess(p -> {
                    if (current == generation) {
                        show(p);
                    }
                })
                .onFailure(error -> {
                    if (current == generation) {
                        preview.set(null);
                        summary.set("Cannot preview: " + error.getMessage());
                    }
                })
                .onFinished(() -> {
                    if (current == generation) {
                        loading.set(false);
                    }
                })
                .executeWith(work);
    }

    private void show(ImportPreview p) {
        preview.set(p);
        String others = p.candidates().stream().filter(c -> !c.format().equals(p.format()))
                .map(c -> c.format() + " " + c.confidence()).collect(Collectors.joining(", "));
        int confidence = p.candidates().stream().filter(c -> c.format().equals(p.format()))
                .mapToInt(ImportPreview.Candidate::confidence).findFirst().orElse(0);
        detection.set(p.format() == null ? "No reader recognises this file."
                : (format.get() == null ? "Detected " + p.format() + " (confidence " + confidence + ")"
                        : "Read as " + p.format() + (confidence > 0 ? " (it would answer " + confidence + ")"
                                : " (it does not recognise this file)"))
                        + (others.isEmpty() ? "" : " · also interested: " + others));
        summary.set(p.problem() != null ? p.problem()
                : String.format("%d events, %d dead letters, %d refused%s", p.events().size(), p.deadLetters().size(),
                        p.errors().size(), p.more() ? " in the first " + PREVIEW_RECORDS + " records; the file holds more"
                                : ""));
    }

    /** The fields the user mapped by hand (blank ones left out). */
    public Map<String, String> mapping() {
        Map<String, String> out = new LinkedHashMap<>();
        pointers.forEach((field, pointer) -> {
            String p = pointer.get() == null ? "" : pointer.get().strip();
            if (!p.isEmpty()) {
                out.put(field, p);
            }
        });
        return out;
    }

    /** Writes the mapping as a mapping file, for {@code eventlens import --mapping} and later imports. */
    public void saveMapping(Path file) throws IOException {
        Files.writeString(file, Json.write(Json.mapper().valueToTree(mapping())) + "\n");
    }

    /** Fills the mapping grid from a mapping file. */
    public void loadMapping(Path file) throws eventlens.importers.ImportException {
        Map<String, String> read = MappingFile.read(file);
        pointers.forEach((field, pointer) -> pointer.set(read.getOrDefault(field, "")));
    }

    /** What the Import button imports. */
    public ImportRequest request() {
        return new ImportRequest(files, format.get(), new ImportOptions(mapping()));
    }

    public ObjectProperty<Path> shownProperty() {
        return shown;
    }

    public ObjectProperty<String> formatProperty() {
        return format;
    }

    /** The JSON pointer typed for a field ("" for automatic). */
    public StringProperty pointerProperty(String field) {
        return pointers.get(field);
    }

    public ReadOnlyObjectProperty<ImportPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Which reader, how sure, which others were interested. */
    public ReadOnlyStringProperty detectionProperty() {
        return detection.getReadOnlyProperty();
    }

    /** What the preview holds, or why there is none. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}

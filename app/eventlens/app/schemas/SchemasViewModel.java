package eventlens.app.schemas;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.app.work.Progress;
import eventlens.app.work.TaskContext;
import eventlens.model.schema.DriftChange;
import eventlens.model.schema.EventRef;
import eventlens.model.schema.SchemaCatalog;
import eventlens.model.schema.SchemaDrift;
import eventlens.model.schema.SchemaFolder;
import eventlens.model.schema.SchemaValidation;
import eventlens.model.schema.TypeSchema;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.SchemasTable;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Schemas view's state: every type and version with its counts; the selected one's inferred schema as
 * a tree with presence; its drift (all types' drift when none is selected); and the failures of the last
 * validation. Schemas are read on a worker, and inferred there first, with progress, for a project imported
 * before schemas were kept.
 */
public final class SchemasViewModel {
    /** Validation failures listed; all are stored in the project and counted in the summary. */
    static final int FAILURE_PAGE = 1000;

    private final BackgroundWork work;
    private final ObservableList<TypeSchema> types = FXCollections.observableArrayList();
    private final ObservableList<DriftChange> drift = FXCollections.observableArrayList();
    private final ObservableList<SchemasTable.Failure> failures = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TypeSchema> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FieldRow> fields = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private Consumer<String> showInEvents = filter -> { };
    private ProjectStore store;
    private List<DriftChange> allDrift = List.of();
    /** Whether the view is shown: schemas are read (and inferred, for an older project) only for a shown view. */
    private boolean shown;
    /** Whether what is listed is not the open project's current schemas. */
    private boolean stale = true;
    private eventlens.app.work.TaskHandle loading;

    public SchemasViewModel(BackgroundWork work) {
        this.work = work;
    }

    /** Where "open event" goes: the Events view with a filter ({@code id:…}). */
    public void setShowInEvents(Consumer<String> showInEvents) {
        this.showInEvents = showInEvents;
    }

    public void setStore(ProjectStore newStore) {
        this.store = newStore;
        reload();
    }

    /**
     * Whether the Schemas view is on screen: a project imported before schemas were kept has its events read
     * once to infer them, which is left until someone looks.
     */
    public void setShown(boolean now) {
        shown = now;
        if (shown && stale) {
            reload();
        }
    }

    /** Reads the schemas again (after an import), inferring them first when the project has none yet. */
    public void reload() {
        if (loading != null) {
            loading.cancel();
            loading = null;
        }
        stale = true;
        busy.set(false);
        types.clear();
        drift.clear();
        failures.clear();
        allDrift = List.of();
        selected.set(null);
        fields.set(null);
        validation.set("");
        if (store == null) {
            message.set("No project open.");
            return;
        }
        if (!shown) {
            message.set("");
            return;
        }
        stale = false;
        ProjectStore from = store;
        busy.set(true);
        message.set("Reading the schemas…");
        loading = BackgroundTask.of(context -> load(from, context))
                .onProgress(p -> {
                    progress.set(p.fraction());
                    message.set(p.message());
                })
                .onSuccess(loaded -> {
                    if (from != store) {
                        return;
                    }
                    busy.set(false);
                    types.setAll(loaded.schemas());
                    allDrift = SchemaDrift.of(loaded.schemas());
                    drift.setAll(allDrift);
                    failures.setAll(loaded.failures());
                    validation.set(loaded.validatedAgainst().isEmpty() ? "" : validationText(loaded.failureCount(),
                            loaded.validatedAgainst()));
                    message.set(summary(loaded.schemas(), allDrift));
                    loading = null;
                    // Open on a type whose shape changed, if any: its tree and drift are what the view is for.
                    select(loaded.schemas().stream().filter(s -> allDrift.stream().anyMatch(c -> c.type().equals(s.type())))
                            .findFirst().orElse(loaded.schemas().isEmpty() ? null : loaded.schemas().getFirst()));
                })
                .onCancelled(() -> {
                    if (from == store) {
                        busy.set(false);
                        stale = true;
                        message.set("Inferring the schemas was cancelled.");
                    }
                })
                .onFailure(error -> {
                    busy.set(false);
                    message.set("Cannot read the schemas: " + error.getMessage());
                })
                .executeWith(work);
    }

    private record Loaded(List<TypeSchema> schemas, List<SchemasTable.Failure> failures, long failureCount,
            String validatedAgainst) {
    }

    private static Loaded load(ProjectStore from, TaskContext context) {
        boolean inferring = !SchemaCatalog.upToDate(from);
        List<TypeSchema> schemas = SchemaCatalog.schemas(from, new SchemaCatalog.Progress() {
            @Override
            public void events(long done, long total) {
                context.progress(Progress.of(done, total, String.format("Inferring schemas from the stored events "
                        + "(once; kept with the project after): %,d of %,d", done, total)));
            }

            @Override
            public boolean cancelled() {
                return context.cancelled();
            }
        });
        if (schemas == null) {
            throw new java.util.concurrent.CancellationException();
        }
        try (SchemasTable table = new SchemasTable(from)) {
            return new Loaded(schemas, table.failures(0, FAILURE_PAGE), table.failureCount(), table.validatedAgainst());
        } finally {
            if (inferring) {
                context.progress(Progress.of(1, 1, "Schemas inferred"));
            }
        }
    }

    /** Shows one type and version (null: all types' drift, no field tree). */
    public void select(TypeSchema schema) {
        selected.set(schema);
        if (schema == null) {
            fields.set(null);
            drift.setAll(allDrift);
            return;
        }
        fields.set(FieldRow.tree(schema.fields(), schema.shapedEvents()));
        drift.setAll(allDrift.stream().filter(c -> c.type().equals(schema.type())).toList());
    }

    /** Checks every event against the JSON Schema files of a folder; the failures then list. */
    public void validate(Path folder) {
        if (store == null || busy.get()) {
            return;
        }
        ProjectStore from = store;
        busy.set(true);
        validation.set("Validating against " + folder + "…");
        BackgroundTask.of(context -> {
            SchemaFolder schemas = SchemaFolder.read(folder);
            SchemaValidation.Outcome o = SchemaValidation.run(from, schemas, new SchemaCatalog.Progress() {
                @Override
                public void events(long done, long total) {
                    context.progress(Progress.of(done, total, String.format("Validating: %,d of %,d events", done, total)));
                }

                @Override
                public boolean cancelled() {
                    return context.cancelled();
                }
            });
            if (o == null) {
                throw new java.util.concurrent.CancellationException();
            }
            return o;
        }).onProgress(p -> progress.set(p.fraction()))
                .onSuccess(o -> {
                    if (from != store) {
                        return;
                    }
                    busy.set(false);
                    failures.setAll(o.failures());
                    validation.set(o.checked() + " events checked, " + o.invalid() + " invalid"
                            + (o.unchecked().isEmpty() ? "" : ", " + o.unchecked().values().stream().mapToLong(Long::longValue)
                                    .sum() + " without a schema file") + byRule(o) + " — " + folder);
                })
                .onCancelled(() -> {
                    busy.set(false);
                    validation.set("Validation cancelled.");
                })
                .onFailure(error -> {
                    busy.set(false);
                    validation.set("Cannot validate: " + error.getMessage());
                })
                .executeWith(work);
    }

    /** Opens an event of a drift change or a failure in the Events view. */
    public void openEvent(EventRef event) {
        if (event != null) {
            showInEvents.accept("id:" + event.id());
        }
    }

    /** Opens the event of a validation failure in the Events view. */
    public void openEvent(SchemasTable.Failure failure) {
        if (failure != null) {
            showInEvents.accept("id:" + failure.eventId());
        }
    }

    static String summary(List<TypeSchema> schemas, List<DriftChange> drift) {
        long typeCount = schemas.stream().map(TypeSchema::type).distinct().count();
        long versioned = schemas.stream().filter(s -> s.version() != null).count();
        return typeCount + (typeCount == 1 ? " type" : " types") + (versioned > 0 ? ", " + versioned + " declared versions" : "")
                + ", " + drift.size() + (drift.size() == 1 ? " change" : " changes") + " of shape";
    }

    private static String validationText(long failureCount, String folder) {
        return failureCount + (failureCount == 1 ? " failure" : " failures") + " from the last validation against " + folder;
    }

    private static String byRule(SchemaValidation.Outcome o) {
        StringBuilder b = new StringBuilder();
        o.byTypeAndRule().forEach((type, rules) -> rules.forEach((rule, n) ->
                b.append(b.isEmpty() ? " (" : ", ").append(type).append(' ').append(rule).append(' ').append(n)));
        return b.isEmpty() ? "" : b.append(")").toString();
    }

    public ObservableList<TypeSchema> types() {
        return types;
    }

    public ObservableList<DriftChange> drift() {
        return drift;
    }

    public ObservableList<SchemasTable.Failure> failures() {
        return failures;
    }

    public ReadOnlyObjectProperty<TypeSchema> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected type's field tree (null when none is selected). */
    public ReadOnlyObjectProperty<FieldRow> fieldsProperty() {
        return fields.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}

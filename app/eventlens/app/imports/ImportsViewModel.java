package eventlens.app.imports;

import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.ImportError;
import eventlens.model.store.ImportRecord;
import eventlens.model.store.ProjectStore;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The imports of a project with their counts, and the errors of the selected one (first page). */
public final class ImportsViewModel {
    /** Errors listed for one import; the rest stay in the project (and the command line lists them all). */
    static final int ERROR_PAGE = 1000;

    private final BackgroundWork work;
    private final ObservableList<ImportRecord> imports = FXCollections.observableArrayList();
    private final ObservableList<ImportError> errors = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ImportRecord> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper errorsTitle = new ReadOnlyStringWrapper("Select an import to see its errors.");
    private ProjectStore store;

    public ImportsViewModel(BackgroundWork work) {
        this.work = work;
    }

    public void setStore(ProjectStore newStore) {
        this.store = newStore;
        reload();
    }

    public void reload() {
        imports.clear();
        select(null);
        if (store == null) {
            return;
        }
        ProjectStore from = store;
        BackgroundTask.of(context -> from.imports())
                .onSuccess(list -> {
                    if (from == store) {
                        imports.setAll(list);
                    }
                })
                .executeWith(work);
    }

    public void select(ImportRecord record) {
        selected.set(record);
        errors.clear();
        if (record == null || store == null) {
            errorsTitle.set("Select an import to see its errors.");
            return;
        }
        if (record.failed() == 0 && record.warnings() == 0) {
            errorsTitle.set(record.file() + ": every record was read" + commentNote(record) + ".");
            return;
        }
        ProjectStore from = store;
        errorsTitle.set("Loading errors…");
        BackgroundTask.of(context -> from.importErrors(record.id(), 0, ERROR_PAGE))
                .onSuccess(list -> {
                    if (selected.get() == record) {
                        errors.setAll(list);
                        errorsTitle.set(errorsTitle(record, list.size()));
                    }
                })
                .onFailure(error -> errorsTitle.set("Cannot read the errors: " + error.getMessage()))
                .executeWith(work);
    }

    /** "2 records could not be read, 1 warning (first 1000 shown): file". */
    static String errorsTitle(ImportRecord record, int shown) {
        long failed = record.failed();
        long warnings = record.warnings();
        String what = failed > 0 ? failed + (failed == 1 ? " record" : " records") + " could not be read" : "";
        if (warnings > 0) {
            what += (what.isEmpty() ? "" : ", ") + warnings + (warnings == 1 ? " warning" : " warnings");
        }
        return what + (failed + warnings > shown ? " (first " + shown + " shown)" : "") + commentNote(record)
                + ": " + record.file();
    }

    private static String commentNote(ImportRecord record) {
        long c = record.comments();
        return c == 0 ? "" : " (" + c + (c == 1 ? " comment line" : " comment lines") + " skipped)";
    }

    public ObservableList<ImportRecord> imports() {
        return imports;
    }

    public ObservableList<ImportError> errors() {
        return errors;
    }

    public ReadOnlyObjectProperty<ImportRecord> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorsTitleProperty() {
        return errorsTitle.getReadOnlyProperty();
    }
}

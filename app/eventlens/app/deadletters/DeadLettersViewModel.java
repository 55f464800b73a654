package eventlens.app.deadletters;

import eventlens.app.links.IdLink;
import eventlens.app.work.BackgroundTask;
import eventlens.app.work.BackgroundWork;
import eventlens.model.DeadLetter;
import eventlens.model.deadletter.DeadLetterFilter;
import eventlens.model.deadletter.DeadLetterGroup;
import eventlens.model.deadletter.DeadLetterGroups;
import eventlens.model.store.ProjectStore;
import eventlens.replay.script.ScriptEngine;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Dead letters view's state: the filters, the failure groups (largest first, each with its
 * failures over time), the entries of the selected group a page at a time, the selected entry in
 * context ({@link EntryDetailViewModel}) and dry-run retries ({@link DryRunViewModel}).
 */
public final class DeadLettersViewModel {
    static final int PAGE = 200;
    static final int BUCKETS = 24;

    private final BackgroundWork work;
    private final StringProperty queue = new SimpleStringProperty("");
    private final StringProperty handler = new SimpleStringProperty("");
    private final StringProperty eventType = new SimpleStringProperty("");
    private final StringProperty errorText = new SimpleStringProperty("");
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final ObservableList<GroupRow> groups = FXCollections.observableArrayList();
    private final ObservableList<DeadLetter> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<GroupRow> selectedGroup = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper entriesText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper();
    private final EntryDetailViewModel detail;
    private final DryRunViewModel dryRun;
    private final List<Long> pageStarts = new ArrayList<>();
    private ProjectStore store;
    private DeadLetterGroups source;
    private DeadLetterFilter filter = DeadLetterFilter.ALL;
    private long generation;

    /** Dead letters whose dry-run retries run on {@code engine}, the window's one engine (its owner closes it). */
    public DeadLettersViewModel(BackgroundWork work, Supplier<ScriptEngine> engine) {
        this.work = work;
        this.detail = new EntryDetailViewModel(work);
        this.dryRun = new DryRunViewModel(work, engine);
    }

    /** Where a click on an id of the selected entry goes (the application's navigation). */
    public void setFollow(Consumer<IdLink> action) {
        detail.setFollow(action);
    }

    public void setStore(ProjectStore newStore) {
        if (source != null) {
            // Its connection may be in the middle of a query: closed on a worker, never on the FX thread.
            DeadLetterGroups old = source;
            BackgroundTask.of(context -> {
                old.close();
                return null;
            }).named("Closing the dead-letter groups").executeWith(work);
        }
        store = newStore;
        source = newStore == null ? null : new DeadLetterGroups(newStore);
        detail.setStore(newStore);
        dryRun.setStore(newStore, source);
        reload();
    }

    /** Reads the filter fields and shows the groups they select. */
    public void applyFilter() {
        try {
            filter = new DeadLetterFilter(blank(queue.get()), blank(handler.get()), blank(eventType.get()),
                    blank(errorText.get()), time(from.get()), time(to.get()), null);
            filterError.set("");
        } catch (DateTimeParseException e) {
            filterError.set("Times are ISO-8601, e.g. 2024-01-15T10:30:00Z");
            return;
        }
        reload();
    }

    public void clearFilter() {
        for (StringProperty p : List.of(queue, handler, eventType, errorText, from, to)) {
            p.set("");
        }
        applyFilter();
    }

    public void reload() {
        long gen = ++generation;
        groups.clear();
        selectGroup(null);
        if (source == null) {
            summary.set("");
            return;
        }
        DeadLetterGroups from = source;
        DeadLetterFilter f = filter;
        BackgroundTask.of(ctx -> Sparklines.rows(from, f, from.all(f), BUCKETS))
                .onSuccess(rows -> {
                    if (gen == generation) {
                        showGroups(rows, f);
                    }
                })
                .onFailure(e -> summary.set("Cannot read dead letters: " + e.getMessage()))
                .executeWith(work);
    }

    private void showGroups(List<GroupRow> rows, DeadLetterFilter f) {
        groups.setAll(rows);
        long total = rows.stream().mapToLong(r -> r.group().count()).sum();
        summary.set(total == 0 ? "No dead letters" + (f.equals(DeadLetterFilter.ALL) ? " in this project." : " match.")
                : total + " dead letter" + (total == 1 ? "" : "s") + " in " + rows.size() + " group"
                + (rows.size() == 1 ? "" : "s"));
    }

    public void selectGroup(GroupRow row) {
        if (row != null && row == selectedGroup.get()) {
            return; // already selected (the table following a selection made here): its page stays
        }
        selectedGroup.set(row);
        pageStarts.clear();
        pageStarts.add(0L);
        entries.clear();
        detail.select(null);
        dryRun.clear();
        entriesText.set("");
        hasPrevious.set(false);
        hasNext.set(false);
        if (row != null) {
            loadPage();
        }
    }

    public void nextPage() {
        if (hasNext.get()) {
            pageStarts.add(entries.get(entries.size() - 1).key());
            loadPage();
        }
    }

    public void previousPage() {
        if (pageStarts.size() > 1) {
            pageStarts.remove(pageStarts.size() - 1);
            loadPage();
        }
    }

    private void loadPage() {
        long gen = generation;
        GroupRow row = selectedGroup.get();
        DeadLetterFilter f = groupFilter();
        long after = pageStarts.get(pageStarts.size() - 1);
        int page = pageStarts.size();
        DeadLetterGroups from = source;
        BackgroundTask.of(ctx -> from.entries(f, after, PAGE + 1))
                .onSuccess(list -> {
                    if (gen == generation && row == selectedGroup.get()) {
                        boolean more = list.size() > PAGE;
                        showPage(row, more ? list.subList(0, PAGE) : list, more, page);
                    }
                })
                .onFailure(e -> entriesText.set("Cannot read entries: " + e.getMessage()))
                .executeWith(work);
    }

    private void showPage(GroupRow row, List<DeadLetter> list, boolean more, int page) {
        entries.setAll(list);
        hasNext.set(more);
        hasPrevious.set(page > 1);
        long first = (long) (page - 1) * PAGE + 1;
        entriesText.set(entries.isEmpty() ? "" : first + "–" + (first + entries.size() - 1) + " of " + row.group().count());
    }

    /**
     * Shows the dead letter with this store key selected: its group selected, the page it is on, its context.
     * When the filter hides it the filter is cleared; an unknown key says so in the summary.
     */
    public void reveal(long key) {
        long gen = ++generation;
        DeadLetterGroups from = source;
        if (from == null) {
            return;
        }
        DeadLetterFilter f = filter;
        BackgroundTask.of(ctx -> EntryFinder.find(from, f, key, PAGE, BUCKETS))
                .onSuccess(found -> {
                    if (gen != generation) {
                        return;
                    }
                    if (found.isEmpty()) {
                        summary.set("No dead letter #" + key + " in this project.");
                        return;
                    }
                    show(found.get());
                })
                .onFailure(e -> summary.set("Cannot find dead letter #" + key + ": " + e.getMessage()))
                .executeWith(work);
    }

    private void show(EntryFinder.Found found) {
        if (!found.filter().equals(filter)) {
            for (StringProperty p : List.of(queue, handler, eventType, errorText, from, to)) {
                p.set("");
            }
            filter = found.filter();
            filterError.set("");
        }
        showGroups(found.rows(), found.filter());
        GroupRow row = found.group();
        selectedGroup.set(row);
        dryRun.clear();
        pageStarts.clear();
        pageStarts.addAll(found.pageStarts());
        showPage(row, found.page(), found.more(), pageStarts.size());
        detail.select(found.entry());
    }

    /** The current filter restricted to the selected group (the whole filter when none is selected). */
    public DeadLetterFilter groupFilter() {
        GroupRow row = selectedGroup.get();
        return row == null ? filter : filter.withFingerprint(row.group().fingerprint());
    }

    public void selectEntry(DeadLetter d) {
        detail.select(d);
    }

    /** Dry-runs the selected group (through the current filter) with the chosen script. */
    public void dryRunGroup() {
        if (selectedGroup.get() != null) {
            dryRun.run(groupFilter(), null);
        }
    }

    /** Dry-runs the selected entry with the chosen script. */
    public void dryRunEntry() {
        DeadLetter d = detail.selected();
        if (d != null) {
            dryRun.run(groupFilter(), d);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant time(String s) {
        return blank(s) == null ? null : Instant.parse(s.strip());
    }

    public StringProperty queueProperty() {
        return queue;
    }

    public StringProperty handlerProperty() {
        return handler;
    }

    public StringProperty eventTypeProperty() {
        return eventType;
    }

    public StringProperty errorTextProperty() {
        return errorText;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public ObservableList<GroupRow> groups() {
        return FXCollections.unmodifiableObservableList(groups);
    }

    public ObservableList<DeadLetter> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    public ReadOnlyObjectProperty<GroupRow> selectedGroupProperty() {
        return selectedGroup.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty entriesTextProperty() {
        return entriesText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    public EntryDetailViewModel detail() {
        return detail;
    }

    public DryRunViewModel dryRun() {
        return dryRun;
    }

    /** Groups of the selected project, for tests and the command line's comparison. */
    List<DeadLetterGroup> groupList() {
        return groups.stream().map(GroupRow::group).toList();
    }
}

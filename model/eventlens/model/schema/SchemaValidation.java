package eventlens.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import eventlens.model.DeclaredVersion;
import eventlens.model.Event;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.SchemasTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks every event of a project against the schema files of a {@link SchemaFolder} (the event's
 * {@code data} against the schema of its type and declared version) and stores the failures, one per failed
 * rule, in the project ({@link SchemasTable#addFailures}): {@link SchemasTable#invalidPositions()} then
 * gives the positions of the invalid events, for a query such as {@code is:invalid}. Events of types without
 * a schema file are counted as unchecked.
 */
public final class SchemaValidation {
    private static final int PAGE = 2000;
    /** Failures an outcome holds in memory; all are stored in the project. */
    public static final int KEPT = 1000;

    /**
     * What a validation found.
     *
     * @param checked events checked against a schema
     * @param unchecked events of types without a schema file, by type
     * @param invalid events that failed at least one rule
     * @param byTypeAndRule invalid events by type and failed rule ({@code type → rule → events})
     * @param failures the first {@link #KEPT} failed rules, in log order (all are stored in the project)
     */
    public record Outcome(long checked, Map<String, Long> unchecked, long invalid,
            Map<String, Map<String, Long>> byTypeAndRule, List<SchemasTable.Failure> failures) {
    }

    private SchemaValidation() {
    }

    /** Validates every event and stores the failures (replacing an earlier validation's); null when cancelled. */
    public static Outcome run(ProjectStore store, SchemaFolder folder, SchemaCatalog.Progress progress) {
        try (SchemasTable table = new SchemasTable(store)) {
            return run(store, table, folder, progress);
        }
    }

    private static Outcome run(ProjectStore store, SchemasTable table, SchemaFolder folder,
            SchemaCatalog.Progress progress) {
        boolean keep = table.writable();
        if (keep) {
            table.clearFailures();
        }
        long total = store.eventCount();
        long checked = 0;
        long invalid = 0;
        long done = 0;
        Map<String, Long> unchecked = new TreeMap<>();
        Map<String, Map<String, Long>> byTypeAndRule = new TreeMap<>();
        List<SchemasTable.Failure> failures = new ArrayList<>();
        List<SchemasTable.Failure> pageFailures = new ArrayList<>();
        // Read ahead on a thread of its own, texts unpacked there (as the schemas' catch-up, decision 0079).
        try (PagesAhead pages = new PagesAhead(store, 0, PAGE, Long.MAX_VALUE)) {
            for (List<Event> page = pages.next(); !page.isEmpty(); page = pages.next()) {
                for (Event e : page) {
                    String version = DeclaredVersion.mayDeclare(e.raw(), e.metadata()) ? DeclaredVersion.of(e) : null;
                    SchemaFolder.Entry entry = folder.schemaFor(e.type(), version);
                    if (entry == null) {
                        unchecked.merge(e.type() == null ? "" : e.type(), 1L, Long::sum);
                        continue;
                    }
                    checked++;
                    List<SchemasTable.Failure> found = check(e, version, entry);
                    if (!found.isEmpty()) {
                        invalid++;
                        pageFailures.addAll(found);
                        for (SchemasTable.Failure f : found) {
                            if (failures.size() < KEPT) {
                                failures.add(f);
                            }
                        }
                        found.stream().map(SchemasTable.Failure::rule).distinct().forEach(rule -> byTypeAndRule
                                .computeIfAbsent(e.type(), k -> new TreeMap<>()).merge(rule, 1L, Long::sum));
                    }
                }
                if (keep && !pageFailures.isEmpty()) {
                    table.addFailures(pageFailures);
                }
                pageFailures.clear();
                done += page.size();
                progress.events(done, total);
                if (progress.cancelled()) {
                    return null;
                }
            }
        }
        if (keep) {
            table.finishFailures(folder.folder().toAbsolutePath().toString());
        }
        return new Outcome(checked, unchecked, invalid, byTypeAndRule, failures);
    }

    /** The failed rules of one event against one schema file. */
    static List<SchemasTable.Failure> check(Event e, String version, SchemaFolder.Entry entry) {
        JsonNode data = e.dataTree();
        if (data.isMissingNode()) {
            data = com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        List<SchemasTable.Failure> out = new ArrayList<>();
        for (Error error : entry.schema().validate(data)) {
            String path = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
            out.add(new SchemasTable.Failure(e.position(), e.id(), e.type(), version,
                    entry.file().getFileName().toString(), String.valueOf(error.getKeyword()), path, error.getMessage()));
        }
        return out;
    }
}

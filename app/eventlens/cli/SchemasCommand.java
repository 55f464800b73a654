package eventlens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Json;
import eventlens.model.schema.DriftChange;
import eventlens.model.schema.EventRef;
import eventlens.model.schema.FieldSchema;
import eventlens.model.schema.JsonSchemaExport;
import eventlens.model.schema.SchemaCatalog;
import eventlens.model.schema.SchemaDrift;
import eventlens.model.schema.SchemaFolder;
import eventlens.model.schema.SchemaValidation;
import eventlens.model.schema.TypeSchema;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.SchemasTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eventlens schemas PROJECT [TYPE] [--drift] [--validate DIR] [--export-json-schema FILE] [--json]}:
 * the inferred schema of each event type (decision 0039).
 */
@Command(name = "schemas", description = "Inferred schemas: every event type with its versions and shapes; "
        + "with TYPE (or TYPE@VERSION) its fields with types, presence, formats and enum values; --drift lists "
        + "where shapes changed, --validate DIR checks every event against JSON Schema files (TYPE.json, TYPE.vN.json).")
final class SchemasCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TYPE", description = "one event type, or TYPE@VERSION")
    String type;

    @Option(names = "--drift", description = "list where each type's shape changed, with the first and last event showing it")
    boolean drift;

    @Option(names = "--validate", paramLabel = "DIR", description = "check every event against the JSON Schema files "
            + "in DIR (TYPE.json or TYPE.vN.json) and list failures by type and rule")
    Path validate;

    @Option(names = "--export-json-schema", paramLabel = "FILE", description = "write the inferred schema of TYPE "
            + "as a JSON Schema to FILE ('-': standard output)")
    Path export;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ProjectStore store = ProjectStore.open(project.existing())) {
            if (!SchemaCatalog.upToDate(store)) {
                err.println("Inferring schemas from the stored events (once; kept with the project after)…");
            }
            List<TypeSchema> all = SchemaCatalog.schemas(store, new Progress(err));
            List<TypeSchema> chosen = chosen(all);
            if (export != null) {
                exportSchema(chosen, out);
            } else if (validate != null) {
                validate(store, out, err);
            } else if (drift) {
                printDrift(SchemaDrift.of(chosen), out);
            } else if (type != null) {
                printFields(chosen, out);
            } else {
                printTypes(chosen, out);
            }
        }
        return 0;
    }

    private List<TypeSchema> chosen(List<TypeSchema> all) {
        if (type == null) {
            return all;
        }
        List<TypeSchema> found = all.stream().filter(s -> s.type().equals(type) || s.label().equals(type)).toList();
        if (found.isEmpty()) {
            throw new CommandFailure("no events of type " + type + " (" + all.size() + " types and versions; "
                    + "'eventlens schemas " + project + "' lists them)");
        }
        return found;
    }

    private void printTypes(List<TypeSchema> all, PrintWriter out) {
        if (!output.json()) {
            out.println(TextCells.row("TYPE", "VERSION", "EVENTS", "SHAPES", "FIELDS", "FIRST", "LAST"));
        }
        for (TypeSchema s : all) {
            if (output.json()) {
                ObjectNode o = Json.mapper().createObjectNode();
                o.put("type", s.type());
                o.put("version", s.version());
                o.put("events", s.events());
                o.put("shapes", s.shapes().size());
                o.put("fields", s.paths().size());
                o.set("first", ref(s.first()));
                o.set("last", ref(s.last()));
                out.println(Json.write(o));
            } else {
                out.println(TextCells.row(s.type(), s.version() == null ? "-" : s.version(),
                        Long.toString(s.events()), Integer.toString(s.shapes().size()), Integer.toString(s.paths().size()),
                        text(s.first()), text(s.last())));
            }
        }
    }

    private void printFields(List<TypeSchema> schemas, PrintWriter out) {
        for (TypeSchema s : schemas) {
            if (output.json()) {
                ObjectNode o = Json.mapper().createObjectNode();
                o.put("type", s.type());
                o.put("version", s.version());
                o.put("events", s.events());
                ArrayNode fields = o.putArray("fields");
                for (FieldSchema f : s.fields()) {
                    ObjectNode field = fields.addObject();
                    field.put("path", f.path());
                    field.set("types", Json.mapper().valueToTree(f.types()));
                    field.put("present", f.present());
                    field.put("format", f.format() == null ? null : f.format().label());
                    field.set("enum", Json.mapper().valueToTree(f.enumValues()));
                    field.set("examples", Json.mapper().valueToTree(f.examples()));
                }
                out.println(Json.write(o));
                continue;
            }
            out.println(s.label() + ": " + s.events() + " events, " + s.shapes().size() + " shapes"
                    + (s.otherShapeEvents() > 0 ? " (" + s.otherShapeEvents() + " events of further shapes not shaped)" : ""));
            for (FieldSchema f : s.fields()) {
                if (f.path().isEmpty()) {
                    continue;
                }
                String values = !f.enumValues().isEmpty() ? "enum " + String.join(", ", f.enumValues())
                        : f.examples().isEmpty() || f.types().containsKey("object") || f.types().containsKey("array") ? ""
                        : "e.g. " + String.join(", ", f.examples());
                out.println(TextCells.row("  " + f.path(), String.join("|", f.types().keySet()),
                        percent(f.present(), s.shapedEvents()), f.format() == null ? "" : f.format().label(), values));
            }
        }
    }

    private void printDrift(List<DriftChange> changes, PrintWriter out) {
        if (changes.isEmpty() && !output.json()) {
            out.println("No drift: every type kept one shape (per declared version).");
        }
        for (DriftChange c : changes) {
            if (output.json()) {
                ObjectNode o = Json.mapper().createObjectNode();
                o.put("type", c.type());
                o.put("version", c.version());
                o.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
                o.put("path", c.path());
                o.put("detail", c.detail());
                o.put("events", c.events());
                o.put("acrossVersions", c.across());
                o.set("first", ref(c.first()));
                o.set("last", ref(c.last()));
                out.println(Json.write(o));
            } else {
                out.println(TextCells.row(c.version() == null ? c.type() : c.type() + "@" + c.version(), c.kind().words(),
                        c.path().isEmpty() ? "(shape)" : c.path(), c.detail(), c.events() + " events",
                        "first " + text(c.first()), "last " + text(c.last())));
            }
        }
    }

    private void validate(ProjectStore store, PrintWriter out, PrintWriter err) {
        SchemaFolder folder;
        try {
            folder = SchemaFolder.read(validate);
        } catch (IOException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        SchemaValidation.Outcome o = SchemaValidation.run(store, folder, new Progress(err));
        if (output.json()) {
            ObjectNode n = Json.mapper().createObjectNode();
            n.put("checked", o.checked());
            n.put("invalid", o.invalid());
            n.set("unchecked", Json.mapper().valueToTree(o.unchecked()));
            n.set("byTypeAndRule", Json.mapper().valueToTree(o.byTypeAndRule()));
            n.set("failures", Json.mapper().valueToTree(o.failures()));
            out.println(Json.write(n));
            return;
        }
        out.println(o.checked() + " events checked against " + folder.entries().size() + " schema files, "
                + o.invalid() + " invalid");
        for (Map.Entry<String, Long> u : o.unchecked().entrySet()) {
            out.println(TextCells.row("  " + u.getKey(), "unchecked (no schema file)", u.getValue() + " events"));
        }
        for (var t : o.byTypeAndRule().entrySet()) {
            for (var r : t.getValue().entrySet()) {
                out.println(TextCells.row("  " + t.getKey(), r.getKey(), r.getValue() + " events"));
            }
        }
        for (SchemasTable.Failure f : o.failures()) {
            out.println(TextCells.row("#" + f.position(), f.eventId(), f.type() + (f.version() == null ? "" : "@" + f.version()),
                    f.schemaFile(), f.rule(), f.path(), f.message()));
        }
        if (o.failures().size() < totalFailures(store)) {
            out.println("… the first " + o.failures().size() + " failures shown; all are stored in the project");
        }
    }

    private static long totalFailures(ProjectStore store) {
        try (SchemasTable table = new SchemasTable(store)) {
            return table.failureCount();
        }
    }

    private void exportSchema(List<TypeSchema> chosen, PrintWriter out) {
        if (type == null || chosen.size() != 1) {
            throw new CommandFailure("--export-json-schema needs one TYPE" + (chosen.size() > 1 ? "@VERSION: "
                    + chosen.stream().map(TypeSchema::label).toList() : ""));
        }
        String text = Json.pretty(Json.write(JsonSchemaExport.of(chosen.getFirst())));
        if (export.toString().equals("-")) {
            out.println(text);
            return;
        }
        try {
            Files.writeString(export, text + System.lineSeparator());
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + export + ": " + e.getMessage(), e);
        }
        spec.commandLine().getErr().println("Wrote the JSON Schema of " + chosen.getFirst().label() + " to " + export);
    }

    private static ObjectNode ref(EventRef r) {
        if (r == null) {
            return null;
        }
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("position", r.position());
        o.put("id", r.id());
        return o;
    }

    private static String text(EventRef r) {
        return r == null ? "-" : "#" + r.position() + " " + r.id();
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : part == whole ? "always" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** Progress to standard error, at most every 10 %. */
    private static final class Progress implements SchemaCatalog.Progress {
        private final PrintWriter err;
        private long shown = -1;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void events(long done, long total) {
            long tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth != shown && total >= 100_000) {
                shown = tenth;
                err.println("  " + done + " of " + total + " events read");
            }
        }
    }
}

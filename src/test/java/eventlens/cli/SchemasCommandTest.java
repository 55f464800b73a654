package eventlens.cli;

import static eventlens.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventlens schemas} on samples/schema-drift.jsonl, whose changes are known (samples/README.md). */
class SchemasCommandTest {
    @TempDir
    Path dir;

    private String project;

    @BeforeEach
    void importTheSample() {
        project = dir.resolve("p.db").toString();
        assertThat(run("import", project, "samples/schema-drift.jsonl").code()).isZero();
    }

    @Test
    void listsTypesWithVersionsAndCounts() {
        CommandLineTest.Run r = run("schemas", project);
        assertThat(r.code()).isZero();
        // One shape per OrderPlaced version: its total is written 20.0, 23.5… in every event. Data written out
        // from a tree turned 20.0 into 20, an integer, and counted two shapes (decision 0068).
        assertThat(r.lines()).containsExactly("TYPE\tVERSION\tEVENTS\tSHAPES\tFIELDS\tFIRST\tLAST",
                "CustomerRegistered\t-\t14\t6\t8\t#25 evt-sd-025\t#38 evt-sd-038",
                "OrderPlaced\t1\t6\t1\t6\t#1 evt-sd-001\t#11 evt-sd-011",
                "OrderPlaced\t2\t6\t1\t9\t#13 evt-sd-013\t#23 evt-sd-023",
                "PaymentCaptured\t-\t12\t1\t5\t#2 evt-sd-002\t#24 evt-sd-024");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void showsATypesFieldsWithPresenceFormatsAndEnums() {
        CommandLineTest.Run r = run("schemas", project, "CustomerRegistered");
        assertThat(r.lines()).contains("  tier\tstring\talways\t\tenum \"gold\", \"silver\", \"bronze\"",
                "  email\tstring\t71.4%\t\te.g. \"c1@example.com\", \"c2@example.com\", \"c3@example.com\"");
        assertThat(r.out()).contains("  age\tinteger|string\talways\tnumber-as-string");
    }

    @Test
    void driftListsEachKnownChangeWithItsFirstEvent() throws Exception {
        CommandLineTest.Run r = run("schemas", project, "--drift", "--json");
        assertThat(r.code()).isZero();
        java.util.List<String> found = new java.util.ArrayList<>();
        for (String line : r.lines()) {
            JsonNode c = Json.mapper().readTree(line);
            found.add(c.get("type").asText() + " " + c.get("kind").asText() + " " + c.get("path").asText() + " "
                    + c.get("first").get("id").asText());
        }
        assertThat(found).containsExactly(
                "CustomerRegistered stray_shape  evt-sd-029",
                "CustomerRegistered became_optional email evt-sd-031",
                "CustomerRegistered appeared phone evt-sd-032",
                "CustomerRegistered type_changed age evt-sd-034",
                "OrderPlaced type_changed items[] evt-sd-013",
                "OrderPlaced appeared items[].productId evt-sd-013",
                "OrderPlaced appeared items[].quantity evt-sd-013",
                "OrderPlaced appeared placedAt evt-sd-013");
    }

    @Test
    void anExportedSchemaValidatesItsOwnEventsAndRejectsTheOtherVersion() throws Exception {
        Path schemas = Files.createDirectories(dir.resolve("schemas"));
        assertThat(run("schemas", project, "OrderPlaced@2", "--export-json-schema",
                schemas.resolve("OrderPlaced.json").toString()).code()).isZero();
        CommandLineTest.Run r = run("schemas", project, "--validate", schemas.toString(), "--json");
        assertThat(r.code()).isZero();
        JsonNode o = Json.mapper().readTree(r.out());
        assertThat(o.get("checked").asLong()).isEqualTo(12);
        assertThat(o.get("invalid").asLong()).as("the six version-1 events").isEqualTo(6);
        assertThat(o.get("byTypeAndRule").get("OrderPlaced").get("required").asLong()).isEqualTo(6);
        assertThat(o.get("unchecked").get("CustomerRegistered").asLong()).isEqualTo(14);
    }

    @Test
    void anUnknownTypeAndAnExportWithoutOneTypeAreClearFailures() {
        CommandLineTest.Run unknown = run("schemas", project, "NoSuchType");
        assertThat(unknown.code()).isEqualTo(Main.FAILED);
        assertThat(unknown.err()).contains("no events of type NoSuchType");
        CommandLineTest.Run both = run("schemas", project, "OrderPlaced", "--export-json-schema", "-");
        assertThat(both.code()).isEqualTo(Main.FAILED);
        assertThat(both.err()).contains("needs one TYPE@VERSION").contains("OrderPlaced@1");
    }

    /** The query language's schema terms from the command line: the same groups as the listing above. */
    @Test
    void schemaAndIsInvalidQueriesWorkFromTheCommandLine() throws Exception {
        assertThat(ids("events", project, "--json", "--where", "schema:OrderPlaced@v2")).containsExactly(
                "evt-sd-013", "evt-sd-015", "evt-sd-017", "evt-sd-019", "evt-sd-021", "evt-sd-023");
        assertThat(run("query", project, "schema:OrderPlaced@1").out().strip()).isEqualTo("6");
        assertThat(run("query", project, "schema:CustomerRegistered").out().strip()).isEqualTo("14");

        CommandLineTest.Run notYet = run("query", project, "is:invalid");
        assertThat(notYet.code()).isEqualTo(Main.FAILED);
        assertThat(notYet.err()).contains("is:invalid needs a validation first")
                .contains("eventlens schemas PROJECT --validate DIR");

        Path schemas = Files.createDirectories(dir.resolve("schemas"));
        assertThat(run("schemas", project, "OrderPlaced@2", "--export-json-schema",
                schemas.resolve("OrderPlaced.json").toString()).code()).isZero();
        assertThat(run("schemas", project, "--validate", schemas.toString()).code()).isZero();
        assertThat(ids("events", project, "--json", "--where", "is:invalid")).containsExactly(
                "evt-sd-001", "evt-sd-003", "evt-sd-005", "evt-sd-007", "evt-sd-009", "evt-sd-011");
        assertThat(run("query", project, "is:invalid AND NOT schema:OrderPlaced@1").out().strip()).isEqualTo("0");
    }

    private static java.util.List<String> ids(String... args) throws Exception {
        CommandLineTest.Run r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String line : r.lines()) {
            out.add(Json.mapper().readTree(line).get("id").asText());
        }
        return out;
    }
}

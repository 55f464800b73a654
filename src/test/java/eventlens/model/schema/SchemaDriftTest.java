package eventlens.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Drift found in hand-written logs whose changes are known. */
class SchemaDriftTest {
    private static List<DriftChange> drift(String... data) {
        SchemaInference inference = new SchemaInference();
        for (int i = 0; i < data.length; i++) {
            inference.observe(i + 1, "e" + (i + 1), "T", null, data[i]);
        }
        return SchemaDrift.of(inference.schemas());
    }

    private static DriftChange only(List<DriftChange> changes, DriftChange.Kind kind, String path) {
        List<DriftChange> found = changes.stream().filter(c -> c.kind() == kind && c.path().equals(path)).toList();
        assertThat(found).as("%s %s in %s", kind, path, changes).hasSize(1);
        return found.getFirst();
    }

    @Test
    void aFieldThatAppearsIsShownFromItsFirstEvent() {
        List<DriftChange> changes = drift("{\"a\":1}", "{\"a\":2}", "{\"a\":3,\"b\":1}", "{\"a\":4,\"b\":2}");
        DriftChange c = only(changes, DriftChange.Kind.APPEARED, "b");
        assertThat(c.first()).isEqualTo(new EventRef(3, "e3"));
        assertThat(c.last()).isEqualTo(new EventRef(4, "e4"));
        assertThat(c.events()).isEqualTo(2);
        assertThat(changes).hasSize(1);
    }

    @Test
    void aFieldThatDisappearsIsShownByTheEventsWithoutIt() {
        List<DriftChange> changes = drift("{\"a\":1,\"b\":1}", "{\"a\":2,\"b\":1}", "{\"a\":3}", "{\"a\":4}");
        DriftChange c = only(changes, DriftChange.Kind.DISAPPEARED, "b");
        assertThat(c.first()).isEqualTo(new EventRef(3, "e3"));
        assertThat(c.last()).isEqualTo(new EventRef(4, "e4"));
    }

    @Test
    void aTypeChangeIsShownFromTheFirstEventOfTheNewType() {
        List<DriftChange> changes = drift("{\"items\":[\"a\"]}", "{\"items\":[\"b\"]}",
                "{\"items\":[{\"id\":\"a\"}]}", "{\"items\":[{\"id\":\"b\"}]}");
        DriftChange c = only(changes, DriftChange.Kind.TYPE_CHANGED, "items[]");
        assertThat(c.detail()).isEqualTo("string → object");
        assertThat(c.first().position()).isEqualTo(3);
        assertThat(changes).extracting(DriftChange::kind).contains(DriftChange.Kind.APPEARED);
    }

    @Test
    void aFieldAlwaysPresentThenSometimesMissingBecameOptional() {
        List<DriftChange> changes = drift("{\"a\":1}", "{\"a\":1}", "{}", "{\"a\":1}", "{}", "{\"a\":1}");
        DriftChange c = only(changes, DriftChange.Kind.BECAME_OPTIONAL, "a");
        assertThat(c.first().position()).isEqualTo(3);
        assertThat(c.last().position()).isEqualTo(5);
        assertThat(c.events()).isEqualTo(2);
    }

    @Test
    void aRareShapeAmidOthersIsAStrayAndNothingElse() {
        String usual = "{\"a\":1,\"b\":\"x\"}";
        String[] log = new String[12];
        java.util.Arrays.fill(log, usual);
        log[6] = "{\"a\":\"1\"}";
        List<DriftChange> changes = drift(log);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(DriftChange.Kind.STRAY_SHAPE);
            assertThat(c.first()).isEqualTo(new EventRef(7, "e7"));
            assertThat(c.detail()).contains("missing b").contains("a integer → string");
        });
    }

    @Test
    void anUnchangingTypeHasNoDrift() {
        assertThat(drift("{\"a\":1}", "{\"a\":2}", "{\"a\":3}")).isEmpty();
    }

    @Test
    void versionsAreComparedWithTheOneBefore() {
        SchemaInference inference = new SchemaInference();
        inference.observe(1, "e1", "OrderPlaced", "1", "{\"items\":[\"p1\"],\"note\":\"x\"}");
        inference.observe(2, "e2", "OrderPlaced", "2", "{\"items\":[{\"productId\":\"p1\",\"quantity\":1}]}");
        List<DriftChange> changes = SchemaDrift.of(inference.schemas());
        assertThat(changes).allMatch(DriftChange::across);
        assertThat(changes).extracting(c -> c.kind() + " " + c.path()).containsExactlyInAnyOrder(
                "TYPE_CHANGED items[]", "APPEARED items[].productId", "APPEARED items[].quantity", "DISAPPEARED note");
        assertThat(changes).allMatch(c -> c.first().equals(new EventRef(2, "e2")));
    }
}

package eventlens.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shapes, presence, types, examples, enum-like fields and formats inferred from hand-written events. */
class SchemaInferenceTest {
    private static TypeSchema only(SchemaInference inference) {
        List<TypeSchema> all = inference.schemas();
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    private static FieldSchema field(TypeSchema s, String path) {
        return s.fields().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void fieldsCarryTheirTypesPresenceAndNestedPaths() {
        SchemaInference inference = new SchemaInference();
        inference.observe(1, "a", "OrderPlaced", null, "{\"id\":\"o-1\",\"items\":[{\"sku\":\"S1\",\"qty\":1}],\"note\":null}");
        inference.observe(2, "b", "OrderPlaced", null, "{\"id\":\"o-2\",\"items\":[{\"sku\":\"S2\",\"qty\":2.5}]}");
        TypeSchema s = only(inference);
        assertThat(s.events()).isEqualTo(2);
        assertThat(s.shapes()).hasSize(2);
        assertThat(field(s, "").types()).containsExactly(Map.entry("object", 2L));
        assertThat(field(s, "items[].sku").present()).isEqualTo(2);
        assertThat(field(s, "items[].qty").types()).containsOnly(Map.entry("integer", 1L), Map.entry("number", 1L));
        assertThat(field(s, "note").present()).isEqualTo(1);
        assertThat(field(s, "note").types()).containsOnlyKeys("null");
        assertThat(field(s, "items[].sku").parent()).isEqualTo("items[]");
        assertThat(field(s, "items[]").parent()).isEqualTo("items");
        assertThat(field(s, "id").examples()).containsExactly("\"o-1\"", "\"o-2\"");
    }

    @Test
    void memberOrderAndRepeatedElementsDoNotMakeANewShape() {
        SchemaInference inference = new SchemaInference();
        inference.observe(1, "a", "T", null, "{\"a\":1,\"b\":[1,2,3]}");
        inference.observe(2, "b", "T", null, "{\"b\":[4],\"a\":7}");
        assertThat(only(inference).shapes()).hasSize(1);
        assertThat(only(inference).shapes().getFirst().events()).isEqualTo(2);
    }

    @Test
    void fewRepeatedValuesAreEnumLikeAndFormatsAreRecognised() {
        SchemaInference inference = new SchemaInference();
        String[] status = {"open", "closed", "open", "open", "closed", "open"};
        for (int i = 0; i < status.length; i++) {
            inference.observe(i + 1, "e" + i, "T", null, "{\"status\":\"" + status[i] + "\",\"at\":\"2024-01-15T10:3" + i
                    + ":00.123Z\",\"ref\":\"123e4567-e89b-12d3-a456-42661417400" + i + "\",\"amount\":\"" + i + ".50\","
                    + "\"name\":\"n" + i + "\"}");
        }
        TypeSchema s = only(inference);
        assertThat(field(s, "status").enumValues()).containsExactly("\"open\"", "\"closed\"");
        assertThat(field(s, "name").enumValues()).isEmpty();
        assertThat(field(s, "at").format()).isEqualTo(StringFormat.TIMESTAMP);
        assertThat(field(s, "ref").format()).isEqualTo(StringFormat.UUID);
        assertThat(field(s, "amount").format()).isEqualTo(StringFormat.NUMBER_AS_STRING);
        assertThat(field(s, "name").format()).isNull();
    }

    @Test
    void declaredVersionsMakeGroupsOfTheirOwn() {
        SchemaInference inference = new SchemaInference();
        inference.observe(new eventlens.model.Event(1, "a", "T", null, null, null, null, null, null, null,
                "{\"x\":1}", null, "{\"id\":\"a\",\"type\":\"T\",\"eventVersion\":1,\"data\":{\"x\":1}}", null));
        inference.observe(new eventlens.model.Event(2, "b", "T", null, null, null, null, null, null, null,
                "{\"x\":\"1\"}", null, "{\"id\":\"b\",\"type\":\"T\",\"eventVersion\":2,\"data\":{\"x\":\"1\"}}", null));
        inference.observe(new eventlens.model.Event(3, "c", "T", null, null, null, null, 4L, null, null,
                "{\"x\":1}", null, "{\"id\":\"c\",\"type\":\"T\",\"version\":4,\"data\":{\"x\":1}}", null));
        assertThat(inference.schemas()).extracting(TypeSchema::label).containsExactly("T", "T@1", "T@2");
    }

    @Test
    void shapesPerTypeAreCappedAndTheRestCounted() {
        SchemaInference inference = new SchemaInference();
        for (int i = 0; i < SchemaInference.MAX_SHAPES + 5; i++) {
            inference.observe(i + 1, "e" + i, "T", null, "{\"f" + i + "\":1}");
        }
        TypeSchema s = only(inference);
        assertThat(s.shapes()).hasSize(SchemaInference.MAX_SHAPES);
        assertThat(s.otherShapeEvents()).isEqualTo(5);
        assertThat(s.events()).isEqualTo(SchemaInference.MAX_SHAPES + 5);
    }

    @Test
    void valuesAreSampledOnceATypeIsBigButCountsStayExact() {
        SchemaInference inference = new SchemaInference();
        int n = SchemaInference.SAMPLE_FIRST + 1000;
        for (int i = 0; i < n; i++) {
            inference.observe(i + 1, "e" + i, "T", null, "{\"n\":" + i + "}");
        }
        TypeSchema s = only(inference);
        assertThat(field(s, "n").present()).isEqualTo(n);
        FieldValues v = s.values().getFirst();
        assertThat(v.sampled()).isEqualTo(SchemaInference.SAMPLE_FIRST + 1000 / SchemaInference.SAMPLE_EVERY);
    }

    @Test
    void storedSchemasResumeWhereTheyStopped() {
        SchemaInference first = new SchemaInference();
        first.observe(1, "a", "T", null, "{\"x\":1}");
        SchemaInference resumed = SchemaInference.resume(SchemaCatalog.parse(SchemaCatalog.rows(first.schemas())));
        resumed.observe(2, "b", "T", null, "{\"x\":2}");
        resumed.observe(3, "c", "T", null, "{\"x\":2,\"y\":true}");
        TypeSchema s = only(resumed);
        assertThat(s.events()).isEqualTo(3);
        assertThat(s.shapes()).hasSize(2);
        assertThat(s.shapes().getFirst().events()).isEqualTo(2);
        assertThat(s.first()).isEqualTo(new EventRef(1, "a"));
        assertThat(field(s, "x").examples()).containsExactly("1", "2");
    }

    @Test
    void dataThatIsNotJsonOrAbsentIsAShapeOfItsOwn() {
        SchemaInference inference = new SchemaInference();
        inference.observe(1, "a", "T", null, null);
        inference.observe(2, "b", "T", null, "not json");
        inference.observe(3, "c", "T", null, "{}");
        assertThat(only(inference).shapes()).hasSize(3);
    }
}

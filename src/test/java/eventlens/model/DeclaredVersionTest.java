package eventlens.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeclaredVersionTest {

    private static Event event(String raw, String metadata) {
        return new Event(0, "e1", "OrderPlaced", null, null, null, null, 7L, null, null, "{}", metadata, raw, null);
    }

    @Test
    void aTopLevelEventVersionIsTheVersionNotTheAggregateVersion() {
        assertThat(DeclaredVersion.of(event("{\"eventVersion\":2,\"version\":7}", null))).isEqualTo("2");
        assertThat(DeclaredVersion.of(event("{\"SchemaVersion\":\"v1.0\"}", null))).isEqualTo("1.0");
    }

    @Test
    void metadataAndItsHeadersAreReadWhenTheRecordHasNone() {
        assertThat(DeclaredVersion.of(event("{}", "{\"schema_version\":\"3\"}"))).isEqualTo("3");
        assertThat(DeclaredVersion.of(event("{}", "{\"headers\":{\"eventVersion\":\"2.1\"}}"))).isEqualTo("2.1");
    }

    @Test
    void theCloudEventsDataschemaGivesItsLastVersionPart() {
        assertThat(DeclaredVersion.fromUri("https://example.com/schemas/order/v2")).isEqualTo("2");
        assertThat(DeclaredVersion.fromUri("https://example.com/schemas/order-2.0.json")).isEqualTo("2.0");
        assertThat(DeclaredVersion.fromUri("urn:schema:order?version=3")).isEqualTo("3");
        assertThat(DeclaredVersion.fromUri("http://localhost/schema")).isNull();
        assertThat(DeclaredVersion.of(Json.parseOrMissing("{\"dataschema\":\"https://x.io/s/v4\"}"),
                Json.parseOrMissing(null))).isEqualTo("4");
    }

    @Test
    void noDeclarationAndOddValuesGiveNull() {
        assertThat(DeclaredVersion.of(event("{\"version\":5}", null))).isNull();
        assertThat(DeclaredVersion.of(event("{\"eventVersion\":null}", "{\"eventVersion\":{}}"))).isNull();
        assertThat(DeclaredVersion.of(event("not json", "not json"))).isNull();
    }

    @Test
    void aRecordMayDeclareWhereverAVersionFieldEndsInAnyCaseAndNotOtherwise() {
        String pad = "{\"id\":\"evt-1\",\"version\":3,\"data\":{\"note\":\"conversion\"},";
        for (String field : new String[] {"eventVersion", "SCHEMAVERSION", "event_version", "schema_Version", "dataVersion"}) {
            for (int shift = 0; shift < 6; shift++) {
                String raw = pad + "x".repeat(shift) + "\"" + field + "\":2}";
                assertThat(DeclaredVersion.mayDeclare(raw, null)).as(raw).isTrue();
                assertThat(DeclaredVersion.mayDeclare("{}", raw)).as(raw).isTrue();
            }
        }
        for (int shift = 0; shift < 12; shift++) {
            assertThat(DeclaredVersion.mayDeclare("{" + "a".repeat(shift) + "\"dataschema\":\"urn:x\"}", null)).isTrue();
        }
        assertThat(DeclaredVersion.mayDeclare("dataschema", null)).isTrue();
        assertThat(DeclaredVersion.mayDeclare("{\"dataschem\":1,\"ataschema\":2}", null)).isFalse();
        assertThat(DeclaredVersion.mayDeclare(pad + "\"aversion\":1,\"versions\":[]}", "{\"subversion\":1}")).isFalse();
        assertThat(DeclaredVersion.mayDeclare("rsion", null)).isFalse();
        assertThat(DeclaredVersion.mayDeclare(null, null)).isFalse();
    }
}

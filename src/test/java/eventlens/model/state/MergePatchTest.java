package eventlens.model.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergePatchTest {
    static JsonNode json(String text) {
        return Json.parseOrMissing(text);
    }

    /** RFC 7396, Appendix A: every example, target | patch | result. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"a\":\"b\"}             | {\"a\":\"c\"}            | {\"a\":\"c\"}",
        "{\"a\":\"b\"}             | {\"b\":\"c\"}            | {\"a\":\"b\",\"b\":\"c\"}",
        "{\"a\":\"b\"}             | {\"a\":null}             | {}",
        "{\"a\":\"b\",\"b\":\"c\"} | {\"a\":null}             | {\"b\":\"c\"}",
        "{\"a\":[\"b\"]}           | {\"a\":\"c\"}            | {\"a\":\"c\"}",
        "{\"a\":\"c\"}             | {\"a\":[\"b\"]}          | {\"a\":[\"b\"]}",
        "{\"a\":{\"b\":\"c\"}}     | {\"a\":{\"b\":\"d\",\"c\":null}} | {\"a\":{\"b\":\"d\"}}",
        "{\"a\":[{\"b\":\"c\"}]}   | {\"a\":[1]}              | {\"a\":[1]}",
        "[\"a\",\"b\"]             | [\"c\",\"d\"]            | [\"c\",\"d\"]",
        "{\"a\":\"b\"}             | [\"c\"]                  | [\"c\"]",
        "{\"a\":\"foo\"}           | null                     | null",
        "{\"a\":\"foo\"}           | \"bar\"                  | \"bar\"",
        "{\"e\":null}              | {\"a\":1}                | {\"e\":null,\"a\":1}",
        "[1,2]                     | {\"a\":\"b\",\"c\":null} | {\"a\":\"b\"}",
        "{}                        | {\"a\":{\"bb\":{\"ccc\":null}}} | {\"a\":{\"bb\":{}}}"})
    void rfc7396AppendixA(String target, String patch, String result) {
        assertThat(MergePatch.apply(json(target), json(patch))).isEqualTo(json(result));
    }

    @Test
    void theRfcSection3ExampleMergesNestedMembersAndRemovesNulls() {
        JsonNode target = json("{\"title\":\"Goodbye!\",\"author\":{\"givenName\":\"John\",\"familyName\":\"Doe\"},"
                + "\"tags\":[\"example\",\"sample\"],\"content\":\"This will be unchanged\"}");
        JsonNode patch = json("{\"title\":\"Hello!\",\"phoneNumber\":\"+01-123-456-7890\",\"author\":{\"familyName\":null},"
                + "\"tags\":[\"example\"]}");
        assertThat(MergePatch.apply(target, patch)).isEqualTo(json("{\"title\":\"Hello!\",\"author\":{\"givenName\":\"John\"},"
                + "\"tags\":[\"example\"],\"content\":\"This will be unchanged\",\"phoneNumber\":\"+01-123-456-7890\"}"));
    }

    @Test
    void neitherTheTargetNorThePatchIsModified() {
        JsonNode target = json("{\"a\":{\"b\":1,\"c\":2},\"d\":[1]}");
        JsonNode patch = json("{\"a\":{\"b\":null,\"e\":3},\"d\":null}");
        JsonNode targetCopy = target.deepCopy();
        JsonNode patchCopy = patch.deepCopy();
        JsonNode result = MergePatch.apply(target, patch);
        assertThat(result).isEqualTo(json("{\"a\":{\"c\":2,\"e\":3}}"));
        assertThat(target).isEqualTo(targetCopy);
        assertThat(patch).isEqualTo(patchCopy);
    }

    @Test
    void anAbsentPatchLeavesTheStateAsItWas() {
        JsonNode target = json("{\"a\":1}");
        assertThat(MergePatch.apply(target, json(null))).isSameAs(target);
    }
}

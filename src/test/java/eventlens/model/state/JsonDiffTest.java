package eventlens.model.state;

import static eventlens.model.state.MergePatchTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonDiffTest {
    @Test
    void reportsAddedRemovedAndChangedPathsWithOldAndNewValues() {
        List<Change> changes = JsonDiff.diff(
                json("{\"status\":\"paid\",\"items\":[{\"sku\":\"A\",\"qty\":1}],\"note\":\"x\",\"total\":10}"),
                json("{\"status\":\"shipped\",\"items\":[{\"sku\":\"B\",\"qty\":1},{\"sku\":\"C\"}],\"total\":10.0,\"carrier\":\"DHL\"}"));
        assertThat(changes).extracting(c -> c.kind() + " " + c.path())
                .containsExactly("CHANGED status", "CHANGED items[0].sku", "ADDED items[1]", "REMOVED note", "ADDED carrier");
        assertThat(changes.get(1).before().asText()).isEqualTo("A");
        assertThat(changes.get(1).after().asText()).isEqualTo("B");
        assertThat(changes.get(3).after().isMissingNode()).isTrue();
    }

    @Test
    void aChangeOfKindIsOneChangeAtThatPath() {
        assertThat(JsonDiff.diff(json("{\"a\":{\"b\":1}}"), json("{\"a\":[1]}")))
                .singleElement().satisfies(c -> {
                    assertThat(c.path().toString()).isEqualTo("a");
                    assertThat(c.kind()).isEqualTo(Change.Kind.CHANGED);
                });
    }

    @Test
    void equalTreesHaveNoChanges() {
        assertThat(JsonDiff.diff(json("{\"a\":[1,{\"b\":null}]}"), json("{\"a\":[1.0,{\"b\":null}]}"))).isEmpty();
    }

    @Test
    void pathsReadInDottedAndPointerFormResolveAlike() {
        var tree = json("{\"items\":[{\"sku\":\"A\"}],\"odd.key\":{\"x\":1},\"0\":\"zero\"}");
        assertThat(JsonPath.parse("items[0].sku").resolve(tree).asText()).isEqualTo("A");
        assertThat(JsonPath.parse("/items/0/sku").resolve(tree).asText()).isEqualTo("A");
        assertThat(JsonPath.parse("$.items[0].sku")).isEqualTo(JsonPath.parse("/items/0/sku"));
        assertThat(JsonPath.parse("[\"odd.key\"].x").resolve(tree).intValue()).isEqualTo(1);
        assertThat(JsonPath.parse("/0").resolve(tree).asText()).isEqualTo("zero");
        assertThat(JsonPath.parse("items[0].sku").pointer()).isEqualTo("/items/0/sku");
        assertThat(JsonPath.ROOT.member("odd.key").member("x").toString()).isEqualTo("[\"odd.key\"].x");
        assertThat(JsonPath.parse(JsonPath.ROOT.member("odd.key").member("x").toString()))
                .isEqualTo(JsonPath.ROOT.member("odd.key").member("x"));
        assertThat(JsonPath.parse("items[3].sku").resolve(tree).isMissingNode()).isTrue();
        assertThatThrownBy(() -> JsonPath.parse("items[x]")).isInstanceOf(IllegalArgumentException.class);
    }
}

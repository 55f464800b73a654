package eventlens.app.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eventlens.model.state.Change;
import eventlens.model.state.JsonDiff;
import eventlens.model.state.JsonPath;
import org.junit.jupiter.api.Test;

/** The rows of the state tree: values, nesting and the marks of a change, removed fields included. */
class StateRowsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void removedFieldsGetARowUnderTheirOldParentAndChangedOnesKeepTheOldValue() throws Exception {
        JsonNode before = JSON.readTree("{\"status\":\"open\",\"cart\":{\"items\":[\"a\"],\"coupon\":\"X1\"}}");
        JsonNode after = JSON.readTree("{\"status\":\"paid\",\"cart\":{\"items\":[\"a\",\"b\"]},\"paidAt\":1}");

        StateRow root = StateRows.of(after, JsonDiff.diff(before, after));

        StateRow status = root.find(JsonPath.parse("status")).orElseThrow();
        assertThat(status.value()).isEqualTo("\"paid\"");
        assertThat(status.mark()).isEqualTo(Change.Kind.CHANGED);
        assertThat(status.before()).isEqualTo("\"open\"");
        StateRow coupon = root.find(JsonPath.parse("cart.coupon")).orElseThrow();
        assertThat(coupon.mark()).isEqualTo(Change.Kind.REMOVED);
        assertThat(coupon.before()).isEqualTo("\"X1\"");
        assertThat(root.find(JsonPath.parse("cart.items[1]")).orElseThrow().mark()).isEqualTo(Change.Kind.ADDED);
        assertThat(root.find(JsonPath.parse("cart.items")).orElseThrow().value()).isEqualTo("[2]");
        assertThat(root.find(JsonPath.parse("paidAt")).orElseThrow().mark()).isEqualTo(Change.Kind.ADDED);
        assertThat(root.find(JsonPath.parse("cart")).orElseThrow().children()).extracting(StateRow::key)
                .containsExactly("items", "coupon");
    }
}

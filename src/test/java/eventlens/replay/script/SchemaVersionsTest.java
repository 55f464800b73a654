package eventlens.replay.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How upcasters compare the versions events declare with the versions scripts name. */
class SchemaVersionsTest {
    @Test
    void dottedNumbersAreEqualWhateverTheirTrailingZerosLeadingZerosOrLeadingV() {
        assertThat(List.of("1", "1.0", "1.0.0", "v1", "V1.0", " 01 ")).allSatisfy(v -> assertThat(SchemaVersions.key(v)).isEqualTo("1"));
        assertThat(SchemaVersions.key("2.10")).isEqualTo("2.10").isNotEqualTo(SchemaVersions.key("2.1"));
        assertThat(SchemaVersions.key("1.0.1")).isEqualTo("1.0.1");
        assertThat(SchemaVersions.key("0")).isEqualTo("0");
    }

    @Test
    void otherTextEqualsOnlyItselfAndBlankIsNoVersion() {
        assertThat(SchemaVersions.key("beta")).isEqualTo("beta");
        assertThat(SchemaVersions.key("v")).isEqualTo("v");
        assertThat(SchemaVersions.key("2024-01")).isEqualTo("2024-01");
        assertThat(SchemaVersions.key(" ")).isNull();
        assertThat(SchemaVersions.key(null)).isNull();
    }

    @Test
    void numbersOrderNumericallyAndBeforeOtherText() {
        List<String> keys = new ArrayList<>(List.of("beta", "10", "2.10", "2.9", "2", "alpha"));
        keys.sort(SchemaVersions::compare);
        assertThat(keys).containsExactly("2", "2.9", "2.10", "10", "alpha", "beta");
    }
}

package eventlens.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.replay.ReplayMode;
import org.junit.jupiter.api.Test;

/** The header comment that tells the Replay view which slice and mode a script was written for. */
class ScriptSetupTest {
    @Test
    void modeAndAQueryWithSpacesAreRead() {
        assertThat(ScriptSetup.of("// intro\n// eventlens: mode=roots where=type:*.* before:2024-01-16\non('x', e => {});"))
                .contains(new ScriptSetup(ReplayMode.ROOTS, "type:*.* before:2024-01-16"));
    }

    @Test
    void anEmptyWhereMeansTheWholeLogAndAnAbsentKeyLeavesTheSettingAlone() {
        assertThat(ScriptSetup.of("//eventlens: mode=all where=")).contains(new ScriptSetup(ReplayMode.ALL, ""));
        assertThat(ScriptSetup.of("// eventlens: where=type:order.*")).contains(new ScriptSetup(null, "type:order.*"));
        assertThat(ScriptSetup.of("// eventlens: mode=roots")).contains(new ScriptSetup(ReplayMode.ROOTS, null));
    }

    @Test
    void aScriptWithoutAHeaderOrWithAnUnknownModeOrAHeaderBelowTheTopHasNone() {
        assertThat(ScriptSetup.of("on('x', e => {});")).isEmpty();
        assertThat(ScriptSetup.of("// eventlens: mode=sideways")).isEmpty();
        assertThat(ScriptSetup.of("\n".repeat(ScriptSetup.HEADER_LINES) + "// eventlens: mode=roots")).isEmpty();
        assertThat(ScriptSetup.of("const s = '// eventlens: mode=roots';")).isEmpty();
    }

    @Test
    void everyBundledExampleNamesItsSliceAndMode() {
        for (String name : SampleScripts.available()) {
            assertThat(ScriptSetup.of(SampleScripts.read(name).orElseThrow())).as(name).isPresent();
        }
    }
}

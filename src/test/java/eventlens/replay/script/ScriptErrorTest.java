package eventlens.replay.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptErrorTest {
    @Test
    void aSyntaxErrorIsDescribedWithoutTheEnginesRepetition() {
        ScriptError e = new ScriptError("untitled.js", 2, 11, "SyntaxError",
                "SyntaxError: untitled.js:2:10 Expected an operand but found ;", "");
        assertThat(e.describe()).isEqualTo("untitled.js:2:11: SyntaxError: Expected an operand but found ;");
    }

    @Test
    void anOrdinaryErrorKeepsItsMessage() {
        ScriptError e = new ScriptError("t.js", 2, 9, "RangeError", "too big: 1200", "");
        assertThat(e.describe()).isEqualTo("t.js:2:9: RangeError: too big: 1200");
    }

    @Test
    void anErrorWithoutALocationNamesTheFileOnly() {
        ScriptError e = new ScriptError("heap.js", 0, 0, "MemoryLimitExceeded", "memory limit exceeded", "");
        assertThat(e.describe()).isEqualTo("heap.js: MemoryLimitExceeded: memory limit exceeded");
    }
}

package eventlens.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --json} switch of the commands that print JSON instead of text: a picocli mixin. What the JSON
 * holds differs by command and is said in its help text, in {@link OptionTexts}.
 */
final class JsonOption {
    @Option(names = "--json", descriptionKey = "json")
    boolean json;

    /** True: print JSON. */
    boolean json() {
        return json;
    }
}

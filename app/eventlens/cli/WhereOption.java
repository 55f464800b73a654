package eventlens.cli;

import eventlens.model.query.EventQuery;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --where QUERY} filter of the commands that read a slice of the events ({@code events},
 * {@code replay}): a picocli mixin, so the option and its parsing into a usage error (exit 2, with a caret
 * under the column) are written once. Its help text, which differs by command, is in {@link OptionTexts}.
 */
final class WhereOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--where", paramLabel = "QUERY", descriptionKey = "where")
    String text;

    /** The query as typed (null: none). */
    String text() {
        return text;
    }

    /** The parsed query (everything when none was given), or a usage error saying what is wrong and where. */
    EventQuery query() {
        return Main.where(spec, text);
    }
}

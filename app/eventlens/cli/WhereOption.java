package eventlens.cli;

import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.SavedQueries;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --where QUERY} filter of the commands that read a slice of the events ({@code events},
 * {@code replay}): a picocli mixin, so the option and its parsing into a usage error (exit 2, with a caret
 * under the column) are written once. {@code --where @name} runs the project's saved query of that name
 * ({@code eventlens query PROJECT --save NAME QUERY}). Its help text, which differs by command, is in
 * {@link OptionTexts}.
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

    /**
     * The query text to run on {@code project}: as typed, or the saved query it names with {@code @name}
     * (a usage error when the project has none of that name).
     */
    String text(Path project) {
        if (text == null || !text.startsWith("@")) {
            return text;
        }
        String name = text.substring(1);
        try (ProjectStore store = ProjectStore.open(project)) {
            return new SavedQueries(store).find(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--where " + text + ": " + project + " has no saved query '" + name + "'; list them with: "
                            + "eventlens query " + project + " --list"));
        }
    }

    /** The parsed query (everything when none was given), or a usage error saying what is wrong and where. */
    EventQuery query(Path project) {
        return Main.where(spec, text(project));
    }
}

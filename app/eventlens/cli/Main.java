package eventlens.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point of the jar: with no arguments it opens the GUI, with a subcommand it runs the
 * command line. Exit codes: 0 success (also when some records failed; they are reported),
 * 1 nothing could be done, 2 bad usage. Results go to standard output, messages to standard error.
 */
@Command(name = "eventlens", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        resourceBundle = "eventlens.cli.OptionTexts",
        description = "Event-flow visualizer and replay debugger for event-driven systems.")
public final class Main {
    /**
     * The subcommands, in the order help lists them. Only the one a command line names is built ({@link
     * #commandLine}): picocli's model of all of them took 0.2-0.3 s of every call, one 0.1-0.15 s (2026-12-03).
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ImportCommand.class, EventsCommand.class,
            FlowCommand.class, FlowsCommand.class, HistogramCommand.class, ShapesCommand.class, QueryCommand.class,
            BookmarksCommand.class, StateCommand.class, AggregatesCommand.class, SchemasCommand.class,
            ReplayCommand.class, DlqCommand.class, FormatsCommand.class, PreviewCommand.class, SampleCommand.class,
            BenchmarksCommand.class, GuiCommand.class, DesktopCommand.class, CommandLine.HelpCommand.class);

    /** Exit code: nothing could be done (missing file, unreadable project). */
    public static final int FAILED = 1;
    /** Exit code: the command line was wrong. */
    public static final int USAGE = 2;

    public static void main(String[] args) {
        // The JSON Schema validator logs through SLF4J, which has no logger here: say so once, quietly, instead
        // of SLF4J's three warning lines on every run.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        if (Boolean.getBoolean("eventlens.relaunched")) {
            // Started by the launcher as a second JVM (decision 0016): never outlive it, even when it is
            // killed outright and its shutdown hook cannot stop this one.
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
        }
        if (args.length == 0) {
            try {
                eventlens.app.EventLensApp.launchGui(null, null);
            } catch (IllegalStateException e) {
                System.err.println("eventlens: " + e.getMessage());
                // Under `mvn javafx:run` a failure exit makes the plugin print a page of stack trace after
                // our line; the line says it all (decision 0016).
                System.exit(Boolean.getBoolean("eventlens.maven") ? 0 : FAILED);
            }
            return;
        }
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command line with the given output streams and returns its exit code. */
    public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        // Records are written to the terminal: never let one of them drive it (issue 11).
        PrintWriter out = new PrintWriter(new TerminalSafeWriter(rawOut), true);
        PrintWriter err = new PrintWriter(new TerminalSafeWriter(rawErr), true);
        CommandLine cli = commandLine(args.length == 0 ? null : args[0]);
        // Every command answers --help, as its usage errors promise (not --version: 'state' has its own).
        addHelp(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // A project that cannot be opened, read or written is the user's to fix, not a bug: its message
            // is enough (the one place every command's store failures become exit 1).
            if (e instanceof CommandFailure || e instanceof eventlens.model.store.StoreException
                    || e instanceof IllegalStateException && commandLine.getCommand() instanceof GuiCommand) {
                err.println("eventlens: " + e.getMessage());
                return FAILED;
            }
            err.println("eventlens: " + e);
            e.printStackTrace(err);
            return FAILED;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("eventlens: " + e.getMessage());
            if (e instanceof BadQuery) {
                // The query and a caret under the mistake say more than the command's help would.
                return USAGE;
            }
            err.println("Try 'eventlens " + (e.getCommandLine().getCommandName().equals("eventlens") ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help'.");
            return USAGE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command line with the subcommand named {@code first}, or with all of them when {@code first} names none (help,
     * which must find the command it explains; an option; a mistyped name, whose usage error lists them all).
     */
    static CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new Main());
        Class<?> named = first == null ? null : SUBCOMMANDS.stream()
                .filter(c -> !c.equals(CommandLine.HelpCommand.class)
                        && c.getAnnotation(Command.class).name().equals(first))
                .findFirst().orElse(null);
        for (Class<?> c : named != null ? List.<Class<?>>of(named) : SUBCOMMANDS) {
            cli.addSubcommand(c);
        }
        return cli;
    }

    /** Every command and subcommand answers {@code --help}. */
    private static void addHelp(CommandLine parent) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null) {
                spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            addHelp(sub);
        }
    }

    /** The {@code --where} filter of a command, or a usage error (exit 2) saying what is wrong with it and where. */
    static eventlens.model.query.EventQuery where(CommandLine.Model.CommandSpec spec, String where) {
        try {
            return eventlens.model.query.QueryParser.parse(where);
        } catch (eventlens.model.query.QueryException e) {
            throw new BadQuery(spec.commandLine(), where, e);
        }
    }

    /**
     * A {@code --where} that does not parse, reported as {@code bad query at column N: reason} followed by
     * the query and carets under the span that is wrong, from column N.
     */
    static final class BadQuery extends CommandLine.ParameterException {
        private static final long serialVersionUID = 1L;

        BadQuery(CommandLine commandLine, String query, eventlens.model.query.QueryException e) {
            super(commandLine, "bad query at column " + e.column() + ": " + e.reason() + System.lineSeparator()
                    + "  " + oneLine(query) + System.lineSeparator()
                    + "  " + " ".repeat(Math.max(0, e.column() - 1)) + "^".repeat(Math.max(1, e.length())));
        }

        /** Tabs and line breaks as single spaces, so that the caret stays under its column. */
        private static String oneLine(String query) {
            StringBuilder b = new StringBuilder(query.length());
            query.chars().forEach(c -> b.append(Character.isWhitespace(c) ? ' ' : (char) c));
            return b.toString();
        }
    }

    /** Where a project must already exist (every command but import). */
    static Path existingProject(Path project) {
        if (!java.nio.file.Files.isRegularFile(project)) {
            throw new CommandFailure("no such project: " + project + " (create one with 'eventlens import "
                    + project + " FILE')");
        }
        return project;
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"eventlens " + (v == null ? "dev" : v)};
        }
    }
}

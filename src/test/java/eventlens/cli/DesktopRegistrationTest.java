package eventlens.cli;

import static eventlens.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import eventlens.cli.CommandLineTest.Run;
import eventlens.cli.DesktopRegistration.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventlens desktop install|uninstall} in a temporary {@code $XDG_DATA_HOME}, with the desktop's tools
 * replaced by a recorder: the files, the Exec quoting of the Desktop Entry Specification, idempotence, removal.
 */
class DesktopRegistrationTest {
    private static final Path JAVA = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @TempDir
    Path data;

    /** The tools named installed, each exiting with {@code code}; every command run is recorded. */
    private static final class RecordingTools implements DesktopRegistration.Tools {
        final Set<String> installed;
        final int code;
        final List<List<String>> ran = new ArrayList<>();

        RecordingTools(int code, String... installed) {
            this.installed = Set.of(installed);
            this.code = code;
        }

        @Override
        public Optional<Path> find(String name) {
            return installed.contains(name) ? Optional.of(Path.of("/usr/bin", name)) : Optional.empty();
        }

        @Override
        public Result run(List<String> command) {
            ran.add(command);
            return new Result(code, code == 0 ? "" : "something went wrong\n");
        }
    }

    @Test
    void theEntryRunsThisJarsGuiOnWhatWasOpenedForBothTypesAndQuotesPathsAsTheSpecificationSays() {
        Path jar = Path.of("/home/ann/My Apps/a$b\"c\\d%e`f/eventlens.jar");
        String entry = DesktopEntry.desktopFile(JAVA, jar);
        String exec = entry.lines().filter(l -> l.startsWith("Exec=")).findFirst().orElseThrow().substring(5);
        assertThat(exec).isEqualTo("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar "
                + "\"/home/ann/My Apps/a\\\\$b\\\\\"c\\\\\\\\d%%e\\\\`f/eventlens.jar\" gui %u");
        assertThat(SpecReader.arguments(exec)).containsExactly(JAVA.toString(), "-jar", jar.toString(), "gui", "%u");
        assertThat(entry).startsWith("[Desktop Entry]\n").contains("\nType=Application\n", "\nTerminal=false\n",
                "\nMimeType=application/x-eventlens-project;x-scheme-handler/eventlens;\n");
        assertThat(DesktopEntry.execArgument("/opt/eventlens/eventlens.jar")).as("nothing reserved: no quotes")
                .isEqualTo("/opt/eventlens/eventlens.jar");
        assertThat(DesktopEntry.execArgument("/tmp/with space")).isEqualTo("\"/tmp/with space\"");
        assertThat(DesktopEntry.mimePackage()).contains("<mime-type type=\"application/x-eventlens-project\">",
                "<glob pattern=\"*.eventlens\"/>", "<sub-class-of type=\"application/vnd.sqlite3\"/>");
    }

    @Test
    void installWritesBothFilesRunsTheToolsAndIsTheSameTheSecondTime() throws Exception {
        RecordingTools tools = new RecordingTools(0, "update-mime-database", "update-desktop-database", "xdg-mime");
        DesktopRegistration registration = new DesktopRegistration(data, tools);
        Path jar = Path.of("/opt/event lens/eventlens.jar");
        List<String> first = registration.install(JAVA, jar);
        Path desktop = data.resolve("applications/eventlens.desktop");
        Path mime = data.resolve("mime/packages/eventlens.xml");
        assertThat(desktop).hasContent(DesktopEntry.desktopFile(JAVA, jar));
        assertThat(mime).hasContent(DesktopEntry.mimePackage());
        assertThat(tools.ran).containsExactly(
                List.of("/usr/bin/update-mime-database", data.resolve("mime").toString()),
                List.of("/usr/bin/update-desktop-database", data.resolve("applications").toString()),
                List.of("/usr/bin/xdg-mime", "default", "eventlens.desktop", "application/x-eventlens-project",
                        "x-scheme-handler/eventlens"));
        assertThat(first).hasSize(5).anySatisfy(l -> assertThat(l).startsWith("wrote " + desktop))
                .anySatisfy(l -> assertThat(l).startsWith("ran xdg-mime default eventlens.desktop"));

        List<String> second = registration.install(JAVA, jar);
        assertThat(second).isEqualTo(first);
        assertThat(desktop).hasContent(DesktopEntry.desktopFile(JAVA, jar));
        try (var files = Files.list(desktop.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("eventlens.desktop");
        }
    }

    @Test
    void missingOrFailingToolsAreSaidAndNeverFailTheInstall() throws Exception {
        RecordingTools tools = new RecordingTools(3, "update-mime-database");
        List<String> report = new DesktopRegistration(data, tools).install(JAVA, Path.of("/opt/eventlens.jar"));
        assertThat(data.resolve("applications/eventlens.desktop")).exists();
        assertThat(report).anySatisfy(l -> assertThat(l).startsWith("update-mime-database failed (exit 3): "
                        + "something went wrong; "))
                .anySatisfy(l -> assertThat(l).startsWith("update-desktop-database: not installed, not run; "))
                .anySatisfy(l -> assertThat(l).startsWith("xdg-mime: not installed, not run; choose EventLens"));
    }

    @Test
    void uninstallRemovesBothFilesAndSaysWhenThereWasNothing() throws Exception {
        RecordingTools tools = new RecordingTools(0, "update-mime-database");
        DesktopRegistration registration = new DesktopRegistration(data, tools);
        registration.install(JAVA, Path.of("/opt/eventlens.jar"));
        List<String> removed = registration.uninstall();
        assertThat(data.resolve("applications/eventlens.desktop")).doesNotExist();
        assertThat(data.resolve("mime/packages/eventlens.xml")).doesNotExist();
        assertThat(removed).contains("removed " + data.resolve("applications/eventlens.desktop"),
                "removed " + data.resolve("mime/packages/eventlens.xml"));
        assertThat(tools.ran.get(tools.ran.size() - 1)).containsExactly("/usr/bin/update-mime-database",
                data.resolve("mime").toString());
        assertThat(registration.uninstall()).contains("not there (nothing to remove): "
                + data.resolve("applications/eventlens.desktop"));
    }

    @Test
    void theDataFolderIsXdgDataHomeWhenAbsoluteElseDotLocalShare() {
        Path home = Path.of("/home/ann");
        assertThat(DesktopRegistration.dataHome(Map.of("XDG_DATA_HOME", "/data"), home)).isEqualTo(Path.of("/data"));
        assertThat(DesktopRegistration.dataHome(Map.of("XDG_DATA_HOME", "relative"), home))
                .isEqualTo(Path.of("/home/ann/.local/share"));
        assertThat(DesktopRegistration.dataHome(Map.of(), home)).isEqualTo(Path.of("/home/ann/.local/share"));
    }

    @Test
    void theCommandRegistersOnlyAPackagedJarAndTakesInstallOrUninstall() {
        Run fromClasses = run("desktop", "install");
        assertThat(fromClasses.code()).isEqualTo(Main.FAILED);
        assertThat(fromClasses.err()).contains("desktop install registers the packaged jar", "mvn package");
        Run wrong = run("desktop", "register");
        assertThat(wrong.code()).isEqualTo(Main.USAGE);
        assertThat(wrong.err()).contains("say install or uninstall, not 'register'");
    }

    /** How a desktop reads an Exec value, after the specification: string escapes, then quoting, then %%. */
    private static final class SpecReader {
        static List<String> arguments(String value) {
            StringBuilder unescaped = new StringBuilder();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length()) {
                    char n = value.charAt(++i);
                    unescaped.append(switch (n) {
                        case 's' -> ' ';
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> n;
                    });
                } else {
                    unescaped.append(c);
                }
            }
            List<String> args = new ArrayList<>();
            StringBuilder arg = null;
            boolean quoted = false;
            String s = unescaped.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quoted) {
                    if (c == '\\' && i + 1 < s.length() && "\"`$\\".indexOf(s.charAt(i + 1)) >= 0) {
                        arg.append(s.charAt(++i));
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        arg.append(c);
                    }
                } else if (c == ' ') {
                    if (arg != null) {
                        args.add(arg.toString());
                        arg = null;
                    }
                } else {
                    arg = arg == null ? new StringBuilder() : arg;
                    if (c == '"') {
                        quoted = true;
                    } else {
                        arg.append(c);
                    }
                }
            }
            if (arg != null) {
                args.add(arg.toString());
            }
            return args.stream().map(a -> a.equals("%u") ? a : a.replace("%%", "%")).toList();
        }
    }
}

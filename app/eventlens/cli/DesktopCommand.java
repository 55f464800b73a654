package eventlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eventlens desktop install|uninstall}: registers this jar with the Linux desktop, so that a double-click
 * on a {@code .eventlens} file or an {@code eventlens://} link opens the window (decision 0045).
 */
@Command(name = "desktop", description = "Register (install) or unregister (uninstall) EventLens with the Linux desktop: "
        + ".eventlens files and eventlens:// links then open in the window.")
final class DesktopCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "install|uninstall", description = "install: write the desktop entry and "
            + "the MIME type under $XDG_DATA_HOME (~/.local/share) and make EventLens their default; uninstall: remove them")
    String action;

    @Override
    public Integer call() throws IOException {
        if (!action.equals("install") && !action.equals("uninstall")) {
            throw new ParameterException(spec.commandLine(), "say install or uninstall, not '" + action + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("windows")) {
            spec.commandLine().getErr().println("eventlens desktop: registration is Linux-only for now; open a project "
                    + "with 'java -jar eventlens.jar gui PROJECT.eventlens', or a link with 'java -jar eventlens.jar gui "
                    + "\"eventlens://open?…\"'");
            return Main.FAILED;
        }
        DesktopRegistration registration = new DesktopRegistration(
                DesktopRegistration.dataHome(System.getenv(), Path.of(System.getProperty("user.home"))),
                DesktopRegistration.onPath(System.getenv("PATH")));
        var report = action.equals("install") ? registration.install(java(), jar()) : registration.uninstall();
        report.forEach(out::println);
        out.flush();
        return 0;
    }

    /** The Java running this command: the one that runs EventLens (the launcher may have chosen it). */
    private static Path java() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /** This jar; run from classes (a development build) there is none to register. */
    private static Path jar() {
        Path location;
        try {
            location = Path.of(DesktopCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new CommandFailure("cannot tell where this EventLens jar is (" + e.getMessage() + ")");
        }
        if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
            throw new CommandFailure("desktop install registers the packaged jar, and this EventLens runs from "
                    + location + ": build it (mvn package) and run java -jar target/eventlens.jar desktop install");
        }
        return location.toAbsolutePath();
    }
}

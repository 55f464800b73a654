package eventlens.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code eventlens desktop install|uninstall} on a freedesktop.org desktop (decision 0045): the desktop entry
 * and the MIME package under {@code $XDG_DATA_HOME} (default {@code ~/.local/share}), then the desktop's own
 * tools, each only when it is installed: {@code update-mime-database}, {@code update-desktop-database} and
 * {@code xdg-mime default}. A missing or failing tool is reported, never a failure: the files are what matters,
 * and a desktop reads them at its next start. Every step is said in the returned lines.
 */
final class DesktopRegistration {
    /** The desktop's tools, found on the PATH and run; replaced in tests, which must not touch the user's desktop. */
    interface Tools {
        /** The tool of that name, if installed. */
        Optional<Path> find(String name);

        /** Runs a command; its exit code and what it printed. */
        Result run(List<String> command) throws IOException, InterruptedException;
    }

    /** What a tool did: its exit code and its output (both streams). */
    record Result(int code, String output) {
    }

    private final Path dataHome;
    private final Tools tools;

    DesktopRegistration(Path dataHome, Tools tools) {
        this.dataHome = dataHome;
        this.tools = tools;
    }

    /** {@code $XDG_DATA_HOME} when set to an absolute path (as the specification asks), else {@code ~/.local/share}. */
    static Path dataHome(Map<String, String> env, Path userHome) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return userHome.resolve(".local").resolve("share");
    }

    Path desktopFile() {
        return dataHome.resolve("applications").resolve(DesktopEntry.FILE_NAME);
    }

    Path mimeFile() {
        return dataHome.resolve("mime").resolve("packages").resolve(DesktopEntry.MIME_FILE_NAME);
    }

    /** Writes (or rewrites) both files for {@code java -jar jar}, then runs the tools that are there. */
    List<String> install(Path java, Path jar) throws IOException {
        List<String> report = new ArrayList<>();
        write(desktopFile(), DesktopEntry.desktopFile(java, jar));
        report.add("wrote " + desktopFile() + " (runs " + java + " -jar " + jar + " gui on a .eventlens file or an "
                + "eventlens:// link)");
        write(mimeFile(), DesktopEntry.mimePackage());
        report.add("wrote " + mimeFile() + " (*.eventlens is " + DesktopEntry.PROJECT_TYPE + ")");
        refresh(report);
        runIfPresent(report, List.of("xdg-mime", "default", DesktopEntry.FILE_NAME, DesktopEntry.PROJECT_TYPE,
                DesktopEntry.LINK_TYPE), "EventLens is now the default for .eventlens files and eventlens:// links",
                "choose EventLens for .eventlens files in your file manager (Open With) and for eventlens:// links "
                        + "in your desktop's default applications");
        return report;
    }

    /** Removes both files (what is already gone is said so) and runs the tools that refresh the desktop's caches. */
    List<String> uninstall() throws IOException {
        List<String> report = new ArrayList<>();
        for (Path file : List.of(desktopFile(), mimeFile())) {
            report.add((Files.deleteIfExists(file) ? "removed " : "not there (nothing to remove): ") + file);
        }
        refresh(report);
        report.add("xdg-mime cannot unset a default: an entry for " + DesktopEntry.FILE_NAME + " left in mimeapps.list "
                + "now names no application and is ignored");
        return report;
    }

    private void refresh(List<String> report) {
        runIfPresent(report, List.of("update-mime-database", dataHome.resolve("mime").toString()),
                "the MIME database under " + dataHome.resolve("mime") + " is up to date",
                "*.eventlens is known once the MIME database is rebuilt (apt-get install shared-mime-info)");
        runIfPresent(report, List.of("update-desktop-database", dataHome.resolve("applications").toString()),
                "the desktop's list of applications is up to date",
                "the desktop reads the entry at its next start (apt-get install desktop-file-utils to do it now)");
    }

    private void runIfPresent(List<String> report, List<String> command, String done, String instead) {
        String name = command.get(0);
        Optional<Path> tool = tools.find(name);
        if (tool.isEmpty()) {
            report.add(name + ": not installed, not run; " + instead);
            return;
        }
        List<String> line = new ArrayList<>(command);
        line.set(0, tool.get().toString());
        try {
            Result result = tools.run(line);
            report.add(result.code() == 0 ? "ran " + String.join(" ", command) + ": " + done
                    : name + " failed (exit " + result.code() + "): " + result.output().strip() + "; " + instead);
        } catch (IOException e) {
            report.add(name + " could not be run (" + e.getMessage() + "); " + instead);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.add(name + " was interrupted; " + instead);
        }
    }

    /** Writes beside the file, then moves it in place: a desktop never reads half a file. */
    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The real tools: looked for in the PATH's folders, run with a time limit. */
    static Tools onPath(String path) {
        return new Tools() {
            @Override
            public Optional<Path> find(String name) {
                if (path == null) {
                    return Optional.empty();
                }
                for (String folder : path.split(java.io.File.pathSeparator)) {
                    if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))
                            && Files.isRegularFile(Path.of(folder, name))) {
                        return Optional.of(Path.of(folder, name));
                    }
                }
                return Optional.empty();
            }

            @Override
            public Result run(List<String> command) throws IOException, InterruptedException {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, "took more than a minute");
                }
                return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
            }
        };
    }
}

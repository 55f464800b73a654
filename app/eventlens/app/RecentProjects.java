package eventlens.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The projects opened lately, newest first, for File → Recent projects: at most {@link #MAX} paths, kept in
 * a small text file (one path a line) so that they survive a restart; without a file (tests) only in memory.
 * A file that cannot be read or written costs the list, never the application.
 */
public final class RecentProjects {
    static final int MAX = 10;
    private static final System.Logger LOG = System.getLogger("eventlens");
    private final Path file;
    private final ObservableList<Path> paths = FXCollections.observableArrayList();

    private RecentProjects(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && paths.size() < MAX) {
                        paths.add(Path.of(line.strip()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot read the recent projects from " + file, e);
            }
        }
    }

    /** The list kept in {@code file} (created on the first change). */
    public static RecentProjects storedIn(Path file) {
        return new RecentProjects(file);
    }

    /** A list that is forgotten on exit. */
    public static RecentProjects inMemory() {
        return new RecentProjects(null);
    }

    /** Newest first; read-only for callers. */
    public ObservableList<Path> paths() {
        return FXCollections.unmodifiableObservableList(paths);
    }

    /** Puts a project at the top of the list. */
    public void add(Path project) {
        Path p = project.toAbsolutePath().normalize();
        paths.remove(p);
        paths.add(0, p);
        if (paths.size() > MAX) {
            paths.remove(MAX, paths.size());
        }
        save();
    }

    /** Forgets a project (it was moved or deleted). */
    public void remove(Path project) {
        if (paths.remove(project.toAbsolutePath().normalize())) {
            save();
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            List<String> lines = new ArrayList<>();
            paths.forEach(p -> lines.add(p.toString()));
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save the recent projects to " + file, e);
        }
    }
}

package eventlens.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.app.Link;
import eventlens.app.Section;
import eventlens.model.Json;
import eventlens.model.query.EventQuery;
import eventlens.model.store.Bookmarks;
import eventlens.model.store.Bookmarks.Bookmark;
import eventlens.model.store.ProjectStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code eventlens bookmarks PROJECT [--add LINK|VIEW[:ID] [--note TEXT]] [--note TEXT --edit N] [--delete N] [--json]}:
 * the project's bookmarks (the window's Bookmarks menu, decision 0045), each with the link that reopens it.
 */
@Command(name = "bookmarks", description = "List, add, edit and delete the project's bookmarks (a view and selection with a note).")
final class BookmarksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProjectArgument project;

    @Option(names = "--add", paramLabel = "LINK|VIEW[:ID]",
            description = "bookmark an eventlens:// link (View → Copy link) or a view and an event, correlation or "
                    + "aggregate id in it, e.g. flows:evt-1")
    String add;

    @Option(names = "--note", paramLabel = "TEXT", description = "the note of --add or --edit (quotes, line breaks and any Unicode kept)")
    String note;

    @Option(names = "--edit", paramLabel = "N", description = "replace the note of bookmark N with --note")
    Long edit;

    @Option(names = "--delete", paramLabel = "N", description = "delete bookmark N")
    Long delete;

    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        Path file = project.existing();
        PrintWriter out = spec.commandLine().getOut();
        int actions = (add != null ? 1 : 0) + (edit != null ? 1 : 0) + (delete != null ? 1 : 0);
        if (actions > 1) {
            throw new ParameterException(spec.commandLine(), "one of --add, --edit and --delete at a time");
        }
        if (edit != null && note == null) {
            throw new ParameterException(spec.commandLine(), "--edit " + edit + " needs the new --note TEXT");
        }
        if (note != null && add == null && edit == null) {
            throw new ParameterException(spec.commandLine(), "--note goes with --add or --edit N");
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            Bookmarks bookmarks = new Bookmarks(store);
            if (add != null) {
                String[] place = place(file, add);
                refuseUnknown(store, place[1]);
                Bookmark b = bookmarks.add(place[0], place[1], note);
                print(out, b, file);
            } else if (edit != null) {
                if (!bookmarks.setNote(edit, note)) {
                    throw new CommandFailure(file + " has no bookmark " + edit);
                }
                print(out, bookmarks.find(edit).orElseThrow(), file);
            } else if (delete != null) {
                if (!bookmarks.delete(delete)) {
                    throw new CommandFailure(file + " has no bookmark " + delete);
                }
                if (!output.json()) {
                    out.println("deleted bookmark " + delete);
                }
            } else {
                bookmarks.list().forEach(b -> print(out, b, file));
            }
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The view key and selection (null: none) of {@code --add}: a link to this project, or VIEW[:ID]. */
    private String[] place(Path file, String text) {
        if (Link.looksLikeLink(text)) {
            Link link = Link.parse(text);
            if (!same(link.project(), file)) {
                throw new ParameterException(spec.commandLine(), "the link is to another project (" + link.project()
                        + "), not " + file.toAbsolutePath());
            }
            Section view = link.view() != null ? link.view() : Section.FLOWS;
            return new String[] {view.key(), link.select()};
        }
        int colon = text.indexOf(':');
        String key = colon < 0 ? text : text.substring(0, colon);
        Section view = Section.ofKey(key);
        if (view == null) {
            throw new ParameterException(spec.commandLine(), "--add " + text + ": unknown view '" + key + "'; use "
                    + Arrays.stream(Section.values()).map(Section::key).collect(Collectors.joining(", "))
                    + ", or an eventlens:// link");
        }
        String select = colon < 0 || colon == text.length() - 1 ? null : text.substring(colon + 1);
        return new String[] {view.key(), select};
    }

    /** A bookmark of an id the project does not have would lead nowhere: refused, naming the id. */
    private void refuseUnknown(ProjectStore store, String id) {
        if (id != null && store.event(id).isEmpty() && store.count(EventQuery.correlation(id)) == 0
                && store.count(EventQuery.ALL.withAggregate(id)) == 0) {
            throw new ParameterException(spec.commandLine(), store.file().getFileName() + " has no event, flow or "
                    + "aggregate with id " + id);
        }
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private void print(PrintWriter out, Bookmark b, Path file) {
        Link link = new Link(file.toAbsolutePath(), Section.ofKey(b.view()), b.selection());
        if (output.json()) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("id", b.id());
            o.put("view", b.view());
            o.put("selection", b.selection());
            o.put("note", b.note());
            o.put("created", b.created().toString());
            o.put("link", link.toString());
            out.println(Json.write(o));
        } else {
            out.println(TextCells.row(String.valueOf(b.id()), b.created().toString(), b.view(),
                    b.selection() == null ? "" : b.selection(), b.note(), link.toString()));
        }
    }
}

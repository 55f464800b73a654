package eventlens.app;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A reference to a place in a project that can be pasted into a chat or a ticket and reopened with
 * {@code eventlens gui LINK}: {@code eventlens://open?project=/path/orders.eventlens&view=flows&select=evt-1}.
 * The project path is absolute; view and selection are optional.
 *
 * @param project the project file
 * @param view the view (null: the one the selection suggests)
 * @param select an event, correlation or aggregate id, or {@code run:N} for a replay run (null: none)
 */
public record Link(Path project, Section view, String select) {
    public static final String SCHEME = "eventlens://open?";

    /** True when {@code text} is meant as a link rather than a project path. */
    public static boolean looksLikeLink(String text) {
        return text != null && text.startsWith("eventlens:");
    }

    /** Reads a link; a missing project, an unknown view or another form is an {@link IllegalArgumentException}. */
    public static Link parse(String text) {
        if (!text.startsWith(SCHEME)) {
            throw new IllegalArgumentException("not an EventLens link (" + SCHEME + "project=…&view=…&select=…): " + text);
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : text.substring(SCHEME.length()).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String project = values.get("project");
        if (project == null || project.isBlank()) {
            throw new IllegalArgumentException("the link names no project: " + text);
        }
        Section view = null;
        if (values.containsKey("view")) {
            view = Section.ofKey(values.get("view"));
            if (view == null) {
                throw new IllegalArgumentException("the link names an unknown view '" + values.get("view") + "'");
            }
        }
        String select = values.get("select");
        return new Link(Path.of(project), view, select == null || select.isBlank() ? null : select);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(SCHEME).append("project=").append(encode(project.toAbsolutePath().toString()));
        if (view != null) {
            s.append("&view=").append(view.key());
        }
        if (select != null) {
            s.append("&select=").append(encode(select));
        }
        return s.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }
}

package eventlens.cli;

import java.nio.file.Path;

/**
 * The two files that register EventLens with a freedesktop.org desktop (decision 0045): the application's
 * desktop entry, whose {@code Exec} runs this jar's {@code gui} on what was opened, and a MIME package that names
 * {@code *.eventlens} files. Written as text here; {@link DesktopRegistration} puts them in place.
 */
final class DesktopEntry {
    static final String FILE_NAME = "eventlens.desktop";
    static final String MIME_FILE_NAME = "eventlens.xml";
    static final String PROJECT_TYPE = "application/x-eventlens-project";
    static final String LINK_TYPE = "x-scheme-handler/eventlens";
    /** Characters that make an Exec argument need quotes (Desktop Entry Specification, "The Exec key"). */
    private static final String RESERVED = " \t\n\"'\\><~|&;$*?#()`";

    private DesktopEntry() {
    }

    /** The desktop entry: {@code Exec=JAVA -jar JAR gui %u}, each path quoted where the specification asks. */
    static String desktopFile(Path java, Path jar) {
        return String.join("\n",
                "[Desktop Entry]",
                "Type=Application",
                "Version=1.4",
                "Name=EventLens",
                "GenericName=Event-flow debugger",
                "Comment=Event-flow visualizer and replay debugger for event-driven systems",
                "Exec=" + execArgument(java.toString()) + " -jar " + execArgument(jar.toString()) + " gui %u",
                "Terminal=false",
                "Categories=Development;Debugger;",
                "MimeType=" + PROJECT_TYPE + ";" + LINK_TYPE + ";",
                "StartupNotify=true",
                "") ;
    }

    /** The shared-mime-info package: {@code *.eventlens} is an EventLens project, a kind of SQLite file. */
    static String mimePackage() {
        return String.join("\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<mime-info xmlns=\"http://www.freedesktop.org/standards/shared-mime-info\">",
                "  <mime-type type=\"" + PROJECT_TYPE + "\">",
                "    <comment>EventLens project</comment>",
                // A project's content is SQLite's: as a subclass of it, the name's glob wins over the magic.
                "    <sub-class-of type=\"application/vnd.sqlite3\"/>",
                "    <glob pattern=\"*.eventlens\"/>",
                "  </mime-type>",
                "</mime-info>",
                "");
    }

    /**
     * One argument of an {@code Exec} value: in double quotes, with {@code " ` $ \} escaped by a backslash, when
     * it holds a reserved character; then {@code %} doubled (it starts a field code) and the string escapes of
     * the file format applied ({@code \\}, {@code \n}, {@code \t}, {@code \r}), so a literal backslash in a
     * quoted argument is written as four, as the specification says.
     */
    static String execArgument(String argument) {
        String quoted = argument;
        if (argument.isEmpty() || argument.chars().anyMatch(c -> RESERVED.indexOf(c) >= 0)) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : argument.toCharArray()) {
                if (c == '"' || c == '`' || c == '$' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
            quoted = b.append('"').toString();
        }
        return quoted.replace("%", "%%").replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
                .replace("\r", "\\r");
    }
}

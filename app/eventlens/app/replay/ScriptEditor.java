package eventlens.app.replay;

import eventlens.app.base.Styles;
import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The script editor: a RichTextFX {@link CodeArea} with JavaScript highlighting (keywords, the
 * script API, strings, numbers, comments), line numbers, and a marker on the line of the last script
 * error (decision 0012). The text is kept in step with the view model's script property both ways.
 */
final class ScriptEditor extends BorderPane {
    private static final Pattern TOKENS = Pattern.compile(String.join("|",
            "(?<COMMENT>//[^\\n]*|/\\*(?:.|\\R)*?\\*/)",
            "(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*'|`(?:[^`\\\\]|\\\\.)*`)",
            "(?<KEYWORD>\\b(?:async|await|break|case|catch|class|const|continue|default|delete|do|else|export|"
                    + "extends|false|finally|for|function|if|import|in|instanceof|let|new|null|of|return|super|"
                    + "switch|this|throw|true|try|typeof|undefined|var|void|while|yield)\\b)",
            "(?<API>\\b(?:on|reduce|retry|upcast|ctx)\\b)",
            "(?<NUMBER>\\b\\d+(?:\\.\\d+)?\\b)"));
    private static final List<String> GROUPS = List.of("COMMENT", "STRING", "KEYWORD", "API", "NUMBER");

    private final CodeArea area = new CodeArea();
    private final StringProperty text;
    private final IntegerProperty errorLine;
    private final ChangeListener<String> fromModel = (obs, old, now) -> showText(now);
    private final ChangeListener<String> fromEditor = (obs, old, now) -> editorChanged(now);
    private final ChangeListener<Number> errorMoved = (obs, old, now) -> area.setParagraphGraphicFactory(gutter());
    private boolean syncing;

    ScriptEditor(StringProperty text, IntegerProperty errorLine) {
        this.text = text;
        this.errorLine = errorLine;
        getStyleClass().add(Styles.SCRIPT_EDITOR);
        area.setId("script-editor");
        area.getStyleClass().add(Styles.CODE);
        area.setParagraphGraphicFactory(gutter());
        setCenter(new VirtualizedScrollPane<>(area));
        showText(text.get());
        text.addListener(fromModel);
        area.textProperty().addListener(fromEditor);
        errorLine.addListener(errorMoved);
    }

    private void showText(String now) {
        String value = now == null ? "" : now;
        if (syncing || value.equals(area.getText())) {
            return;
        }
        syncing = true;
        try {
            area.replaceText(value);
            area.moveTo(0);
            area.requestFollowCaret();
        } finally {
            syncing = false;
        }
        highlight();
    }

    /**
     * Puts a short script in the empty editor without telling the view model, so that the highlighter, the
     * text model and their render peers are made before the user opens a first script (they took
     * 40–100 ms of that frame); {@link #endWarmUp()} empties it and forgets the edit.
     */
    void warmUp() {
        if (area.getText().isEmpty() && (text.get() == null || text.get().isEmpty())) {
            replaceUnseen("on('order.created', (event, ctx) => {\n  ctx.log(\"total \" + event.data.total); // 1\n});");
        }
    }

    void endWarmUp() {
        String model = text.get() == null ? "" : text.get();
        if (!area.getText().equals(model)) {
            replaceUnseen(model);
        }
    }

    private void replaceUnseen(String value) {
        syncing = true;
        try {
            area.replaceText(value);
            highlight();
            area.getUndoManager().forgetHistory();
        } finally {
            syncing = false;
        }
    }

    private void editorChanged(String now) {
        highlight();
        if (!syncing) {
            syncing = true;
            try {
                text.set(now);
            } finally {
                syncing = false;
            }
        }
    }

    private void highlight() {
        String t = area.getText();
        if (!t.isEmpty()) {
            area.setStyleSpans(0, spans(t));
        }
    }

    /** Style classes over the text: keyword, api, string, number, comment, or none. */
    static StyleSpans<Collection<String>> spans(String t) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Matcher m = TOKENS.matcher(t);
        int last = 0;
        while (m.find()) {
            String kind = GROUPS.stream().filter(g -> m.group(g) != null).findFirst().orElseThrow();
            spans.add(List.of(), m.start() - last);
            spans.add(List.of("js-" + kind.toLowerCase(java.util.Locale.ROOT)), m.end() - m.start());
            last = m.end();
        }
        spans.add(List.of(), t.length() - last);
        return spans.create();
    }

    /** Line numbers, the error line in red. */
    private IntFunction<Node> gutter() {
        int error = errorLine.get();
        return paragraph -> {
            Label number = new Label(String.format("%4d", paragraph + 1));
            number.getStyleClass().addAll(Styles.GUTTER_TEXT, Styles.CODE);
            if (paragraph + 1 == error) {
                number.getStyleClass().add(Styles.ERROR_MARKER);
            }
            number.setAlignment(Pos.CENTER_RIGHT);
            number.setMinWidth(44);
            return number;
        };
    }

    /** Puts the caret at the start of {@code line} (1-based), column {@code column} when known, and focuses the editor. */
    void moveCaretTo(int line, int column) {
        int paragraph = Math.max(0, Math.min(line, area.getParagraphs().size()) - 1);
        int length = area.getParagraphLength(paragraph);
        area.moveTo(paragraph, Math.min(length, Math.max(0, column - 1)));
        area.requestFollowCaret();
        area.requestFocus();
    }

    CodeArea area() {
        return area;
    }

    void dispose() {
        text.removeListener(fromModel);
        area.textProperty().removeListener(fromEditor);
        errorLine.removeListener(errorMoved);
    }
}

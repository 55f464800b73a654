package eventlens.importers.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import eventlens.importers.SourceHead;
import eventlens.model.Json;
import java.io.IOException;

/** How records are laid out in a JSON source, decided from its first bytes. */
enum JsonLayout {
    /** One record per line (JSON lines, NDJSON); also the choice for anything unrecognisable. */
    LINES,
    /** Values one after another, possibly spanning lines, and top-level arrays of records. */
    VALUES;

    /**
     * Decides the layout: JSON lines when the first line is one complete value (and, for an array,
     * when the next line starts another value) or a broken object; values when the first line is
     * the start of a longer value, a broken array, or when the whole head is one unfinished line.
     *
     * @param complete whether {@code head} is the whole source
     */
    static JsonLayout of(byte[] head, boolean complete) {
        int start = SourceHead.firstContent(head);
        if (start < 0 || (head[start] != '{' && head[start] != '[')) {
            return LINES;
        }
        int end = indexOf(head, (byte) '\n', start);
        if (end < 0 && !complete) {
            return VALUES;
        }
        end = end < 0 ? head.length : end;
        FirstLine firstLine = check(head, start, end);
        if (firstLine == FirstLine.UNFINISHED) {
            return VALUES;
        }
        if (head[start] == '{') {
            return LINES; // complete, or broken: then each following line still gets its own chance
        }
        if (firstLine == FirstLine.BROKEN) {
            return VALUES; // a damaged array: read element by element
        }
        int next = SourceHead.firstContent(java.util.Arrays.copyOfRange(head, end, head.length));
        return next >= 0 && (head[end + next] == '{' || head[end + next] == '[') ? LINES : VALUES;
    }

    private enum FirstLine { COMPLETE, UNFINISHED, BROKEN }

    private static FirstLine check(byte[] head, int start, int end) {
        try (JsonParser parser = Json.mapper().getFactory().createParser(head, start, end - start)) {
            parser.skipChildren();
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
            return FirstLine.COMPLETE;
        } catch (JsonEOFException e) {
            return FirstLine.UNFINISHED;
        } catch (JsonProcessingException e) {
            // Jackson reports some cuts as a plain parse error (after a comma it expects a name or a
            // value and finds the end of input): that is a value running on past the line.
            String message = e.getOriginalMessage();
            return message != null && message.contains("end-of-input") ? FirstLine.UNFINISHED : FirstLine.BROKEN;
        } catch (IOException e) {
            return FirstLine.BROKEN;
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}

package eventlens.model.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON Merge Patch, RFC 7396, exactly: a patch that is not an object replaces the target; an object
 * patch merges member by member, a {@code null} member removes the target's member, an object member
 * merges recursively, anything else (arrays, scalars) replaces.
 *
 * <p>Neither argument is modified. The result shares unchanged subtrees with the target (only the
 * objects on a patched path are copied), which keeps a fold cheap; treat all trees as read-only.
 */
public final class MergePatch {
    private MergePatch() {
    }

    /** The target with the patch applied (RFC 7396 section 2, MergePatch(Target, Patch)). */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || patch.isMissingNode()) {
            return target;
        }
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        if (target != null && target.isObject()) {
            result.setAll((ObjectNode) target); // shallow: children are shared, never modified
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}

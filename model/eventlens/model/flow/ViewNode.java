package eventlens.model.flow;

import java.time.Instant;
import java.util.List;

/**
 * One node of a {@link CollapsedFlow}: either one event of the graph, or a group standing for a run
 * of sibling events of one type ("×500 item.added").
 *
 * @param id index in {@link CollapsedFlow#nodes()}
 * @param parent id of the parent view node, or -1 at the top
 * @param depth layer: the depth of the events it stands for
 * @param node the graph node index for an event, -1 for a group
 * @param type the event type (of every member, for a group)
 * @param count 1 for an event, the number of members for a group
 * @param first earliest member time (null when unknown)
 * @param last latest member time (null when unknown)
 * @param members graph node indexes it stands for, in time order
 * @param children ids of the child view nodes, in order
 */
public record ViewNode(int id, int parent, int depth, int node, String type, int count, Instant first,
        Instant last, List<Integer> members, List<Integer> children) {

    public ViewNode {
        members = List.copyOf(members);
        children = List.copyOf(children);
    }

    /** True for a group of collapsed siblings. */
    public boolean isGroup() {
        return node < 0;
    }

    /** The label of a group, e.g. {@code ×500 item.added}; the type for an event. */
    public String label() {
        return isGroup() ? "×" + count + " " + type : String.valueOf(type);
    }
}

package eventlens.app.flows;

import eventlens.model.flow.ViewNode;

/**
 * A row of the flow tree: one event ({@code node} ≥ 0) or a folded group of siblings ({@code node} = -1).
 *
 * @param node graph node index, or -1 for a group
 * @param view the view node shown by this row, or null for a member listed under its expanded group
 */
record FlowRow(int node, ViewNode view) {
    boolean isGroup() {
        return node < 0;
    }
}

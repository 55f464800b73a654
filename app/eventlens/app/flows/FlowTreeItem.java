package eventlens.app.flows;

import eventlens.model.flow.ViewNode;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/** A tree item whose children are made when first asked for, so a 100,000-event flow costs only what is opened. */
final class FlowTreeItem extends TreeItem<FlowRow> {
    private final LoadedFlow flow;
    private boolean built;

    FlowTreeItem(LoadedFlow flow, FlowRow row) {
        super(row);
        this.flow = flow;
    }

    static FlowTreeItem of(LoadedFlow flow, ViewNode view) {
        return new FlowTreeItem(flow, new FlowRow(view.node(), view));
    }

    @Override
    public ObservableList<TreeItem<FlowRow>> getChildren() {
        if (!built) {
            built = true;
            FlowRow row = getValue();
            if (row != null && row.view() != null) {
                if (row.isGroup()) {
                    for (int member : row.view().members()) {
                        super.getChildren().add(new FlowTreeItem(flow, new FlowRow(member, null)));
                    }
                } else {
                    for (int child : row.view().children()) {
                        super.getChildren().add(of(flow, flow.collapsed().nodes().get(child)));
                    }
                }
            }
        }
        return super.getChildren();
    }

    @Override
    public boolean isLeaf() {
        FlowRow row = getValue();
        return row == null || row.view() == null || (!row.isGroup() && row.view().children().isEmpty());
    }
}

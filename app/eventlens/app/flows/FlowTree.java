package eventlens.app.flows;

import eventlens.app.base.Styles;
import eventlens.model.Event;
import eventlens.model.flow.FlowNode;
import eventlens.model.flow.FlowText;
import eventlens.model.flow.ViewNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/** The flow as a tree table, cause → effects: type, source, time, latency from the cause, markers. */
final class FlowTree extends TreeTableView<FlowRow> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private LoadedFlow flow;
    private boolean syncing;

    FlowTree(IntConsumer onSelect) {
        setId("flow-tree");
        getStyleClass().add(Styles.FLOW_TREE);
        setShowRoot(false);
        setFixedCellSize(24);
        setPlaceholder(new Label("Select a flow in the list."));
        // Widths for the usual content (the type column also holds the indentation of a few levels); a
        // narrow pane scrolls sideways, and a cut-off cell shows its whole text as a tooltip.
        TreeTableColumn<FlowRow, String> type = column("Type", 230, 120, this::typeText);
        getColumns().add(type);
        getColumns().add(column("Source", 110, 60, r -> event(r) == null ? "" : nullToEmpty(event(r).source())));
        getColumns().add(column("Time (UTC)", 100, 95, r -> event(r) == null || event(r).time() == null ? ""
                : TIME.format(event(r).time())));
        TreeTableColumn<FlowRow, String> latency = column("Latency", 80, 60, this::latencyText);
        latency.setCellFactory(c -> new FlowTreeCell.Latency());
        getColumns().add(latency);
        TreeTableColumn<FlowRow, String> markers = column("Markers", 120, 60, this::markersText);
        markers.setCellFactory(c -> new FlowTreeCell.Markers());
        getColumns().add(markers);
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!syncing && item != null && item.getValue() != null) {
                FlowRow row = item.getValue();
                onSelect.accept(row.isGroup() ? row.view().members().get(0) : row.node());
            }
        });
    }

    void show(LoadedFlow next) {
        flow = next;
        TreeItem<FlowRow> root = new TreeItem<>();
        if (next != null) {
            for (int top : next.collapsed().top()) {
                root.getChildren().add(FlowTreeItem.of(next, next.collapsed().nodes().get(top)));
            }
            expandFirstLevels(root, 3);
        }
        setRoot(root);
    }

    private static void expandFirstLevels(TreeItem<FlowRow> item, int levels) {
        item.setExpanded(true);
        if (levels > 0) {
            for (TreeItem<FlowRow> child : item.getChildren()) {
                if (child.getValue() != null && !child.getValue().isGroup()) {
                    expandFirstLevels(child, levels - 1);
                }
            }
        }
    }

    /** Selects the row of an event, opening its ancestors (and its group) as needed. */
    void select(int node) {
        if (flow == null || node < 0) {
            getSelectionModel().clearSelection();
            return;
        }
        TreeItem<FlowRow> current = getSelectionModel().getSelectedItem();
        if (current != null && current.getValue() != null && (current.getValue().node() == node
                || current.getValue().isGroup() && current.getValue().view().members().contains(node))) {
            return;
        }
        Deque<Integer> path = new ArrayDeque<>();
        for (int v = flow.viewNodeOf(node); v >= 0; v = flow.collapsed().nodes().get(v).parent()) {
            path.push(v);
        }
        TreeItem<FlowRow> item = getRoot();
        while (item != null && !path.isEmpty()) {
            item.setExpanded(true);
            item = childOfView(item, path.pop());
        }
        if (item != null && item.getValue().isGroup()) {
            item.setExpanded(true);
            item = item.getChildren().stream().filter(c -> c.getValue().node() == node).findFirst().orElse(item);
        }
        if (item != null) {
            syncing = true;
            try {
                getSelectionModel().select(item);
                int row = getRow(item);
                if (row >= 0) {
                    scrollTo(Math.max(0, row - 3));
                }
            } finally {
                syncing = false;
            }
        }
    }

    private static TreeItem<FlowRow> childOfView(TreeItem<FlowRow> parent, int view) {
        for (TreeItem<FlowRow> child : parent.getChildren()) {
            ViewNode v = child.getValue().view();
            if (v != null && v.id() == view) {
                return child;
            }
        }
        return null;
    }

    private FlowNode node(FlowRow row) {
        return row.isGroup() || flow == null ? null : flow.graph().node(row.node());
    }

    private Event event(FlowRow row) {
        FlowNode n = node(row);
        return n == null ? null : n.event();
    }

    private String typeText(FlowRow row) {
        FlowNode n = node(row);
        if (n == null) {
            return row.view().label();
        }
        return (flow.isReplay(n.index()) ? LanePalette.REPLAY_MARK : "") + nullToEmpty(n.type());
    }

    private String latencyText(FlowRow row) {
        FlowNode n = node(row);
        return n == null || n.isRoot() ? "" : FlowText.latency(n.latencyMicros());
    }

    private String markersText(FlowRow row) {
        FlowNode n = node(row);
        if (n == null) {
            return "";
        }
        String markers = FlowMarkers.of(n);
        String joined = FlowMarkers.joinedVia(flow.graph(), n);
        if (!joined.isEmpty()) {
            markers = (markers.isEmpty() ? "" : markers + " ") + joined;
        }
        return flow.isReplay(n.index()) ? (markers.isEmpty() ? "replay" : "replay " + markers) : markers;
    }

    private static TreeTableColumn<FlowRow, String> column(String title, double width, double min,
                                                           Function<FlowRow, String> value) {
        TreeTableColumn<FlowRow, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(min);
        c.setCellFactory(column -> new FlowTreeCell(false));
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue() == null || cell.getValue().getValue() == null ? "" : value.apply(cell.getValue().getValue())));
        return c;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

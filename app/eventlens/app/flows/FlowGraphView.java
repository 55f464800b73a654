package eventlens.app.flows;

import eventlens.app.base.Styles;
import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.CollapsedFlow;
import eventlens.model.flow.FlowNode;
import eventlens.model.flow.LayeredLayout;
import eventlens.model.flow.Placement;
import eventlens.model.flow.ViewNode;
import java.util.EnumSet;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import org.graphstream.graph.Node;
import org.graphstream.graph.implementations.SingleGraph;
import org.graphstream.ui.fx_viewer.FxDefaultView;
import org.graphstream.ui.fx_viewer.FxViewer;
import org.graphstream.ui.geom.Point3;
import org.graphstream.ui.graphicGraph.GraphicElement;
import org.graphstream.ui.graphicGraph.GraphicGraph;
import org.graphstream.ui.view.View;
import org.graphstream.ui.view.camera.Camera;
import org.graphstream.ui.view.util.InteractiveElement;
import org.graphstream.ui.view.util.MouseManager;

/**
 * The flow as a graph, drawn by GraphStream at the positions of our {@link LayeredLayout} (auto-layout
 * off): nodes coloured by source, failures red, orphans linked by a dashed edge to a grey "missing"
 * placeholder, latencies on the edges. Wheel or buttons zoom, dragging pans, a click selects. Above
 * {@link OpenFlowViewModel#NODE_BUDGET} view nodes nothing is drawn and a message says so.
 *
 * <p>GraphStream's own frame timer (25 frames a second, for ever) is stopped after its first tick: it
 * would keep JavaFX pulsing while nothing changes. The view repaints once after each change instead, and
 * its sizes are constants, since GraphStream's panel asks for 800×600 whatever room it has.
 */
final class FlowGraphView extends StackPane {
    static final double PREF_WIDTH = 320;
    static final double PREF_HEIGHT = 200;
    private final SingleGraph graph = new SingleGraph("flow");
    private final ClosableViewer viewer;
    private final FxDefaultView panel;
    private final Label message = new Label();
    private final IntConsumer onSelect;
    private final GraphStyle style = new GraphStyle();
    private final PaletteNode palette = new PaletteNode();
    private LoadedFlow flow;
    private String[] classes = new String[0];
    private int selectedView = -1;
    private double pressX;
    private double pressY;
    private Point3 pressCenter;
    private double guPerPxX;
    private double guPerPxY;
    private boolean dragged;
    private boolean pendingView;
    /** The panel's size when its zoom was last chosen or kept. */
    private double drawnWidth;
    private double drawnHeight;
    private boolean repaintPending;
    private boolean disposed;

    FlowGraphView(IntConsumer onSelect) {
        this.onSelect = onSelect;
        getStyleClass().add(Styles.FLOW_GRAPH);
        setId("flow-graph");
        viewer = new ClosableViewer(graph);
        viewer.disableAutoLayout();
        panel = (FxDefaultView) viewer.addDefaultView(false);
        panel.setMouseManager(new NoMouse());
        panel.setMinSize(0, 0);
        message.getStyleClass().add(Styles.MUTED);
        message.setWrapText(true);
        message.setVisible(false);
        getChildren().addAll(panel, message, palette);
        setMinSize(0, 0);
        // The stylesheet's colours: the GraphStream stylesheet is rebuilt when they resolve or the theme changes.
        palette.paletteProperty().subscribe(this::setColours);
        panel.setOnMousePressed(e -> {
            pressX = e.getX();
            pressY = e.getY();
            dragged = false;
            Camera camera = panel.getCamera();
            pressCenter = camera.getViewCenter();
            Point3 a = camera.transformPxToGu(0, 0);
            Point3 b = camera.transformPxToGu(1, 1);
            guPerPxX = b.x - a.x;
            guPerPxY = b.y - a.y;
        });
        panel.setOnMouseDragged(e -> {
            dragged = dragged || Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 3;
            if (dragged && pressCenter != null) {
                panel.getCamera().setViewCenter(pressCenter.x - (e.getX() - pressX) * guPerPxX,
                        pressCenter.y - (e.getY() - pressY) * guPerPxY, 0);
                repaint();
            }
        });
        panel.setOnMouseClicked(e -> {
            if (!dragged && e.getButton() == MouseButton.PRIMARY) {
                clickAt(e.getX(), e.getY());
            }
        });
        panel.setOnScroll(e -> zoom(e.getDeltaY() > 0 ? 0.85 : 1 / 0.85));
    }

    /** Shows a flow (null: none), or the too-large message. */
    void show(LoadedFlow next) {
        flow = next;
        selectedView = -1;
        classes = new String[0]; // nothing drawn (yet): nothing to highlight
        graph.clear();
        graph.setAttribute("ui.stylesheet", style.css());
        graph.setAttribute("ui.antialias");
        graph.setAttribute("ui.quality");
        repaint();
        if (next == null) {
            showMessage("Select a flow to see its graph.");
            return;
        }
        if (next.drawnNodes() > OpenFlowViewModel.NODE_BUDGET) {
            showMessage("Too large to draw (" + next.graph().size() + " events, " + next.drawnNodes()
                    + " nodes after folding) — use the tree.");
            return;
        }
        message.setVisible(false);
        panel.setVisible(true);
        build(next);
        panel.getCamera().resetView();
        pendingView = true;
        requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        return PREF_WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        return PREF_HEIGHT;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    /** Draws once on the next turn of the FX thread, however many changes come before it. */
    private void repaint() {
        if (!repaintPending && !disposed) {
            repaintPending = true;
            Platform.runLater(() -> {
                repaintPending = false;
                if (!disposed) {
                    viewer.repaint();
                }
            });
        }
    }

    /** True while GraphStream's own frame timer runs, for tests. */
    boolean timerRunning() {
        return viewer.timerRunning();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double w = panel.getWidth();
        double h = panel.getHeight();
        if (pendingView && panel.isVisible() && w > 1 && h > 1) {
            pendingView = false;
            panel.layout();
            readableView();
        } else if (flow != null && panel.isVisible() && drawnWidth > 1 && w > 1 && h > 1
                && (w != drawnWidth || h != drawnHeight)) {
            // Until the next render the camera keeps the old size: its scale is the one the user looked at.
            keepScale(guPerPx());
        }
        drawnWidth = w;
        drawnHeight = h;
    }

    /**
     * GraphStream's zoom is relative to the panel, so a bigger window would blow the nodes up: after a
     * resize the zoom is changed so that a node keeps its size on screen, and more of the flow shows.
     */
    private void keepScale(double guPerPxBefore) {
        if (guPerPxBefore <= 0) {
            return;
        }
        panel.render(panel.getGraphics());
        double now = guPerPx();
        if (now > 0) {
            Camera camera = panel.getCamera();
            // Labels hide below ~0.75 pixel a unit; GraphStream counts that threshold in zoom steps, which
            // mean another scale at another panel size.
            if (style.textUnderZoom(1 / (0.75 * now / camera.getViewPercent()))) {
                graph.setAttribute("ui.stylesheet", style.css());
            }
            camera.setViewPercent(Math.max(0.02, Math.min(4, camera.getViewPercent() * guPerPxBefore / now)));
            repaint();
        }
    }

    /** Graph units per screen pixel as last drawn; 0 before the panel has a camera (never drawn). */
    private double guPerPx() {
        Camera camera = panel.getCamera();
        if (camera == null) {
            return 0;
        }
        Point3 a = camera.transformPxToGu(0, 0);
        Point3 b = camera.transformPxToGu(1, 0);
        return Math.abs(b.x - a.x);
    }

    /**
     * Starts at a readable scale (1.1 pixels a layout unit, {@link #startRoot} at the top) instead of fitting a
     * large flow into a blur; labels are hidden when zoomed out below ~0.75 pixel a unit.
     */
    private void readableView() {
        Camera camera = panel.getCamera();
        viewer.computeGraphMetrics();
        camera.resetView();
        panel.render(panel.getGraphics());
        Point3 a = camera.transformPxToGu(0, 0);
        Point3 b = camera.transformPxToGu(1, 0);
        double guPerPx = Math.max(1e-6, Math.abs(b.x - a.x));
        if (style.textUnderZoom(1 / (0.75 * guPerPx))) {
            graph.setAttribute("ui.stylesheet", style.css());
        }
        if (guPerPx > 1 && !flow.collapsed().top().isEmpty()) {
            camera.setViewPercent(1 / (1.1 * guPerPx));
            Placement root = flow.layout().of(startRoot(flow.collapsed()));
            camera.setViewCenter(root.x(), -root.y() - (panel.getHeight() / 2 - 50), 0);
        }
        if (selectedView >= 0) {
            panel.render(panel.getGraphics());
            revealIfHidden(flow.layout().of(selectedView));
        }
        repaint();
    }

    /** The most characters of a type a node's box shows at the opening scale (148 units, 11-pixel text). */
    static final int BOX_CHARS = 26;

    /**
     * A label that fits its box: a longer one keeps its start and, a little longer, its end (where the types of one
     * family differ) around an ellipsis ({@code WorkflowExe…UpdateAccepted}); the tree beside the graph and the
     * detail pane name it whole.
     */
    static String boxed(String label) {
        if (label.length() <= BOX_CHARS) {
            return label;
        }
        int head = (BOX_CHARS - 1) / 2 - 1;
        return label.substring(0, head) + "…" + label.substring(label.length() - (BOX_CHARS - 1 - head));
    }

    /**
     * The root the graph opens on: the first that caused anything. A Temporal history's first event, or a trace's
     * orphan span, is often a root alone, and the view opened on one lone box while the flow lay beside it.
     */
    static int startRoot(CollapsedFlow flow) {
        for (int id : flow.top()) {
            if (!flow.nodes().get(id).children().isEmpty()) {
                return id;
            }
        }
        return flow.top().get(0);
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(true);
        panel.setVisible(false);
    }

    private void build(LoadedFlow f) {
        CausalGraph g = f.graph();
        classes = new String[f.drawnNodes()];
        for (ViewNode v : f.collapsed().nodes()) {
            Placement p = f.layout().of(v.id());
            Node n = graph.addNode("v" + v.id());
            n.setAttribute("xyz", p.x(), -p.y(), 0);
            FlowNode event = v.isGroup() ? null : g.node(v.node());
            int lane = g.node(v.members().get(0)).lane();
            // One class per node: GraphStream's cascade over several classes is unreliable.
            boolean replay = event != null && f.isReplay(event.index());
            String cls = replay ? "replay" : event != null && event.failed() ? "failed"
                    : "lane" + Math.floorMod(lane, LanePalette.size());
            classes[v.id()] = cls;
            n.setAttribute("ui.class", cls);
            n.setAttribute("ui.label", (replay ? LanePalette.REPLAY_MARK : "")
                    + (event == null ? "" : FlowMarkers.symbol(event)) + boxed(v.label()));
            if (v.parent() >= 0) {
                var edge = graph.addEdge("e" + v.id(), "v" + v.parent(), "v" + v.id(), true);
                if (event != null) {
                    edge.setAttribute("ui.label", FlowMarkers.edgeLabel(event));
                    if (replay) {
                        edge.setAttribute("ui.class", "replay");
                    } else if (event.latencyMicros() != null && event.latencyMicros() < 0) {
                        edge.setAttribute("ui.class", "skew");
                    }
                }
            }
            if (event != null && event.missingCauseId() != null) {
                addMissing(event.missingCauseId(), v.id(), p);
            }
        }
        addLinks(f);
    }

    /** Second links (a message with its own cause, also sent inside a span: decision 0021), dashed. */
    private void addLinks(LoadedFlow f) {
        int k = 0;
        for (var link : f.graph().links()) {
            int cause = f.viewNodeOf(link.cause());
            int effect = f.viewNodeOf(link.effect());
            if (cause >= 0 && effect >= 0 && cause != effect) {
                var edge = graph.addEdge("l" + k++, "v" + cause, "v" + effect, true);
                edge.setAttribute("ui.class", "link");
                edge.setAttribute("ui.label", "traceparent");
            }
        }
    }

    private void addMissing(String causeId, int viewId, Placement orphan) {
        String id = "m:" + causeId;
        if (graph.getNode(id) == null) {
            Node missing = graph.addNode(id);
            missing.setAttribute("xyz", orphan.x(), -orphan.y() + LayeredLayout.LAYER_GAP, 0);
            missing.setAttribute("ui.class", "missing");
            missing.setAttribute("ui.label", "missing " + causeId);
        }
        graph.addEdge("m" + viewId, id, "v" + viewId, true).setAttribute("ui.class", "missing");
    }

    /** Highlights the view node of an event (-1: none). */
    void select(int node) {
        int view = flow == null || classes.length == 0 ? -1 : flow.viewNodeOf(node);
        if (view == selectedView) {
            return;
        }
        if (selectedView >= 0) {
            graph.getNode("v" + selectedView).setAttribute("ui.class", classes[selectedView]);
        }
        selectedView = view;
        if (view >= 0) {
            graph.getNode("v" + view).setAttribute("ui.class", classes[view] + GraphStyle.SELECTED);
            revealIfHidden(flow.layout().of(view));
        }
        repaint();
    }

    /** Pans to a node selected elsewhere when it is outside the drawn area. */
    private void revealIfHidden(Placement p) {
        if (pendingView || panel.getWidth() <= 1) {
            return;
        }
        Point3 px = panel.getCamera().transformGuToPx(p.x(), -p.y(), 0);
        if (px.x < 40 || px.y < 20 || px.x > panel.getWidth() - 40 || px.y > panel.getHeight() - 20) {
            panel.getCamera().setViewCenter(p.x(), -p.y(), 0);
        }
    }

    private void clickAt(double x, double y) {
        GraphicElement hit = panel.findGraphicElementAt(EnumSet.of(InteractiveElement.NODE), x, y);
        if (hit != null && hit.getId().startsWith("v") && flow != null) {
            ViewNode v = flow.collapsed().nodes().get(Integer.parseInt(hit.getId().substring(1)));
            onSelect.accept(v.isGroup() ? v.members().get(0) : v.node());
        }
    }

    /** The id GraphStream gives the drawn node of an event, for tests: "v" + view node. */
    String drawnIdOf(int node) {
        return flow == null ? null : "v" + flow.viewNodeOf(node);
    }

    /** The GraphStream class of a drawn node, for tests ("failed", "lane2", "missing", "failedsel"). */
    String classOf(String drawnId) {
        Node n = graph.getNode(drawnId);
        return n == null ? null : (String) n.getAttribute("ui.class");
    }

    /** How many drawn edges carry a GraphStream class ("link", "skew", "missing"), for tests. */
    long edgesOfClass(String cls) {
        return graph.edges().filter(e -> cls.equals(e.getAttribute("ui.class"))).count();
    }

    /** True when the drawn node carries the selection style. */
    boolean isSelected(String drawnId) {
        String cls = classOf(drawnId);
        return cls != null && cls.endsWith(GraphStyle.SELECTED);
    }

    void zoom(double factor) {
        Camera camera = panel.getCamera();
        camera.setViewPercent(Math.max(0.02, Math.min(4, camera.getViewPercent() * factor)));
        repaint();
    }

    /** The camera's zoom (1: the whole flow), for tests. */
    double viewPercent() {
        return panel.getCamera().getViewPercent();
    }

    void fit() {
        panel.getCamera().resetView();
        repaint();
    }

    /** The GraphStream stylesheet in use, in the stylesheet's colours. */
    String stylesheet() {
        return style.css();
    }

    private void setColours(LanePalette colours) {
        if (style.set(colours)) {
            graph.setAttribute("ui.stylesheet", style.css());
            repaint();
        }
    }

    /**
     * The whole flow as a picture the size of the panel, for "PNG of the graph": fitted for the snapshot,
     * then drawn again as the user had it.
     */
    javafx.scene.image.WritableImage snapshotWhole() {
        if (!panel.isVisible()) {
            return message.snapshot(null, null);
        }
        Camera camera = panel.getCamera();
        double percent = camera.getViewPercent();
        Point3 centre = camera.getViewCenter();
        camera.resetView();
        drawNow();
        javafx.scene.image.WritableImage image = panel.snapshot(null, null);
        camera.setViewPercent(percent);
        camera.setViewCenter(centre.x, centre.y, centre.z);
        drawNow();
        return image;
    }

    /** Draws now (GraphStream otherwise draws on its own timer), e.g. before a snapshot. */
    void drawNow() {
        if (panel.isVisible()) {
            viewer.computeGraphMetrics();
            panel.render(panel.getGraphics());
        }
    }

    javafx.scene.Node drawing() {
        return panel.isVisible() ? panel : message;
    }

    void dispose() {
        disposed = true;
        viewer.closeEvenIfNeverDrawn();
    }

    /**
     * GraphStream's viewer, closable also when its view was never drawn: then its renderer throws a
     * NullPointerException (gs-core#150, open) before {@code close()} stops the frame timer, which
     * would go on firing at a dead graph.
     */
    private static final class ClosableViewer extends FxViewer {
        private boolean timerStopped;

        ClosableViewer(org.graphstream.graph.Graph graph) {
            super(graph, FxViewer.ThreadingModel.GRAPH_IN_GUI_THREAD);
        }

        /**
         * The frame timer's tick: stops the timer. {@code init} starts it from a thread of its own, so it
         * cannot be stopped reliably before; its first tick is the first moment it surely runs.
         */
        @Override
        public void actionPerformed() {
            if (timeline != null) {
                timeline.stop();
            }
            timerStopped = true;
        }

        /** Draws the views when the graph or the camera changed since the last drawing. */
        void repaint() {
            super.actionPerformed();
        }

        boolean timerRunning() {
            return !timerStopped && timeline != null
                    && timeline.getStatus() == javafx.animation.Animation.Status.RUNNING;
        }

        void closeEvenIfNeverDrawn() {
            try {
                close();
            } catch (NullPointerException neverDrawn) {
                timeline.stop();
            }
        }
    }

    /** GraphStream's own mouse handling moves nodes; ours selects, pans and zooms instead. */
    private static final class NoMouse implements MouseManager {
        @Override
        public void init(GraphicGraph graphicGraph, View view) {
        }

        @Override
        public void release() {
        }

        @Override
        public EnumSet<InteractiveElement> getManagedTypes() {
            return EnumSet.noneOf(InteractiveElement.class);
        }
    }
}

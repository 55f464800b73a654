package eventlens.app.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Styles a view a piece at a time: a view's first styling in the scene is one call that cannot be cut (100–230 ms of
 * the FX thread for the bigger views in the window's first seconds, when the JIT takes the other core). Before the
 * view enters the scene, the pieces of a big view are taken out of the places that hold them (a border pane's
 * regions, a tab's content, a box's children, each held by a placeholder meanwhile; what a split pane's items hold);
 * the view is styled without them, then each is put back and styled on its own, in a task of its own. A piece is split
 * again while it holds more than {@code maxNodes} nodes and has such places; one without them is styled whole.
 *
 * <p>Until {@link #finish()} the view is incomplete: the caller keeps it unseen, and calls {@link #finish()} at once if
 * it must be shown sooner (the pieces left are put back, to be styled by the next pulse as they would have been).
 */
public final class StyledInPieces {
    /** A place that holds a piece: how to take it out, and how to put it back. */
    private record Place(Node piece, Runnable takeOut, Runnable putBack) {
    }

    /** The panes whose children are taken out: JavaFX's own boxes only (a subclass may keep its children in order). */
    private static final Set<Class<?>> PANES = Set.of(VBox.class, HBox.class, StackPane.class);

    /** The style class of the placeholders that hold a piece's place while it is out. */
    public static final String HOLDER = "warm-up-holder";

    private final Node view;
    private final List<Place> places = new ArrayList<>();
    private int next;

    private StyledInPieces(Node view) {
        this.view = view;
    }

    /**
     * Takes the pieces out of {@code view}, which is not in a scene yet, split while bigger than {@code maxNodes}
     * nodes; the view then holds what its first {@link #styleNext} styles.
     */
    public static StyledInPieces takeApart(Node view, int maxNodes) {
        StyledInPieces s = new StyledInPieces(view);
        s.plan(view, maxNodes);
        for (Place p : s.places) {
            p.takeOut().run();
        }
        return s;
    }

    /** The view taken apart. */
    public Node view() {
        return view;
    }

    /** How many pieces were taken out. */
    public int pieces() {
        return places.size();
    }

    /**
     * Styles the next piece: first the view itself (it must be in the scene by now), then each piece put back in turn;
     * false once every piece is back and styled.
     */
    public boolean styleNext() {
        if (next == 0) {
            view.applyCss();
            next++;
            return !places.isEmpty();
        }
        if (next > places.size()) {
            return false;
        }
        Place p = places.get(next - 1);
        p.putBack().run();
        p.piece().applyCss();
        next++;
        return next <= places.size();
    }

    /** Puts back every piece not back yet, unstyled: the next pulse styles them. */
    public void finish() {
        for (int i = Math.max(0, next - 1); i < places.size(); i++) {
            places.get(i).putBack().run();
        }
        next = places.size() + 1;
    }

    /** The places below {@code node} while it is bigger than {@code maxNodes}, in the order they are put back. */
    private void plan(Node node, int maxNodes) {
        if (count(node) > maxNodes) {
            placesIn(node, p -> {
                places.add(p);
                plan(p.piece(), maxNodes); // its own pieces right after it: put back once it is, styled after it
            });
        }
    }

    private static void placesIn(Node node, Consumer<Place> out) {
        if (node instanceof BorderPane b) {
            border(b.topProperty(), out);
            border(b.leftProperty(), out);
            border(b.centerProperty(), out);
            border(b.rightProperty(), out);
            border(b.bottomProperty(), out);
        } else if (node instanceof SplitPane split) {
            // Its items stay: one replaced, even by a placeholder, made the split pane place its dividers elsewhere
            // at its first layout. What they hold is taken out instead.
            for (Node item : split.getItems()) {
                placesIn(item, out);
            }
        } else if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                Node piece = tab.getContent();
                if (piece != null) {
                    out.accept(new Place(piece, () -> tab.setContent(null), () -> {
                        if (tab.getContent() == null) {
                            tab.setContent(piece);
                        }
                    }));
                }
            }
        } else if (PANES.contains(node.getClass())) {
            held(((Pane) node).getChildren(), out);
        }
    }

    /**
     * The children of a box: each held by a placeholder while it is out, so that the box keeps its order; put back
     * only where the placeholder still is.
     */
    private static void held(List<Node> nodes, Consumer<Place> out) {
        for (int i = 0; i < nodes.size(); i++) {
            Node piece = nodes.get(i);
            int index = i;
            Region holder = new Region();
            holder.getStyleClass().add(HOLDER);
            out.accept(new Place(piece, () -> nodes.set(index, holder), () -> {
                if (nodes.size() > index && nodes.get(index) == holder) {
                    nodes.set(index, piece);
                }
            }));
        }
    }

    /** A region of a border pane; put back only if the view has put nothing else there meanwhile. */
    private static void border(ObjectProperty<Node> region, Consumer<Place> out) {
        Node piece = region.get();
        if (piece != null) {
            out.accept(new Place(piece, () -> region.set(null), () -> {
                if (region.get() == null) {
                    region.set(piece);
                }
            }));
        }
    }

    /**
     * The nodes of {@code node}'s tree (itself included); a split or tab pane without a skin yet counts the pieces it
     * holds, which its skin will make its children.
     */
    static int count(Node node) {
        int n = 1;
        if (node instanceof SplitPane split && split.getSkin() == null) {
            for (Node item : split.getItems()) {
                n += count(item);
            }
        } else if (node instanceof TabPane tabs && tabs.getSkin() == null) {
            for (Tab tab : tabs.getTabs()) {
                n += tab.getContent() == null ? 0 : count(tab.getContent());
            }
        } else if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                n += count(child);
            }
        }
        return n;
    }
}

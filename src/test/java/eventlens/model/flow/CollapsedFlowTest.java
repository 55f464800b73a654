package eventlens.model.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollapsedFlowTest {
    /** A cart: 500 item.added leaves, interleaved 20 item.priced, one failed item.added, one with an effect. */
    private static CausalGraph cart() {
        Events e = new Events().add("cart", "cart.opened", "cart", 0L, null);
        for (int i = 0; i < 500; i++) {
            e.add("add" + i, "item.added", "cart", 1L + i, "cart");
            if (i % 25 == 0) {
                e.add("price" + i, "item.priced", "pricing", 1L + i, "cart");
            }
        }
        e.add("bad", "item.added.failed", "cart", 600L, "cart");
        e.add("add-x", "item.added", "cart", 601L, "cart");
        e.add("note", "stock.checked", "stock", 602L, "add-x");
        return e.graph();
    }

    @Test
    void repeatedLeafSiblingsOfOneTypeFoldIntoAGroup() {
        CollapsedFlow flow = CollapsedFlow.of(cart());
        ViewNode root = flow.nodes().get(flow.top().get(0));
        List<ViewNode> kids = root.children().stream().map(flow.nodes()::get).toList();
        assertThat(kids).extracting(ViewNode::label)
                .containsExactly("×500 item.added", "×20 item.priced", "item.added.failed", "item.added");
        ViewNode group = kids.get(0);
        assertThat(group.isGroup()).isTrue();
        assertThat(group.count()).isEqualTo(500);
        assertThat(group.first()).isEqualTo(Events.T0.plusMillis(1));
        assertThat(group.last()).isEqualTo(Events.T0.plusMillis(500));
        assertThat(group.depth()).isEqualTo(1);
        assertThat(kids.get(3).children()).hasSize(1);
        assertThat(flow.size()).isEqualTo(1 + 4 + 1);
    }

    @Test
    void everyEventIsStandingInExactlyOneViewNode() {
        CausalGraph g = cart();
        CollapsedFlow flow = CollapsedFlow.of(g);
        Map<Integer, Integer> seen = new HashMap<>();
        flow.nodes().forEach(v -> v.members().forEach(m -> seen.merge(m, 1, Integer::sum)));
        assertThat(seen).hasSize(g.size());
        assertThat(seen.values()).containsOnly(1);
    }

    @Test
    void fewerSiblingsThanTheRunStayUnfoldedAndExpandedParentsShowEverything() {
        CausalGraph g = cart();
        assertThat(CollapsedFlow.of(g, 1000, Set.of()).size()).isEqualTo(g.size());
        int cart = g.node("cart").orElseThrow().index();
        assertThat(CollapsedFlow.of(g, 10, Set.of(cart)).size()).isEqualTo(g.size());
    }

    @Test
    void rootsFoldToo() {
        Events e = new Events();
        for (int i = 0; i < 30; i++) {
            e.add("h" + i, "heartbeat", "monitor", (long) i, null);
        }
        CollapsedFlow flow = CollapsedFlow.of(e.graph());
        assertThat(flow.top()).hasSize(1);
        assertThat(flow.nodes().get(0).label()).isEqualTo("×30 heartbeat");
        assertThat(CollapsedFlow.of(e.graph(), 10, Set.of(CollapsedFlow.ROOTS)).top()).hasSize(30);
    }

    @Test
    void layoutPutsChildrenOneLayerBelowTheirParentAndNoTwoNodesTogether() {
        for (CausalGraph g : List.of(cart(), CausalGraph.build(Events.tree(5_000, 3)),
                CausalGraph.build(Events.tree(2_000, 60)))) {
            CollapsedFlow flow = CollapsedFlow.of(g);
            FlowLayout layout = new LayeredLayout().layout(flow);
            assertThat(layout.placements()).hasSize(flow.size());
            Set<String> spots = new HashSet<>();
            for (ViewNode v : flow.nodes()) {
                Placement p = layout.of(v.id());
                assertThat(spots.add(p.x() + "," + p.y())).as("overlap at %s", p).isTrue();
                if (v.parent() >= 0) {
                    Placement parent = layout.of(v.parent());
                    assertThat(p.y() - parent.y()).isEqualTo(LayeredLayout.LAYER_GAP);
                }
                assertThat(p.x()).isBetween(0.0, layout.width());
                assertThat(p.y()).isBetween(0.0, layout.height());
            }
        }
    }

    @Test
    void layoutKeepsSiblingsInTimeOrderLeftToRightAndIsDeterministic() {
        CausalGraph g = CausalGraph.build(Events.tree(400, 4));
        CollapsedFlow flow = CollapsedFlow.of(g);
        FlowLayout a = new LayeredLayout().layout(flow);
        FlowLayout b = new LayeredLayout().layout(CollapsedFlow.of(g));
        assertThat(a).isEqualTo(b);
        for (ViewNode v : flow.nodes()) {
            for (int i = 1; i < v.children().size(); i++) {
                assertThat(a.of(v.children().get(i)).x()).isGreaterThan(a.of(v.children().get(i - 1)).x());
            }
        }
    }
}

package eventlens.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class RollingListTest {
    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void keepsTheLastRowsAndTellsEachAppendAsOneChangeThatReplaysOntoACopy() {
        RollingList<Integer> list = new RollingList<>(5);
        List<Integer> mirror = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        list.addListener((ListChangeListener<Integer>) c -> {
            changes.add("change");
            while (c.next()) {
                // Apply the change to a plain list: it must end equal to the rolling one.
                mirror.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                if (c.wasAdded()) {
                    mirror.addAll(c.getFrom(), c.getAddedSubList());
                }
            }
        });
        list.append(range(0, 3));
        assertThat(list).containsExactly(0, 1, 2);
        list.append(range(3, 7));
        assertThat(list).containsExactly(2, 3, 4, 5, 6);
        list.append(range(7, 20));
        assertThat(list).containsExactly(15, 16, 17, 18, 19);
        list.append(List.of());
        assertThat(mirror).isEqualTo(list);
        assertThat(changes).hasSize(3);
        list.clear();
        assertThat(list).isEmpty();
        assertThat(mirror).isEmpty();
        list.append(range(20, 22));
        assertThat(list).containsExactly(20, 21);
        assertThat(mirror).isEqualTo(list);
    }
}

package eventlens.app.deadletters;

import eventlens.model.DeadLetter;
import eventlens.model.deadletter.DeadLetterFilter;
import eventlens.model.deadletter.DeadLetterGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds where a dead letter shows in the view (on a worker): its group and the page of that group it is on,
 * under the view's filter, else under no filter when the filter hides it. Pages are walked from the first,
 * as the view pages, so that "201–400 of 950" stays true; dead letters are few next to events.
 */
final class EntryFinder {
    /**
     * The entry, its group's row among the filter's groups, and its page.
     *
     * @param filter the filter it was found under (the view's, or {@link DeadLetterFilter#ALL})
     * @param rows the groups of that filter
     * @param group the row of the entry's group
     * @param pageStarts the keys the pages up to its page start after
     * @param page the entries of its page
     * @param more true when another page follows
     * @param entry the dead letter
     */
    record Found(DeadLetterFilter filter, List<GroupRow> rows, GroupRow group, List<Long> pageStarts,
                 List<DeadLetter> page, boolean more, DeadLetter entry) {
    }

    private EntryFinder() {
    }

    static Optional<Found> find(DeadLetterGroups source, DeadLetterFilter filter, long key, int pageSize, int buckets) {
        Optional<DeadLetter> entry = source.entry(key);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        List<DeadLetterFilter> tries = filter.equals(DeadLetterFilter.ALL) ? List.of(filter) : List.of(filter, DeadLetterFilter.ALL);
        for (DeadLetterFilter f : tries) {
            Optional<Found> found = findUnder(source, f, entry.get(), pageSize, buckets);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> findUnder(DeadLetterGroups source, DeadLetterFilter filter, DeadLetter entry,
                                             int pageSize, int buckets) {
        DeadLetterFilter group = filter.withFingerprint(entry.fingerprint());
        List<Long> starts = new ArrayList<>(List.of(0L));
        while (true) {
            List<DeadLetter> read = source.entries(group, starts.get(starts.size() - 1), pageSize + 1);
            List<DeadLetter> page = read.size() > pageSize ? read.subList(0, pageSize) : read;
            if (page.stream().anyMatch(d -> d.key() == entry.key())) {
                List<GroupRow> rows = Sparklines.rows(source, filter, source.all(filter), buckets);
                return rows.stream().filter(r -> entry.fingerprint().equals(r.group().fingerprint())).findFirst()
                        .map(row -> new Found(filter, rows, row, List.copyOf(starts), List.copyOf(page),
                                read.size() > pageSize, entry));
            }
            // Pages come in key order: past its key, the filter hides it.
            if (read.size() <= pageSize || page.get(page.size() - 1).key() > entry.key()) {
                return Optional.empty();
            }
            starts.add(page.get(page.size() - 1).key());
        }
    }
}

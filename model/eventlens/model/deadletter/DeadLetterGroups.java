package eventlens.model.deadletter;

import eventlens.model.DeadLetter;
import eventlens.model.store.DeadLetterQueries;
import eventlens.model.store.ProjectStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dead letters of a project grouped by fingerprint, and the entries of a group, a page at a time.
 *
 * <p>The store hands out one row per failure shape and place ({@link DeadLetterQueries#shapes}: fingerprint,
 * handler, queue and event type with their counts and failure times, one indexed pass); they are folded
 * here into groups, and the samples of a page's groups are then read by key. Groups come largest first
 * (then by fingerprint). Reads go through a connection of their own; close this when done.
 */
public final class DeadLetterGroups implements DeadLetterPages, AutoCloseable {
    private final DeadLetterQueries queries;

    /** Groups of an open project. */
    public DeadLetterGroups(ProjectStore store) {
        this.queries = new DeadLetterQueries(store);
    }

    /** Every group matching the filter, largest first. */
    public List<DeadLetterGroup> all(DeadLetterFilter filter) {
        return page(filter, 0, Integer.MAX_VALUE);
    }

    /** Up to {@code limit} groups matching the filter from {@code offset}, largest first. */
    public List<DeadLetterGroup> page(DeadLetterFilter filter, long offset, int limit) {
        List<Accumulated> groups = accumulate(filter);
        List<DeadLetterGroup> out = new ArrayList<>();
        for (long i = offset; i < groups.size() && out.size() < limit; i++) {
            Accumulated group = groups.get((int) i);
            out.add(group.finish(queries.sample(group.sampleKey)));
        }
        return out;
    }

    /** Number of groups matching the filter. */
    public long count(DeadLetterFilter filter) {
        return accumulate(filter).size();
    }

    /** Number of dead letters matching the filter. */
    public long entryCount(DeadLetterFilter filter) {
        return queries.count(filter.criteria());
    }

    /** Up to {@code limit} dead letters matching the filter with a key above {@code afterKey}, in key order. */
    @Override
    public List<DeadLetter> entries(DeadLetterFilter filter, long afterKey, int limit) {
        return queries.entries(filter.criteria(), afterKey, limit);
    }

    /** The dead letter with this store key. */
    public Optional<DeadLetter> entry(long key) {
        return queries.entry(key);
    }

    @Override
    public void close() {
        queries.close();
    }

    private List<Accumulated> accumulate(DeadLetterFilter filter) {
        Map<String, Accumulated> byFingerprint = new LinkedHashMap<>();
        for (DeadLetterQueries.Shape shape : queries.shapes(filter.criteria())) {
            byFingerprint.computeIfAbsent(shape.fingerprint() == null ? "" : shape.fingerprint(), Accumulated::new)
                    .add(shape);
        }
        List<Accumulated> groups = new ArrayList<>(byFingerprint.values());
        groups.sort(Comparator.comparingLong((Accumulated a) -> -a.count).thenComparing(a -> a.fingerprint));
        return groups;
    }

    /** One group while its rows are folded in. */
    private static final class Accumulated {
        final String fingerprint;
        long count;
        Instant first;
        Instant last;
        long sampleKey = Long.MAX_VALUE;
        final Map<String, Long> handlers = new HashMap<>();
        final Map<String, Long> types = new HashMap<>();
        final Map<String, Long> queues = new HashMap<>();

        Accumulated(String fingerprint) {
            this.fingerprint = fingerprint;
        }

        void add(DeadLetterQueries.Shape shape) {
            count += shape.count();
            if (shape.firstFailure() != null && (first == null || shape.firstFailure().isBefore(first))) {
                first = shape.firstFailure();
            }
            if (shape.lastFailure() != null && (last == null || shape.lastFailure().isAfter(last))) {
                last = shape.lastFailure();
            }
            sampleKey = Math.min(sampleKey, shape.firstKey());
            tally(handlers, shape.handler(), shape.count());
            tally(types, shape.eventType(), shape.count());
            tally(queues, shape.queue(), shape.count());
        }

        DeadLetterGroup finish(DeadLetterQueries.Sample sample) {
            return new DeadLetterGroup(fingerprint, count, first, last, sample.errorType(), sample.message(),
                    sampleKey, ranked(handlers), ranked(types), ranked(queues));
        }

        private static void tally(Map<String, Long> counts, String value, long n) {
            if (value != null) {
                counts.merge(value, n, Long::sum);
            }
        }

        private static List<String> ranked(Map<String, Long> counts) {
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
        }
    }
}

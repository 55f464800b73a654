package eventlens.model.deadletter;

import eventlens.model.DeadLetter;
import java.util.List;

/**
 * Dead letters a page at a time, in key order: what walks a group of any size (a dry run, an export)
 * reads from, so that it holds one page and never the whole group. {@link DeadLetterGroups} is the project's.
 */
@FunctionalInterface
public interface DeadLetterPages {
    /** Up to {@code limit} dead letters matching the filter with a key above {@code afterKey}, in key order. */
    List<DeadLetter> entries(DeadLetterFilter filter, long afterKey, int limit);
}

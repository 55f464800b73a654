package eventlens.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last steps of a run, each with what a step back to it shows (decision 0054): the delivery, the run's counts
 * right after it and the key of the last recorded event delivered by then. Oldest steps drop out once
 * {@code capacity} are kept. Not thread-safe: {@link ReplaySession} holds its lock.
 */
final class Kept {
    /** One kept step. */
    record Step(Delivery delivery, RunSummary summary, long watermark) {
    }

    private final Step[] ring;
    private int size;
    private long newest;
    private Instant start;
    private RunSummary startSummary;

    Kept(int capacity) {
        ring = new Step[capacity];
    }

    /** Forgets every step: the run starts over at {@code start}, with the counts {@code summary}. */
    void clear(Instant startTime, RunSummary summary) {
        java.util.Arrays.fill(ring, null);
        size = 0;
        newest = 0;
        start = startTime;
        startSummary = summary;
    }

    /** Keeps the step the run just did, the one after the newest kept. */
    void add(Delivery d, RunSummary summary, long watermark) {
        newest = d.index();
        ring[(int) (newest % ring.length)] = new Step(d, summary, watermark);
        size = Math.min(size + 1, ring.length);
    }

    /** The virtual time before the first step. */
    Instant start() {
        return start;
    }

    /** True when the session can show {@code step} from what is kept: a kept step, or the start while step 1 is kept. */
    boolean reaches(long step) {
        return step == 0 ? size == 0 || oldest() == 1 : step >= oldest() && step <= newest;
    }

    /** A kept step. */
    Step at(long step) {
        if (step < oldest() || step > newest) {
            throw new IllegalArgumentException("step " + step + " is not kept (" + oldest() + "–" + newest + ")");
        }
        return ring[(int) (step % ring.length)];
    }

    /** The counts right after {@code step}, which {@link #reaches} (0: before the first step). */
    RunSummary summaryAt(long step) {
        return step == 0 ? startSummary : at(step).summary();
    }

    /** True when the kept {@code step} failed (a handler, upcaster or reducer), as a breakpoint on errors asks. */
    boolean failedAt(long step) {
        return reaches(step - 1) && summaryAt(step).failed() > summaryAt(step - 1).failed();
    }

    /** True when the kept {@code step} settled a divergence. */
    boolean divergedAt(long step) {
        return reaches(step - 1) && summaryAt(step).divergences() > summaryAt(step - 1).divergences();
    }

    /** The kept deliveries up to {@code step}, oldest first. */
    List<Delivery> deliveriesUpTo(long step) {
        List<Delivery> out = new ArrayList<>((int) Math.max(0, Math.min(size, step - oldest() + 1)));
        for (long i = oldest(); i <= Math.min(step, newest); i++) {
            out.add(at(i).delivery());
        }
        return out;
    }

    private long oldest() {
        return newest - size + 1;
    }

    /** What {@code all} holds of the outputs counted by {@code then}: the run's outputs as they were at that step. */
    static RunOutputs upTo(RunOutputs all, RunSummary then) {
        return new RunOutputs(prefix(all.published(), then.published()), prefix(all.deadLetters(), then.deadLettered()),
                prefix(all.failures(), then.failed()), prefix(all.logs(), then.logLines()),
                prefix(all.divergences(), then.divergences()), prefix(all.warnings(), then.warnings()));
    }

    private static <T> List<T> prefix(List<T> items, long count) {
        return items.subList(0, (int) Math.min(items.size(), count));
    }
}

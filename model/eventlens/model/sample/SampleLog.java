package eventlens.model.sample;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * A deterministic synthetic event log in the seeds' order-processing style, for
 * {@code eventlens sample} and for benchmarks.
 *
 * <p>The output is JSON lines in the envelope of the bundled samples ({@code id, type, timestamp,
 * source, aggregateType, aggregateId, version, data, metadata{correlationId, causationId, userId,
 * traceId}}). Orders arrive about once a second from {@link #START} and run through the saga of
 * {@code order.created}, fraud check, verification, payment, fulfilment, shipment, notification,
 * delivery, completion and loyalty points, interleaved in time order. Causation chains reach depth
 * ten; about 2% of orders fail payment and are compensated, about 1% are flagged by the fraud check
 * and 1% are out of stock. Dead-letter records in the seeds' shape ({@code event, handler, error,
 * stack, failedAt, retryCount}) make up about 0.5% of lines; each embeds the exact text of an event
 * written on an earlier line.
 *
 * <p><b>Counting:</b> {@code lines} counts every line written, events and dead letters together; a
 * log of N lines ends wherever the N-th line falls, so the last orders may be cut mid-flow, as in
 * an export taken from a live system.
 *
 * <p>The same seed and line count always give byte-identical output: all randomness comes from one
 * {@link java.util.SplittableRandom} and no clock is read. Memory use does not grow with the
 * length of the log, and lines are built in a reused buffer, not through JSON trees.
 */
public final class SampleLog {
    /** The time of the first order. */
    public static final Instant START = Instant.parse("2024-01-15T08:00:00Z");

    private final long seed;

    /** A generator for the given seed; instances hold no state between calls and may be reused. */
    public SampleLog(long seed) {
        this.seed = seed;
    }

    /**
     * Writes exactly {@code lines} lines (events and dead letters) to {@code out} and flushes it.
     *
     * @return the number of lines written, always {@code lines}
     * @throws IOException when {@code out} fails
     */
    public long write(Writer out, long lines) throws IOException {
        return generate(out, lines).lines();
    }

    /**
     * Like {@link #write} but returns what was written.
     *
     * @throws IllegalArgumentException when {@code lines} is negative
     * @throws IOException when {@code out} fails
     */
    public Summary generate(Writer out, long lines) throws IOException {
        if (lines < 0) {
            throw new IllegalArgumentException("line count must not be negative: " + lines);
        }
        return new LogRun(seed, START.toEpochMilli(), out).run(lines);
    }

    /**
     * What one call wrote: {@code lines} = {@code events} + {@code deadLetters}; {@code orders} is the
     * number of orders (correlations) started, a few of them possibly not yet written when the log
     * ends; {@code paymentFailures} counts {@code payment.failed} events; {@code maxDepth} is the
     * deepest causation chain written (a root has depth 1).
     */
    public record Summary(long lines, long events, long deadLetters, long orders, long paymentFailures,
            int maxDepth) {
    }
}

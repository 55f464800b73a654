package eventlens.model.sample;

import eventlens.model.sample.Planned.Failure;
import eventlens.model.sample.Planned.Flow;
import eventlens.model.sample.Planned.PlannedDeadLetter;
import eventlens.model.sample.Planned.PlannedEvent;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One generation pass: the random source, the queue of planned lines in time order, and the counters.
 * Orders arrive at random intervals; each is planned in full when it arrives, and lines are written in
 * time order, so correlations interleave as in a real bus log. Memory stays bounded by the number of
 * orders in flight (a few thousand at most), whatever the length of the log.
 */
final class LogRun {
    /** Mean time between two new orders. */
    private static final int MEAN_ARRIVAL_MILLIS = 900;
    private static final long FIRST_ORDER_NUMBER = 100_001;

    private final SplittableRandom rng;
    private final long idSalt;
    private final Writer out;
    private final OrderSaga saga;
    private final UtcMillis clock = new UtcMillis();
    private final PriorityQueue<Planned> queue = new PriorityQueue<>(
            Comparator.comparingLong(Planned::time).thenComparingLong(Planned::seq));
    private final StringBuilder line = new StringBuilder(512);
    private char[] chars = new char[1024];
    private long seq;
    private long idCounter;
    private long nextArrival;
    private long orders;
    private long events;
    private long deadLetters;
    private long paymentFailures;
    private int maxDepth;

    LogRun(long seed, long startMillis, Writer out) {
        this.rng = new SplittableRandom(seed);
        this.idSalt = rng.nextLong();
        this.out = out;
        this.saga = new OrderSaga(rng, this);
        this.nextArrival = startMillis;
    }

    SampleLog.Summary run(long lines) throws IOException {
        long written = 0;
        while (written < lines) {
            Planned head = queue.peek();
            if (head == null || nextArrival <= head.time()) {
                saga.plan(FIRST_ORDER_NUMBER + orders++, nextArrival);
                // exponential inter-arrival times, at least 1 ms so that orders never share a start
                nextArrival += 1 + (long) (-Math.log(1 - rng.nextDouble()) * MEAN_ARRIVAL_MILLIS);
                continue;
            }
            queue.poll();
            if (head instanceof PlannedEvent event) {
                writeEvent(event);
            } else {
                writeDeadLetter((PlannedDeadLetter) head);
            }
            written++;
        }
        out.flush();
        return new SampleLog.Summary(written, events, deadLetters, orders, paymentFailures, maxDepth);
    }

    /** A fresh event id: a bijective mix of a per-seed salt and a counter, so ids never repeat. */
    String newId() {
        long z = idSalt + idCounter++;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z = z ^ (z >>> 31);
        return "evt-" + hex16(z);
    }

    String traceId() {
        return hex16(rng.nextLong()) + hex16(rng.nextLong());
    }

    /** Plans an event; {@code id} may be null for a fresh one. */
    PlannedEvent event(String id, long time, String type, String source, String aggregateType, String aggregateId,
            long version, PlannedEvent cause, Flow flow, String data) {
        PlannedEvent event = new PlannedEvent(time, seq++, id == null ? newId() : id, type, source, aggregateType,
                aggregateId, version, cause, flow, data);
        queue.add(event);
        return event;
    }

    private void writeEvent(PlannedEvent e) throws IOException {
        StringBuilder sb = line;
        sb.setLength(0);
        sb.append("{\"id\":\"").append(e.id).append("\",\"type\":\"").append(e.type).append("\",\"timestamp\":\"");
        clock.append(sb, e.time);
        sb.append("\",\"source\":\"").append(e.source).append('"');
        if (e.aggregateType != null) {
            sb.append(",\"aggregateType\":\"").append(e.aggregateType).append("\",\"aggregateId\":\"")
                    .append(e.aggregateId).append("\",\"version\":").append(e.version);
        }
        sb.append(",\"data\":").append(e.data).append(",\"metadata\":{\"correlationId\":\"")
                .append(e.flow.correlationId()).append('"');
        if (e.causationId != null) {
            sb.append(",\"causationId\":\"").append(e.causationId).append('"');
        }
        sb.append(",\"userId\":\"").append(e.flow.userId()).append("\",\"traceId\":\"").append(e.flow.traceId())
                .append("\"}}");
        if (!e.failures.isEmpty()) {
            String text = sb.toString();
            for (Failure failure : e.failures) {
                queue.add(new PlannedDeadLetter(e.time + failure.afterMillis(), seq++, text, failure));
            }
        }
        if (e.type.equals("payment.failed")) {
            paymentFailures++;
        }
        maxDepth = Math.max(maxDepth, e.depth);
        events++;
        flushLine();
    }

    private void writeDeadLetter(PlannedDeadLetter d) throws IOException {
        StringBuilder sb = line;
        sb.setLength(0);
        Failure f = d.failure();
        sb.append("{\"event\":").append(d.eventLine()).append(",\"handler\":\"").append(f.handler()).append("\",\"error\":");
        JsonObjectText.appendQuoted(sb, f.error());
        sb.append(",\"stack\":");
        JsonObjectText.appendQuoted(sb, f.stack());
        sb.append(",\"failedAt\":\"");
        clock.append(sb, d.time());
        sb.append("\",\"retryCount\":").append(f.retryCount()).append('}');
        deadLetters++;
        flushLine();
    }

    private void flushLine() throws IOException {
        line.append('\n');
        int length = line.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        line.getChars(0, length, chars, 0);
        out.write(chars, 0, length);
    }

    private static String hex16(long value) {
        char[] digits = new char[16];
        for (int i = 15; i >= 0; i--) {
            digits[i] = Character.forDigit((int) (value & 0xF), 16);
            value >>>= 4;
        }
        return new String(digits);
    }
}

package eventlens.model.sample;

import java.time.LocalDate;

/**
 * Appends epoch milliseconds as ISO-8601 UTC text ({@code 2024-01-15T08:00:00.123Z}) without going
 * through {@code DateTimeFormatter}: the generator writes millions of timestamps, and the day part,
 * which rarely changes, is cached.
 */
final class UtcMillis {
    private static final long DAY = 86_400_000L;

    private long cachedDay = Long.MIN_VALUE;
    private String dayPrefix = "";

    void append(StringBuilder sb, long epochMillis) {
        long day = Math.floorDiv(epochMillis, DAY);
        if (day != cachedDay) {
            cachedDay = day;
            dayPrefix = LocalDate.ofEpochDay(day) + "T";
        }
        int ms = (int) Math.floorMod(epochMillis, DAY);
        sb.append(dayPrefix);
        twoDigits(sb, ms / 3_600_000);
        sb.append(':');
        twoDigits(sb, ms / 60_000 % 60);
        sb.append(':');
        twoDigits(sb, ms / 1000 % 60);
        sb.append('.');
        int fraction = ms % 1000;
        if (fraction < 100) {
            sb.append('0');
        }
        if (fraction < 10) {
            sb.append('0');
        }
        sb.append(fraction).append('Z');
    }

    private static void twoDigits(StringBuilder sb, int value) {
        sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}

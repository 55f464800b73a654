package eventlens.importers;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the timestamps found in event records into {@link Instant}s.
 *
 * <p>Accepted forms:
 * <ul>
 *   <li>ISO-8601 date-times {@code 2024-01-02T03:04:05.123456789+02:00}: {@code T}, {@code t} or a
 *       space between date and time, seconds optional, 0–9 fractional digits (more are cut), a
 *       {@code .} or {@code ,} before them, and {@code Z}, {@code +hh:mm}, {@code +hhmm} or
 *       {@code +hh}. <b>A date-time without an offset is taken as UTC</b>; a date alone is midnight UTC.</li>
 *   <li>RFC 1123 dates as in HTTP headers ({@code Tue, 3 Jun 2008 11:05:30 GMT}).</li>
 *   <li>Epoch numbers, as JSON numbers or numeric strings, the unit inferred from the magnitude of
 *       the value: below 10<sup>11</sup> seconds (up to the year 5138), below 10<sup>14</sup>
 *       milliseconds, below 10<sup>17</sup> microseconds, otherwise nanoseconds. Fractions are
 *       kept ({@code 1700000000.123} is 123 ms after the second). As a consequence millisecond
 *       values before March 1973 read as seconds. Values more than about 292,000 years from 1970
 *       (what the project can store) are no time.</li>
 * </ul>
 * Anything else reads as {@code null}: a time is never required, so an unreadable one leaves the
 * event without a time rather than rejecting the record.
 */
public final class Timestamps {
    private static final BigDecimal SECONDS_LIMIT = new BigDecimal("1e11");
    private static final BigDecimal MILLIS_LIMIT = new BigDecimal("1e14");
    private static final BigDecimal MICROS_LIMIT = new BigDecimal("1e17");
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);
    /** Beyond any storable time in any unit (the farthest, in nanoseconds, is below 10<sup>26</sup>). */
    private static final BigDecimal BEYOND = new BigDecimal("1e30");
    /** Closer to zero than any unit can tell from zero. */
    private static final BigDecimal TINY = new BigDecimal("1e-30");
    /**
     * The farthest second from 1970 a time may be: the project stores times as microseconds in a
     * {@code long} (about 292,000 years either way). Epoch values beyond it are no time.
     */
    private static final long MAX_EPOCH_SECOND = Long.MAX_VALUE / 1_000_000 - 1;

    private Timestamps() {
    }

    /** The instant a JSON value denotes, or {@code null} when it is absent or not a timestamp. */
    public static Instant parse(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return fromEpoch(node.decimalValue());
        }
        if (node.isTextual()) {
            return parse(node.textValue());
        }
        return null;
    }

    /** The instant a text denotes, or {@code null} when it is not a timestamp. */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (looksNumeric(s)) {
            try {
                return fromEpoch(new BigDecimal(s));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        Instant iso = parseIso(s);
        return iso != null ? iso : parseRfc1123(s);
    }

    /** An epoch value whose unit is inferred from its magnitude (see the class comment). */
    public static Instant fromEpoch(BigDecimal value) {
        BigDecimal magnitude = value.abs();
        // Answered before the arithmetic below, which for 1e999999999 or 1e-99999999 would build numbers
        // of up to a billion digits (an ArithmeticException, or minutes of work, for one field).
        if (magnitude.compareTo(BEYOND) >= 0) {
            return null;
        }
        if (magnitude.compareTo(TINY) < 0) {
            value = BigDecimal.ZERO;
        }
        int unitsPerSecondExponent;
        if (magnitude.compareTo(SECONDS_LIMIT) < 0) {
            unitsPerSecondExponent = 0;
        } else if (magnitude.compareTo(MILLIS_LIMIT) < 0) {
            unitsPerSecondExponent = 3;
        } else if (magnitude.compareTo(MICROS_LIMIT) < 0) {
            unitsPerSecondExponent = 6;
        } else {
            unitsPerSecondExponent = 9;
        }
        BigDecimal nanos = value.movePointRight(9 - unitsPerSecondExponent).setScale(0, RoundingMode.FLOOR);
        BigInteger[] split = nanos.toBigIntegerExact().divideAndRemainder(BILLION.toBigIntegerExact());
        BigInteger seconds = split[0];
        long nano = split[1].longValue();
        if (nano < 0) {
            seconds = seconds.subtract(BigInteger.ONE);
            nano += 1_000_000_000L;
        }
        if (seconds.abs().compareTo(BigInteger.valueOf(MAX_EPOCH_SECOND)) > 0) {
            return null;
        }
        return Instant.ofEpochSecond(seconds.longValue(), nano);
    }

    private static boolean looksNumeric(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        boolean digits = false;
        boolean dot = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits;
    }

    private static Instant parseIso(String s) {
        IsoCursor c = new IsoCursor(s);
        try {
            int year = c.digits(4);
            c.expect('-');
            int month = c.digits(2);
            c.expect('-');
            int day = c.digits(2);
            if (c.atEnd()) {
                return LocalDateTime.of(year, month, day, 0, 0).toInstant(ZoneOffset.UTC);
            }
            if (!c.skipAny("Tt ")) {
                return null;
            }
            int hour = c.digits(2);
            c.expect(':');
            int minute = c.digits(2);
            int second = 0;
            int nano = 0;
            if (c.skip(':')) {
                second = c.digits(2);
                if (c.skipAny(".,")) {
                    nano = c.fraction();
                }
            }
            ZoneOffset offset = c.offset();
            if (offset == null || !c.atEnd()) {
                return null;
            }
            return LocalDateTime.of(year, month, day, hour, minute, second, nano).toInstant(offset);
        } catch (IsoCursor.Mismatch | DateTimeException e) {
            return null;
        }
    }

    private static Instant parseRfc1123(String s) {
        if (s.length() < 16 || !Character.isLetter(s.charAt(0))) {
            return null;
        }
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(s, Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A position in an ISO text; every read either advances or throws {@link Mismatch}. */
    private static final class IsoCursor {
        private final String s;
        private int i;

        IsoCursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        int digits(int count) {
            if (i + count > s.length()) {
                throw new Mismatch();
            }
            int value = 0;
            for (int end = i + count; i < end; i++) {
                char ch = s.charAt(i);
                if (ch < '0' || ch > '9') {
                    throw new Mismatch();
                }
                value = value * 10 + (ch - '0');
            }
            return value;
        }

        void expect(char ch) {
            if (!skip(ch)) {
                throw new Mismatch();
            }
        }

        boolean skip(char ch) {
            if (i < s.length() && s.charAt(i) == ch) {
                i++;
                return true;
            }
            return false;
        }

        boolean skipAny(String chars) {
            if (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
                i++;
                return true;
            }
            return false;
        }

        /** Fractional digits as nanoseconds; digits beyond the ninth are dropped. */
        int fraction() {
            int nano = 0;
            int count = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (count < 9) {
                    nano = nano * 10 + (s.charAt(i) - '0');
                }
                count++;
                i++;
            }
            if (count == 0) {
                throw new Mismatch();
            }
            for (int k = count; k < 9; k++) {
                nano *= 10;
            }
            return nano;
        }

        /** The offset at the cursor: UTC when the text ends here, null when unreadable. */
        ZoneOffset offset() {
            if (atEnd()) {
                return ZoneOffset.UTC;
            }
            if (skipAny("Zz")) {
                return ZoneOffset.UTC;
            }
            if (s.startsWith(" UTC", i) || s.startsWith(" GMT", i)) {
                i += 4;
                return ZoneOffset.UTC;
            }
            skip(' ');
            char sign = i < s.length() ? s.charAt(i) : 0;
            if (sign != '+' && sign != '-') {
                return null;
            }
            i++;
            int hours = digits(2);
            int minutes = 0;
            if (!atEnd()) {
                skip(':');
                minutes = digits(2);
            }
            int total = hours * 3600 + minutes * 60;
            return ZoneOffset.ofTotalSeconds(sign == '-' ? -total : total);
        }

        /** The text does not have the expected shape. */
        private static final class Mismatch extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Mismatch() {
                super(null, null, false, false);
            }
        }
    }
}

package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.model.DeadLetter;
import eventlens.model.Origin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The error-text filter read through the trigram index and the narrow rows (decision 0034) keeps exactly
 * the dead letters that the plain {@code LIKE} scan over the wide rows keeps, shapes and counts included; so do
 * the error wordings counted per shape (decision 0064) for a text without digits.
 */
class DeadLetterTextTest {
    private static final String[][] ERRORS = {
        {"PaymentGatewayTimeout", "gateway did not answer within 5000 ms for order order-17", null},
        {"java.sql.SQLTransientConnectionException", "Pool exhausted after 30000 ms, 12 waiting", null},
        {"QuotaError", "quota at 100% for tenant t_42 (limit_reached)", null},
        {"ParseError", "unexpected ' in it's \"quoted\" name", null},
        {"PathError", "cannot open C:\\temp\\orders_%d.csv", null},
        {"ValidationError", "Größe überschritten: ÉCHEC du paiement", null},
        {"ValidationError", "échec du paiement, größe ok", null},
        {"EncodingError", "emoji 😀ab in 注文番号 x", null},
        {null, null, "MaxDeliveryCountExceeded: delivered 10 times"},
        {"Timeout", null, "lock wait timeout; GATEWAY busy"},
        {null, null, null},
    };

    @TempDir
    Path dir;

    private ProjectStore store;

    @BeforeEach
    void storeDeadLetters() {
        store = ProjectStore.open(dir.resolve("p.db"));
        storeCopies("dlq.jsonl", 3);
    }

    private void storeCopies(String file, int copies) {
        try (ImportWriter w = store.beginImport()) {
            w.startFile(file, "test", null);
            int line = 0;
            for (int copy = 0; copy < copies; copy++) {
                for (String[] e : ERRORS) {
                    line++;
                    Instant at = Instant.parse("2024-01-15T10:00:00Z").plusSeconds(line * 60L);
                    String event = "{\"id\":\"e" + line + "\",\"type\":\"order.step" + (line % 2) + "\"}";
                    w.add(new DeadLetter(0, "e" + line, event, "h" + (line % 3), "q" + (line % 2), e[2], e[0], e[1], null,
                            1, copy == 2 ? null : at, at, e[0] == null ? null : "fp-" + e[0], event,
                            new Origin(file, line, "test")));
                }
            }
            w.commit();
        }
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "GATEWAY", "GaTeWaY", "pool exhausted", "100%", "%", "_", "t_42", "limit_r",
        "it's", "'", "\"quoted\"", "\"", "C:\\temp", "\\", "_%d", "größe", "GRÖSSE", "Größe", "ÉCHEC", "échec", "éch",
        "😀ab", "😀", "注文", "注文番号", "ms", "s", "x", "no such text anywhere", "  ", "delivered 10", "lock wait timeout; g",
        " ms for order order-", "within  ms", "after ms", "waiting", "delivered  times", "\uE000", "order-\uE000", "Error",
        // one run of digits: the runs' values answer these where a place is found once (decision 0064's addendum)
        "5000", "500", "000", "00 ms", "within 5000 ms", "within 500", "after 30000", "after 3000", "order-17",
        "order-1", "r-17", "7", "1", "12 waiting", "2 waiting", "ms, 12", "t_4", "_42", "0%", "10 times", "ed 10", "ed 1",
        "d 10 t", "after 30000 ms", "AFTER 30000 MS", "ORDER-17 x", "r 5000 ms for order order-17"})
    void theIndexKeepsExactlyWhatTheLikeScanKeeps(String text) throws Exception {
        List<Long> expected = scanned(text);
        DeadLetterQueries.Criteria criteria = new DeadLetterQueries.Criteria(null, null, null, text, null, null, null);
        try (DeadLetterQueries q = new DeadLetterQueries(store)) {
            assertThat(q.entries(criteria, 0, 1000)).extracting(DeadLetter::key).containsExactlyElementsOf(expected);
            assertThat(q.count(criteria)).isEqualTo(expected.size());
            assertThat(sorted(q.shapes(criteria))).isEqualTo(sorted(shapesScanned(text)));
        }
    }

    @Test
    void theTextCombinesWithEveryOtherPartOfTheFilter() throws Exception {
        try (DeadLetterQueries q = new DeadLetterQueries(store)) {
            Instant from = Instant.parse("2024-01-15T10:10:00Z");
            Instant to = Instant.parse("2024-01-15T10:40:00Z");
            DeadLetterQueries.Criteria narrow = new DeadLetterQueries.Criteria("q1", "h1", "order.step1", "a",
                    from, to, null);
            List<DeadLetterQueries.Shape> shapes = q.shapes(narrow);
            List<DeadLetter> entries = q.entries(narrow, 0, 1000);
            assertThat(entries).isNotEmpty().allSatisfy(d -> {
                assertThat(d.queue()).isEqualTo("q1");
                assertThat(d.handler()).isEqualTo("h1");
                assertThat(d.lastFailure()).isBetween(from, to.minusNanos(1000));
            });
            assertThat(shapes.stream().mapToLong(DeadLetterQueries.Shape::count).sum()).isEqualTo(entries.size());
            String fingerprint = shapes.get(0).fingerprint();
            DeadLetterQueries.Criteria one = new DeadLetterQueries.Criteria(null, null, null, "error", null, null, fingerprint);
            assertThat(q.shapes(one)).allSatisfy(s -> assertThat(s.fingerprint()).isEqualTo(fingerprint));
        }
    }

    @Test
    void anOlderProjectGetsTheIndexWhenItOpens() throws Exception {
        store.close();
        Path file = dir.resolve("p.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // what schema 5 had: no narrow rows, no index, no trigger
            s.execute("DROP TRIGGER dead_letter_errors_remove");
            s.execute("DROP TABLE dead_letter_errors_text");
            s.execute("DROP TABLE dead_letter_errors");
            s.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'");
        }
        store = ProjectStore.open(file);
        assertThat(store.schemaVersion()).isEqualTo(Schema.current());
        assertIndexed();
        try (DeadLetterQueries q = new DeadLetterQueries(store)) {
            DeadLetterQueries.Criteria criteria = new DeadLetterQueries.Criteria(null, null, null, "gateway", null, null, null);
            assertThat(q.entries(criteria, 0, 1000)).extracting(DeadLetter::key).containsExactlyElementsOf(scanned("gateway"));
            assertThat(sorted(q.shapes(criteria))).isEqualTo(sorted(shapesScanned("gateway")));
        }
    }

    @Test
    void aReadOnlyProjectFiltersThroughTheIndexItHolds() throws Exception {
        store.close();
        store = ProjectStore.openReadOnly(dir.resolve("p.db"));
        try (DeadLetterQueries q = new DeadLetterQueries(store)) {
            DeadLetterQueries.Criteria criteria = new DeadLetterQueries.Criteria(null, null, null, "échec", null, null, null);
            assertThat(q.entries(criteria, 0, 1000)).extracting(DeadLetter::key).containsExactlyElementsOf(scanned("échec"));
        }
    }

    @Test
    void shortTextsHaveNoTrigramAndQuotesAreDoubled() {
        assertThat(DeadLetterText.match("ab")).isNull();
        assertThat(DeadLetterText.match("😀a")).isNull();
        assertThat(DeadLetterText.match("a\"bc")).isEqualTo("\"a\"\"b\" AND \"\"\"bc\"");
        assertThat(DeadLetterText.match("aaaa")).isEqualTo("\"aaa\"");
        assertThat(DeadLetterText.match("pool exhausted")).isEqualTo("\"poo\" AND \"l e\" AND \"xha\" AND \"ust\" AND \"ted\"");
    }

    @Test
    void theNarrowRowsAndTheIndexFollowEveryStoredDeadLetter() throws Exception {
        assertIndexed();
        storeCopies("more.jsonl", 2); // a later import: its dead letters join the shapes already numbered
        assertIndexed();
        try (DeadLetterQueries q = new DeadLetterQueries(store)) {
            DeadLetterQueries.Criteria error = new DeadLetterQueries.Criteria(null, null, null, "Error", null, null, null);
            assertThat(sorted(q.shapes(error))).isEqualTo(sorted(shapesScanned("Error")));
        }
        store.close();
        Path file = dir.resolve("p.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("DELETE FROM dead_letters WHERE key % 4 = 0");
        }
        store = ProjectStore.open(file);
        assertIndexed();
        assertThat(scanned("gateway")).isNotEmpty();
        try (DeadLetterQueries q = new DeadLetterQueries(store)) {
            DeadLetterQueries.Criteria criteria = new DeadLetterQueries.Criteria(null, null, null, "gateway", null, null, null);
            assertThat(q.entries(criteria, 0, 1000)).extracting(DeadLetter::key).containsExactlyElementsOf(scanned("gateway"));
            DeadLetterQueries.Criteria error = new DeadLetterQueries.Criteria(null, null, null, "error", null, null, null);
            assertThat(sorted(q.shapes(error))).isEqualTo(sorted(shapesScanned("error")));
        }
    }

    @Test
    void groupsWithoutTextOrTimesAreReadFromTheCountsAndEqualTheScan() throws Exception {
        throughImportsAndADelete(this::assertGroupsCounted);
    }

    /** What counts the dead letters as they are stored, checked (up to date or not) at each turn. */
    private interface Counted {
        void check(boolean upToDate) throws Exception;
    }

    /** A later import adds to the counts; a delete from outside makes them stale; the next import counts all anew. */
    private void throughImportsAndADelete(Counted counted) throws Exception {
        storeCopies("more.jsonl", 2);
        counted.check(true);
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("p.db")); Statement s = c.createStatement()) {
            s.execute("DELETE FROM dead_letters WHERE key % 4 = 0");
        }
        store = ProjectStore.open(dir.resolve("p.db"));
        counted.check(false);
        storeCopies("again.jsonl", 1);
        counted.check(true);
    }

    @Test
    void aWordingMarksEachRunOfDigitsOnce() {
        assertThat(DeadLetterWordings.wording("pool exhausted after 25512 ms, 7 waiting"))
                .isEqualTo("pool exhausted after \uE000 ms, \uE000 waiting");
        assertThat(DeadLetterWordings.wording("42abc1x")).isEqualTo("\uE000abc\uE000x");
        assertThat(DeadLetterWordings.wording("no digits ٣")).isEqualTo("no digits ٣");
        assertThat(DeadLetterWordings.wording(null)).isEmpty();
        assertThat(DeadLetterWordings.answers("pool exhausted")).isTrue();
        assertThat(DeadLetterWordings.answers("order-17")).isFalse();
        assertThat(DeadLetterWordings.answers("a\uE000")).isFalse();
    }

    @Test
    void aTextWithOneRunOfDigitsIsSplitAroundItAndItsValueFitsWhereTheTextNeedsIt() {
        DeadLetterWordingRuns.Split both = DeadLetterWordingRuns.Split.of("answered 429,");
        assertThat(both).isEqualTo(new DeadLetterWordingRuns.Split("answered ", "429", ","));
        assertThat(both.fits("429")).isTrue();
        assertThat(both.fits("4290")).isFalse();
        assertThat(both.fits("1429")).isFalse();
        DeadLetterWordingRuns.Split before = DeadLetterWordingRuns.Split.of("answered 42");
        assertThat(before.fits("429")).isTrue();
        assertThat(before.fits("142")).isFalse();
        DeadLetterWordingRuns.Split after = DeadLetterWordingRuns.Split.of("29 s");
        assertThat(after.fits("429")).isTrue();
        assertThat(after.fits("290")).isFalse();
        DeadLetterWordingRuns.Split digits = DeadLetterWordingRuns.Split.of("2");
        assertThat(digits.fits("429")).isTrue();
        assertThat(digits.fits("13")).isFalse();
        assertThat(DeadLetterWordingRuns.Split.of("no digits")).isNull();
        assertThat(DeadLetterWordingRuns.Split.of("1 and 2")).isNull();
        assertThat(DeadLetterWordingRuns.Split.of("1\uE000")).isNull();
        assertThat(DeadLetterWordingRuns.runs("a12b3 45")).containsExactly("12", "3", "45");
        assertThat(DeadLetterWordingRuns.marksAt("x \uE000 of \uE000 X \uE000", "x \uE000")).containsExactly(0, 2);
    }

    @Test
    void theRunsValuesAnswerATextWithOneRunOfDigitsAndFollowEveryImport() throws Exception {
        throughImportsAndADelete(this::assertRunsAnswer);
    }

    @Test
    void aPlaceWithTooManyValuesOrAPatternFoundTwiceIsLeftToTheIndex() throws Exception {
        try (ImportWriter w = store.beginImport()) {
            w.startFile("many.jsonl", "test", null);
            for (int i = 0; i <= DeadLetterWordingRuns.MOST_VALUES; i++) {
                w.add(new DeadLetter(0, "m" + i, null, "h", "q", null, "Retry", "retry " + (i % 3) + " of " + i + " for "
                        + (i % 2), null, 1, null, null, "fp-retry", "{\"id\":\"m" + i + "\"}", new Origin("many.jsonl",
                        i + 1, "test")));
            }
            w.commit();
        }
        // "of N": its place has more than MOST_VALUES values; "retry 1": its place has three; "1": found three times.
        assertThat(DeadLetterWordingRuns.read(store.reads(), "of 42").isPresent()).isFalse();
        assertThat(DeadLetterWordingRuns.read(store.reads(), "retry 1").isPresent()).isTrue();
        assertThat(DeadLetterWordingRuns.read(store.reads(), "for 1").isPresent()).isTrue();
        assertThat(DeadLetterWordingRuns.read(store.reads(), "1").isPresent()).isFalse();
        storeCopies("later.jsonl", 1); // a later import keeps the wide place wide
        assertThat(DeadLetterWordingRuns.read(store.reads(), "of 42").isPresent()).isFalse();
        try (DeadLetterQueries q = new DeadLetterQueries(store)) {
            for (String text : List.of("of 42", "of 4", "retry 1", "retry 1 of 1", "for 1", "1", "0 for 0")) {
                assertFilteredAsScanned(q, text, false);
            }
        }
    }

    @Test
    void anOlderProjectsRunsAreCountedAtItsNextImport() throws Exception {
        store.close();
        Path file = dir.resolve("p.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // what schema 11 had: wordings and their counts, no runs' values
            s.execute("DROP TABLE dead_letter_wording_runs");
            s.execute("DELETE FROM meta WHERE key = '" + DeadLetterWordingRuns.UPTO_KEY + "'");
            s.execute("UPDATE meta SET value = '11' WHERE key = 'schema_version'");
        }
        store = ProjectStore.open(file);
        assertThat(store.schemaVersion()).isEqualTo(Schema.current());
        assertThat(DeadLetterWordingRuns.read(store.reads(), "order-17").isPresent()).isFalse();
        assertThat(DeadLetterWordings.read(store.reads(), "gateway").isPresent()).as("the wordings still answer").isTrue();

        storeCopies("next.jsonl", 1);

        assertThat(DeadLetterWordingRuns.read(store.reads(), "order-17").isPresent()).isTrue();
        assertRunsAnswer(true);
    }

    /** Texts with one run of digits are read from the runs' values when they are up to date, and give the scan's groups. */
    private void assertRunsAnswer(boolean upToDate) throws Exception {
        try (DeadLetterQueries q = new DeadLetterQueries(store)) {
            for (String text : List.of("order-17", "after 30000 ms", "within 5000", "delivered 10", "12 waiting", "t_42")) {
                assertThat(DeadLetterWordingRuns.read(store.reads(), text).isPresent()).as(text).isEqualTo(upToDate);
                assertFilteredAsScanned(q, text, true);
            }
        }
    }

    @Test
    void theWordingsAnswerATextWithoutDigitsAndFollowEveryImport() throws Exception {
        throughImportsAndADelete(this::assertWordingsAnswer);
    }

    @Test
    void errorsOfTooManyWordingsAreFilteredThroughTheIndex() throws Exception {
        try (ImportWriter w = store.beginImport()) {
            w.startFile("varied.jsonl", "test", null);
            for (int i = 0; i <= DeadLetterWordings.MOST; i++) {
                String id = Integer.toString(i, 26).chars().mapToObj(ch -> String.valueOf((char) (Character.isDigit(ch)
                        ? 'a' + ch - '0' : ch + 10))).reduce("", String::concat);
                w.add(new DeadLetter(0, "v" + i, null, "h", "q", null, "Lost", "lost order " + id, null, 1, null, null,
                        "fp-lost", "{\"id\":\"v" + i + "\"}", new Origin("varied.jsonl", i + 1, "test")));
            }
            w.commit();
        }
        assertThat(DeadLetterWordings.upto(store.reads())).isEqualTo(DeadLetterWordings.TOO_VARIED);
        assertThat(store.reads().scalar("SELECT count(*) FROM dead_letter_wordings")).isZero();
        storeCopies("later.jsonl", 1); // once too varied, no import counts them again
        assertThat(DeadLetterWordings.upto(store.reads())).isEqualTo(DeadLetterWordings.TOO_VARIED);
        try (DeadLetterQueries q = new DeadLetterQueries(store)) {
            for (String text : List.of("lost order", "lost order bc", "gateway")) {
                assertFilteredAsScanned(q, text, false);
            }
        }
    }

    /** Texts without digits are read from the wordings when they are up to date, and give the scan's groups. */
    private void assertWordingsAnswer(boolean upToDate) throws Exception {
        try (DeadLetterQueries q = new DeadLetterQueries(store)) {
            for (String text : List.of("gateway", "pool exhausted", " ms, ", "order-1", "within  ms")) {
                assertThat(DeadLetterWordings.read(store.reads(), text).isPresent()).as(text)
                        .isEqualTo(upToDate && DeadLetterWordings.answers(text));
                assertFilteredAsScanned(q, text, true);
            }
        }
    }

    /**
     * The filter on {@code text} counts and groups as the {@code LIKE} scan over the wide rows does; with {@code narrow},
     * also under a queue and a handler.
     */
    private void assertFilteredAsScanned(DeadLetterQueries q, String text, boolean narrow) throws Exception {
        DeadLetterQueries.Criteria criteria = new DeadLetterQueries.Criteria(null, null, null, text, null, null, null);
        assertThat(q.count(criteria)).as(text).isEqualTo(scanned(text).size());
        assertThat(sorted(q.shapes(criteria))).as(text).isEqualTo(sorted(shapesScanned(text)));
        if (narrow) {
            DeadLetterQueries.Criteria within = new DeadLetterQueries.Criteria("q1", "h1", null, text, null, null, null);
            assertThat(sorted(q.shapes(within))).as(text).isEqualTo(sorted(shapesWhere("queue = 'q1' AND handler = 'h1' AND "
                    + LIKE, text)));
        }
    }

    /** Grouping by what a shape shares gives the scan's groups, from the counts when they are up to date. */
    private void assertGroupsCounted(boolean upToDate) throws Exception {
        assertThat(DeadLetterShapes.upto(store.reads()) == store.reads().scalar("SELECT max(key) FROM dead_letters"))
                .isEqualTo(upToDate);
        String[][] cases = {{null, null, null, null, "1"}, {"q1", null, null, null, "queue = 'q1'"},
            {null, "h1", "order.step1", null, "handler = 'h1' AND event_type = 'order.step1'"},
            {null, null, null, "fp-Timeout", "fingerprint = 'fp-Timeout'"}, {"q0", null, null, "fp-none", "0"}};
        try (DeadLetterQueries q = new DeadLetterQueries(store)) {
            for (String[] c : cases) {
                DeadLetterQueries.Criteria criteria = new DeadLetterQueries.Criteria(c[0], c[1], c[2], null, null, null, c[3]);
                assertThat(sorted(q.shapes(criteria))).as(c[4]).isEqualTo(sorted(shapesWhere(c[4])));
            }
        }
    }

    /** One narrow row per dead letter, one shape number per failure shape, and an index that FTS5 finds sound. */
    private void assertIndexed() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("p.db")); Statement s = c.createStatement()) {
            s.execute("INSERT INTO dead_letter_errors_text(dead_letter_errors_text, rank) VALUES ('integrity-check', 1)");
            try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM dead_letters), (SELECT count(*) FROM dead_letter_errors), "
                    + "(SELECT count(DISTINCT shape) FROM dead_letter_errors), (SELECT count(*) FROM (SELECT DISTINCT fingerprint, "
                    + "handler, queue, event_type FROM dead_letters))")) {
                rs.next();
                assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1)).isPositive();
                assertThat(rs.getLong(3)).isEqualTo(rs.getLong(4));
            }
        }
    }

    /** The keys the filter kept before the index: LIKE over the wide rows. */
    private List<Long> scanned(String text) throws Exception {
        List<Long> keys = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("p.db"));
             PreparedStatement ps = c.prepareStatement("SELECT key FROM dead_letters WHERE " + LIKE + " ORDER BY key")) {
            bind(ps, text);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getLong(1));
                }
            }
        }
        return keys;
    }

    private List<DeadLetterQueries.Shape> shapesScanned(String text) throws Exception {
        return shapesWhere(LIKE, text);
    }

    /** The shapes of the dead letters kept by {@code condition}, grouped over the wide rows. */
    private List<DeadLetterQueries.Shape> shapesWhere(String condition, String... text) throws Exception {
        List<DeadLetterQueries.Shape> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("p.db"));
             PreparedStatement ps = c.prepareStatement("SELECT fingerprint, handler, queue, event_type, count(*), "
                     + "min(coalesce(first_failure_us, last_failure_us)), max(coalesce(last_failure_us, first_failure_us)), "
                     + "min(key) FROM dead_letters WHERE " + condition + " GROUP BY 1, 2, 3, 4")) {
            if (text.length > 0) {
                bind(ps, text[0]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeadLetterQueries.Shape(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), Rows.instant(rs, 6), Rows.instant(rs, 7), rs.getLong(8)));
                }
            }
        }
        return out;
    }

    private static final String LIKE = "(error_type LIKE ?1 ESCAPE '\\' OR message LIKE ?1 ESCAPE '\\' OR reason LIKE ?1 ESCAPE '\\')";

    private static void bind(PreparedStatement ps, String text) throws Exception {
        ps.setString(1, "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

    private static List<DeadLetterQueries.Shape> sorted(List<DeadLetterQueries.Shape> shapes) {
        return shapes.stream().sorted(Comparator.comparingLong(DeadLetterQueries.Shape::firstKey)).toList();
    }
}

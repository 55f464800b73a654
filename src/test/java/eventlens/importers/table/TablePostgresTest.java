package eventlens.importers.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eventlens.importers.ImportException;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportService;
import eventlens.importers.ImportSummary;
import eventlens.importers.ImporterRegistry;
import eventlens.importers.RecordingSink;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.store.ProjectStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event tables in a real PostgreSQL server that the test starts itself from Debian's binaries (as
 * {@code nobody} when the build runs as root, since postgres refuses root), on a free loopback port.
 * Skipped, with the reason, where the binaries are absent or the server cannot start.
 */
class TablePostgresTest {
    private static final String PASSWORD = "s3cret-" + UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static Path home;
    private static Path bin;
    private static List<String> asUser;
    private static int port;
    private static String skip;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        bin = binaries();
        if (bin == null) {
            skip = "PostgreSQL's server binaries are not installed (/usr/lib/postgresql/*/bin/initdb; "
                    + "apt-get install postgresql)";
            return;
        }
        asUser = "0".equals(run(List.of("id", "-u")).strip()) ? List.of("runuser", "-u", "nobody", "--") : List.of();
        home = Files.createTempDirectory("eventlens-pg");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path pw = Files.writeString(home.resolve("pw"), PASSWORD);
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-r--r--"));
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String init;
        try {
            init = pg("initdb", "-D", home.resolve("data").toString(), "-U", "postgres",
                    "--auth=scram-sha-256", "--pwfile=" + pw, "-E", "UTF8", "--no-sync");
        } catch (IOException e) {
            skip = "cannot run initdb" + (asUser.isEmpty() ? "" : " as nobody (runuser)") + ": " + e.getMessage();
            return;
        }
        if (!Files.isDirectory(home.resolve("data"))) {
            skip = "initdb could not run here: " + init;
            return;
        }
        pg("pg_ctl", "-D", home.resolve("data").toString(), "-l", home.resolve("server.log").toString(), "-w",
                "-t", "60", "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + home, "start");
        try (Connection c = connect()) {
            createTables(c);
        } catch (java.sql.SQLException e) {
            skip = "PostgreSQL did not start: " + e.getMessage() + "; " + tail(home.resolve("server.log"));
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (home == null) {
            return;
        }
        if (Files.isDirectory(home.resolve("data"))) {
            pg("pg_ctl", "-D", home.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void createTables(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE events(event_id UUID PRIMARY KEY, aggregate_id TEXT, aggregate_type TEXT, "
                    + "event_type TEXT, event_data JSONB, version INT, occurred_at TIMESTAMPTZ)");
            s.execute("CREATE TABLE domain_event_entry(global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255), "
                    + "aggregate_identifier VARCHAR(255), sequence_number BIGINT, type VARCHAR(255), payload BYTEA, "
                    + "payload_type VARCHAR(255), meta_data BYTEA, time_stamp VARCHAR(255))");
            s.execute("CREATE TABLE mt_events(seq_id BIGINT PRIMARY KEY, id UUID, stream_id UUID, version INTEGER, "
                    + "data JSONB, type VARCHAR(500), timestamp TIMESTAMPTZ DEFAULT now(), tenant_id VARCHAR, "
                    + "mt_dotnet_type VARCHAR, correlation_id VARCHAR, causation_id VARCHAR, headers JSONB)");
            for (int i = 1; i <= 5; i++) {
                s.execute("INSERT INTO mt_events VALUES (" + i + ", '00000000-0000-0000-0000-00000000000" + i
                        + "', '11111111-1111-1111-1111-111111111111', " + i + ", '{\"step\": " + i + "}', 'step_done', "
                        + "'2024-05-01 10:0" + i + ":00+00', '*DEFAULT*', 'Flow.StepDone', 'corr-m', "
                        + (i == 1 ? "NULL" : "'00000000-0000-0000-0000-00000000000" + (i - 1) + "'")
                        + ", '{\"user\": \"ann\"}')");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO events VALUES (?,?,?,?,?::jsonb,?,?)")) {
            for (int i = 0; i < 8; i++) {
                ps.setObject(1, UUID.nameUUIDFromBytes(("e" + i).getBytes(StandardCharsets.UTF_8)));
                ps.setString(2, "order-" + (i % 2));
                ps.setString(3, i == 3 ? "Customer" : "Order");
                ps.setString(4, "OrderEvent" + i);
                ps.setString(5, "{\"n\": " + i + ", \"lines\": [{\"sku\": \"A\"}]}");
                ps.setInt(6, i / 2 + 1);
                ps.setObject(7, java.time.OffsetDateTime.ofInstant(T0.plusSeconds(60L * i), java.time.ZoneOffset.UTC));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO domain_event_entry(event_identifier, "
                + "aggregate_identifier, sequence_number, type, payload, payload_type, meta_data, time_stamp) "
                + "VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, "axon-1");
            ps.setString(2, "card-1");
            ps.setLong(3, 0);
            ps.setString(4, "GiftCard");
            ps.setBytes(5, "{\"amount\":25}".getBytes(StandardCharsets.UTF_8));
            ps.setString(6, "com.example.CardIssuedEvent");
            ps.setBytes(7, "{\"correlationId\":\"corr-9\"}".getBytes(StandardCharsets.UTF_8));
            ps.setString(8, "2024-05-02T08:00:00Z");
            ps.executeUpdate();
        }
    }

    private static Connection connect() throws java.sql.SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", PASSWORD);
        return DriverManager.getConnection(url(), p);
    }

    private static String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static TableLocation location(Map<String, String> environment) {
        return TableLocation.url(url(), environment, () -> null);
    }

    private static Map<String, String> environment() {
        return Map.of("PGUSER", "postgres", "PGPASSWORD", PASSWORD);
    }

    @Test
    void seedsTableWithJsonbIsImportedThroughTheUrlWithThePasswordFromTheEnvironment() throws Exception {
        assumeTrue(skip == null, () -> skip);
        try (ProjectStore store = ProjectStore.open(dir.resolve("p.db"))) {
            ImportSummary s = new ImportService(ImporterRegistry.standard()).runSource(store,
                    new TableSource(location(environment()), TableSlice.all("events"), new TableReader(3)),
                    ImportOptions.AUTOMATIC, ImportListener.NONE);
            assertThat(s.imported()).isEqualTo(8);
            assertThat(s.failed()).isZero();
            assertThat(store.imports()).extracting(r -> r.file()).containsExactly(url() + "#events");
        }
        RecordingSink sink = new RecordingSink();
        new TableReader(3).read(location(environment()), TableSlice.all("events"), ImportOptions.AUTOMATIC, sink);
        assertThat(sink.events).extracting(Event::type).containsExactly("OrderEvent0", "OrderEvent1", "OrderEvent2",
                "OrderEvent3", "OrderEvent4", "OrderEvent5", "OrderEvent6", "OrderEvent7");
        Event e = sink.events.get(3);
        assertThat(e.id()).isEqualTo(UUID.nameUUIDFromBytes("e3".getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(e.aggregateType()).isEqualTo("Customer");
        assertThat(e.aggregateId()).isEqualTo("order-1");
        assertThat(e.version()).isEqualTo(2L);
        assertThat(e.time()).isEqualTo(T0.plusSeconds(180));
        assertThat(Json.parseOrMissing(e.data()).at("/lines/0/sku").asText()).isEqualTo("A");
    }

    @Test
    void timeAndAggregateTypeSlicesAreBoundAsTimestampsAndText() throws Exception {
        assumeTrue(skip == null, () -> skip);
        RecordingSink sink = new RecordingSink();
        new TableReader(2).read(location(environment()),
                new TableSlice("events", T0.plusSeconds(60), T0.plusSeconds(300), "Order"), ImportOptions.AUTOMATIC, sink);
        assertThat(sink.events).extracting(Event::type).containsExactly("OrderEvent2", "OrderEvent4");
    }

    @Test
    void martenEventsArePagedBySeqIdWithJsonbDataAndHeaders() throws Exception {
        assumeTrue(skip == null, () -> skip);
        RecordingSink sink = new RecordingSink();
        new TableReader(2).read(location(environment()), new TableSlice("mt_events",
                Instant.parse("2024-05-01T10:01:00Z"), null, null), ImportOptions.AUTOMATIC, sink);
        assertThat(sink.events).extracting(Event::version).containsExactly(2L, 3L, 4L, 5L);
        Event e = sink.events.get(1);
        assertThat(e.id()).isEqualTo("00000000-0000-0000-0000-000000000003");
        assertThat(e.causationId()).isEqualTo("00000000-0000-0000-0000-000000000002");
        assertThat(e.correlationId()).isEqualTo("corr-m");
        assertThat(e.aggregateId()).isEqualTo("11111111-1111-1111-1111-111111111111");
        assertThat(e.time()).isEqualTo(Instant.parse("2024-05-01T10:03:00Z"));
        assertThat(Json.parseOrMissing(e.data()).get("step").asInt()).isEqualTo(3);
        assertThat(Json.parseOrMissing(e.metadata()).get("user").asText()).isEqualTo("ann");
    }

    @Test
    void axonByteaPayloadIsDecodedAsJson() throws Exception {
        assumeTrue(skip == null, () -> skip);
        RecordingSink sink = new RecordingSink();
        new TableReader().read(location(environment()), TableSlice.all("public.domain_event_entry"),
                ImportOptions.AUTOMATIC, sink);
        Event e = sink.events.get(0);
        assertThat(e.type()).isEqualTo("com.example.CardIssuedEvent");
        assertThat(e.aggregateType()).isEqualTo("GiftCard");
        assertThat(e.correlationId()).isEqualTo("corr-9");
        assertThat(Json.parseOrMissing(e.data()).get("amount").asInt()).isEqualTo(25);
    }

    @Test
    void withoutAPasswordThePromptIsAskedAndAMissingTableListsTheOthers() throws Exception {
        assumeTrue(skip == null, () -> skip);
        List<String> asked = new ArrayList<>();
        TableLocation prompted = TableLocation.url(url(), Map.of("PGUSER", "postgres"), () -> {
            asked.add("asked");
            return PASSWORD.toCharArray();
        });
        assertThatThrownBy(() -> new TableReader().read(prompted, TableSlice.all("evnts"), ImportOptions.AUTOMATIC,
                new RecordingSink()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no table 'evnts'").hasMessageContaining("domain_event_entry, events, mt_events");
        assertThat(asked).hasSize(1);
        assertThatThrownBy(() -> new TableReader().read(location(Map.of("PGUSER", "postgres")), TableSlice.all("events"),
                ImportOptions.AUTOMATIC, new RecordingSink())).isInstanceOf(ImportException.class);
    }

    @Test
    void aPasswordInTheUrlIsRefused() {
        assertThatThrownBy(() -> TableLocation.url("jdbc:postgresql://h/db?user=u&password=p", Map.of(), () -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PGPASSWORD");
    }

    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb"))
                    && Files.isExecutable(b.resolve("pg_ctl"))).max(Comparator.comparing(b ->
                    Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0")))).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String pg(String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>(asUser);
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        return run(command);
    }

    /** Runs a command from the test's folder, which {@code nobody} may enter, and returns its output. */
    private static String run(List<String> command) throws Exception {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        if (home != null) {
            b.directory(home.toFile());
        }
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "no server log";
        }
    }
}

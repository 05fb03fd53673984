package dev.telltale.benchmarks;

import dev.telltale.api.DslEvent;
import dev.telltale.api.export.ExactlyOnceExport;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import dev.telltale.json.EventJson;
import dev.telltale.store.chronicle.EventLog;
import dev.telltale.store.jsonl.JsonlExportSink;
import dev.telltale.store.postgres.CopyRows;
import dev.telltale.store.postgres.Database;
import dev.telltale.store.postgres.PostgresExportSink;
import dev.telltale.store.postgres.Schema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;

/**
 * Exporting to PostgreSQL, against its limit, in one run, on one embedded PostgreSQL 14 started by the
 * trial: a Chronicle queue of {@value #EVENTS} commands (those of {@link ExportBenchmark}), and an empty {@code events.log} (truncated
 * before each invocation, indexes and unique key as migrated) each time:
 * <ul>
 *   <li>{@code exportToPostgres}: {@code telltale export postgres}: the export engine reading the queue,
 *       the PostgreSQL sink writing batches of 10,000 by {@code COPY}, each committed with its checkpoint;
 *   <li>{@code rawCopy}: the limit: the same rows, encoded before the invocation, sent by one
 *       {@code COPY} and committed (no reading, no encoding, no checkpoint);
 *   <li>{@code batchedInsert}: the same rows by batched multi-row {@code INSERT} (PgJDBC rewrites a
 *       batch of 1,000 into one multi-row statement), committed at the end: the alternative to COPY;
 *   <li>{@code exportToJsonl}: the same engine and queue into a JSON Lines file with checkpoints.
 * </ul>
 * One operation is one event, so the scores are nanoseconds per event (row): 10^9 / score = rows per
 * second. Run it:
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar PostgresExportBenchmark -f 1 -wi 2 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {
            ChronicleFork.NIO,
            ChronicleFork.REFLECT,
            ChronicleFork.CLEANER,
            ChronicleFork.NATIVE,
            ChronicleFork.NO_BANNER,
            ChronicleFork.HEAP_MIN,
            ChronicleFork.HEAP_MAX
        })
@State(Scope.Benchmark)
public class PostgresExportBenchmark {

    /** Events in the queue: {@value}. */
    static final int EVENTS = 100_000;

    private Path dir;
    private Path queue;
    private EmbeddedPostgres postgres;
    private Database database;
    private byte[] copyText;
    private List<DslEvent> events;
    private UUID origin = UUID.randomUUID();

    @Setup(Level.Trial)
    public void start() throws IOException, SQLException {
        dir = Files.createTempDirectory("telltale-pg-bench");
        queue = dir.resolve("events");
        ExportBenchmark.writeCommands(dir, queue, EVENTS);
        events = new ArrayList<>(EVENTS);
        try (EventLog log = EventLog.open(queue);
                EventCursor cursor = log.cursor(new Position.Start())) {
            for (RecordedEvent recorded = cursor.next(); recorded != null; recorded = cursor.next()) {
                events.add(recorded.event());
            }
        }
        copyText = CopyRows.events(origin, events);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(true)
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                .start();
        database = Database.at(postgres.getJdbcUrl("postgres", "postgres"));
        try (var pool = database.pool("bench-migrate")) {
            Schema.migrate(pool);
        }
    }

    @Setup(Level.Invocation)
    public void empty() throws SQLException, IOException {
        execute("TRUNCATE events.log, sessions.log, events.export_checkpoint");
        execute("CHECKPOINT");
        Files.deleteIfExists(dir.resolve("out.jsonl"));
        Files.deleteIfExists(dir.resolve("out.jsonl.bench.checkpoint"));
        origin = UUID.randomUUID();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        postgres.close();
        TempDirs.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long exportToPostgres() throws IOException {
        try (EventLog log = EventLog.open(queue)) {
            return requireAll(ExactlyOnceExport.builder()
                    .source(log, null, new Position.Start())
                    .sink(PostgresExportSink.to(database, origin, "bench", queue.toString()))
                    .run()
                    .exported());
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long rawCopy() throws SQLException, IOException {
        return requireAll(copy(postgres, copyText));
    }

    /** The database's limit: {@code copyText} into {@code events.log} by one {@code COPY}, committed; the rows. */
    static long copy(EmbeddedPostgres postgres, byte[] copyText) throws SQLException, IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.setAutoCommit(false);
            long rows = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(CopyRows.COPY_EVENTS, new ByteArrayInputStream(copyText));
            connection.commit();
            return rows;
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long batchedInsert() throws SQLException {
        String sql = "INSERT INTO events.log (timestamp, session_id, event_type, payload, payload_version, epoch_nanos,"
                + " verb, origin, position) VALUES (to_timestamp(? / 1e9), ?, ?, ?::jsonb, 1, ?, ?, ?, ?)";
        try (var pool = database.poolSize(1).pool("bench-insert");
                Connection connection = pool.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < events.size(); i++) {
                DslEvent event = events.get(i);
                insert.setDouble(1, event.epochNanos());
                insert.setObject(2, event.sessionId());
                insert.setString(3, event.type().wireName());
                insert.setString(4, EventJson.toJson(event));
                insert.setLong(5, event.epochNanos());
                insert.setString(6, event.commandVerb());
                insert.setObject(7, origin);
                insert.setLong(8, i);
                insert.addBatch();
                if ((i + 1) % 1_000 == 0 || i + 1 == events.size()) {
                    insert.executeBatch();
                }
            }
            connection.commit();
            return requireAll(postgresRows());
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long exportToJsonl() throws IOException {
        try (EventLog log = EventLog.open(queue)) {
            return requireAll(ExactlyOnceExport.builder()
                    .source(log, null, new Position.Start())
                    .sink(JsonlExportSink.resumable(dir.resolve("out.jsonl"), "bench"))
                    .run()
                    .exported());
        }
    }

    private long postgresRows() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                var result = statement.executeQuery("SELECT count(*) FROM events.log")) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        execute(postgres, sql);
    }

    static void execute(EmbeddedPostgres postgres, String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long requireAll(long rows) {
        if (rows != EVENTS) {
            throw new IllegalStateException("wrote " + rows + " rows, expected " + EVENTS);
        }
        return rows;
    }
}

package dev.telltale.benchmarks;

import dev.telltale.api.DslEvent;
import dev.telltale.api.export.ExactlyOnceExport;
import dev.telltale.api.export.ExportCheckpoint;
import dev.telltale.api.export.ExportSink;
import dev.telltale.api.export.ExportSinks;
import dev.telltale.api.export.ExportTarget;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import dev.telltale.export.kafka.KafkaStreamExport;
import dev.telltale.export.kafka.testing.KafkaBroker;
import dev.telltale.json.EventJson;
import dev.telltale.store.chronicle.EventLog;
import dev.telltale.store.postgres.CopyRows;
import dev.telltale.store.postgres.Database;
import dev.telltale.store.postgres.Schema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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

/**
 * The fleet path against its limits, in one run, on one KRaft broker (a child JVM) and one embedded
 * PostgreSQL started by the trial, with a Chronicle queue of {@value #EVENTS} commands (those of
 * {@link ExportBenchmark}):
 * <ul>
 *   <li>{@code ship}: {@code telltale export kafka}: the engine reading the queue, each batch of 10,000
 *       and its checkpoint in one Kafka transaction (a new origin each time, so all of it);
 *   <li>{@code rawProducer}: its limit: the same records (key, JSON value, headers), built before the
 *       invocation, sent by a transactional producer with the same settings, committed every 10,000;
 *   <li>{@code kafkaToPostgres}: {@code telltale export postgres --from-kafka}: a new consumer group
 *       reading the {@value #EVENTS} records of a topic shipped once into an emptied database, each poll
 *       with its offsets in one transaction;
 *   <li>{@code rawCopy}: the database's limit: the same rows, encoded before, by one {@code COPY}.
 * </ul>
 * One operation is one event: 10^9 / score = events per second. Run it:
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar KafkaBenchmark -f 1 -wi 2 -i 5
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
            // The raw producer's 500,000 records and the raw COPY's text are held for the whole trial.
            "-Xms2g",
            "-Xmx2g",
            // Kafka's clients log every client's settings at INFO; only what goes wrong here.
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn"
        })
@State(Scope.Benchmark)
public class KafkaBenchmark {

    /** Events in the queue: {@value}. */
    static final int EVENTS = 500_000;

    private static final int TRANSACTION = ExactlyOnceExport.DEFAULT_BATCH_SIZE;

    private Path dir;
    private Path queue;
    private KafkaBroker broker;
    private EmbeddedPostgres postgres;
    private Database database;
    private final List<ProducerRecord<String, byte[]>> records = new ArrayList<>(EVENTS);
    private byte[] copyText;
    private int invocation;
    private ExportSink shipper;
    private KafkaProducer<String, byte[]> producer;

    @Setup(Level.Trial)
    public void start() throws Exception {
        dir = Files.createTempDirectory("telltale-kafka-bench");
        queue = dir.resolve("events");
        ExportBenchmark.writeCommands(dir, queue, EVENTS);
        List<DslEvent> events = new ArrayList<>(EVENTS);
        try (EventLog log = EventLog.open(queue);
                EventCursor cursor = log.cursor(new Position.Start())) {
            for (RecordedEvent recorded = cursor.next(); recorded != null; recorded = cursor.next()) {
                events.add(recorded.event());
            }
        }
        UUID origin = UUID.randomUUID();
        byte[] originBytes = origin.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < events.size(); i++) {
            DslEvent event = events.get(i);
            RecordHeaders headers = new RecordHeaders();
            headers.add("telltale.type", event.type().wireName().getBytes(StandardCharsets.UTF_8));
            headers.add("telltale.v", "1".getBytes(StandardCharsets.UTF_8));
            headers.add("telltale.origin", originBytes);
            headers.add("telltale.position", Long.toString(i).getBytes(StandardCharsets.UTF_8));
            records.add(new ProducerRecord<>(
                    "raw",
                    null,
                    event.sessionId().toString(),
                    EventJson.toJson(event).getBytes(StandardCharsets.UTF_8),
                    headers));
        }
        copyText = CopyRows.events(origin, events);
        broker = KafkaBroker.start(Files.createDirectories(dir.resolve("broker")));
        for (String topic : List.of("ship", "raw", "fleet")) {
            broker.createTopic(topic, 3);
        }
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
        // The consumers' topic: the queue shipped once.
        requireAll(ship(kafkaSink("fleet", UUID.randomUUID())));
    }

    @Setup(Level.Invocation)
    public void empty() throws SQLException, IOException {
        execute("TRUNCATE events.log, sessions.log, events.stream_offsets");
        execute("CHECKPOINT");
        invocation++;
        // Connected before the shot, as the raw producer is: the shot measures the shipping alone.
        shipper = new Resumed(kafkaSink("ship", UUID.randomUUID()));
        producer = new KafkaProducer<>(rawSettings(), new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    @TearDown(Level.Invocation)
    public void closeUnused() throws IOException {
        shipper.close();
        producer.close();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        postgres.close();
        broker.close();
        TempDirs.delete(dir);
    }

    private ExportSink kafkaSink(String topic, UUID origin) throws IOException {
        return ExportSinks.named("kafka")
                .open(ExportTarget.at(broker.bootstrapServers())
                        .option("topic", topic)
                        .origin(origin)
                        .name("bench")
                        .build());
    }

    private long ship(ExportSink sink) throws IOException {
        try (EventLog log = EventLog.open(queue)) {
            return ExactlyOnceExport.builder()
                    .source(log, null, new Position.Start())
                    .sink(sink)
                    .run()
                    .exported();
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long ship() throws IOException {
        return requireAll(ship(shipper));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long rawProducer() {
        try (KafkaProducer<String, byte[]> raw = producer) {
            for (int i = 0; i < records.size(); i += TRANSACTION) {
                raw.beginTransaction();
                for (ProducerRecord<String, byte[]> record :
                        records.subList(i, Math.min(records.size(), i + TRANSACTION))) {
                    raw.send(record);
                }
                raw.commitTransaction();
            }
        }
        return records.size();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long kafkaToPostgres() throws IOException {
        return requireAll(KafkaStreamExport.builder()
                .from(ExportTarget.at(broker.bootstrapServers())
                        .option("topic", "fleet")
                        .build())
                .group("bench-" + invocation)
                .into(ExportSinks.named("postgres")
                        .openStream(ExportTarget.at(postgres.getJdbcUrl("postgres", "postgres"))
                                .name("bench-" + invocation)
                                .build()))
                .run()
                .written());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long rawCopy() throws SQLException, IOException {
        return requireAll(PostgresExportBenchmark.copy(postgres, copyText));
    }

    /** The shipper's producer settings, for the raw producer. */
    private Properties rawSettings() {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "raw-" + invocation);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return settings;
    }

    /** A Kafka sink resumed before the shot; the engine's resume gets that checkpoint. */
    private static final class Resumed implements ExportSink {
        private final ExportSink sink;
        private final ExportCheckpoint checkpoint;

        Resumed(ExportSink sink) throws IOException {
            this.sink = sink;
            this.checkpoint = sink.resume();
        }

        @Override
        public ExportCheckpoint resume() {
            return checkpoint;
        }

        @Override
        public void write(List<DslEvent> batch, ExportCheckpoint next) throws IOException {
            sink.write(batch, next);
        }

        @Override
        public void write(List<DslEvent> batch, long[] positions, ExportCheckpoint next) throws IOException {
            sink.write(batch, positions, next);
        }

        @Override
        public String describe() {
            return sink.describe();
        }

        @Override
        public void close() throws IOException {
            sink.close();
        }
    }

    private void execute(String sql) throws SQLException {
        PostgresExportBenchmark.execute(postgres, sql);
    }

    private static long requireAll(long rows) {
        if (rows != EVENTS) {
            throw new IllegalStateException("moved " + rows + " events, expected " + EVENTS);
        }
        return rows;
    }
}

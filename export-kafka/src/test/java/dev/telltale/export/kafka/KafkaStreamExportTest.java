package dev.telltale.export.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import dev.telltale.api.DslEvent;
import dev.telltale.api.export.ExactlyOnceExport;
import dev.telltale.api.export.ExportTarget;
import dev.telltale.api.export.StreamSink;
import dev.telltale.api.testing.ListCursor;
import dev.telltale.export.kafka.testing.KafkaBroker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shippers of three origins into one topic, read by a consumer group into a sink that keeps rows and
 * offsets together (as PostgreSQL's does, in memory): every event once per origin, a consumer that
 * fails mid-batch and reruns, two consumers sharing the partitions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaStreamExportTest {

    @TempDir
    static Path dir;

    private KafkaBroker broker;

    @BeforeAll
    void startTheBroker() throws Exception {
        broker = KafkaBroker.start(dir);
    }

    @AfterAll
    void stopTheBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    /**
     * Rows keyed by origin and position (a duplicate fails the write, as PostgreSQL's unique key does),
     * offsets by consumer and partition, moved only from what this sink last read or wrote; shared by
     * the sinks of one "database". Fails write number {@code failOn} before committing anything.
     */
    static final class Database {
        final Map<String, DslEvent> rows = new HashMap<>();
        final Map<String, Long> offsets = new HashMap<>();

        synchronized int size() {
            return rows.size();
        }
    }

    static final class MemorySink implements StreamSink {
        private final Database database;
        private final String consumer;
        private final Map<Integer, Long> expected = new HashMap<>();
        int failOn = -1;
        int writes;

        MemorySink(Database database, String consumer) {
            this.database = database;
            this.consumer = consumer;
        }

        @Override
        public void open() {}

        @Override
        public Map<Integer, Long> offsets(String stream, Collection<Integer> partitions) {
            synchronized (database) {
                Map<Integer, Long> found = new HashMap<>();
                for (Integer partition : partitions) {
                    Long offset = database.offsets.get(consumer + "/" + stream + "/" + partition);
                    expected.put(partition, offset);
                    if (offset != null) {
                        found.put(partition, offset);
                    }
                }
                return found;
            }
        }

        @Override
        public void write(String stream, List<Arrival> batch, Map<Integer, Long> nextOffsets) throws IOException {
            synchronized (database) {
                if (++writes == failOn) {
                    throw new IOException("killed mid-batch");
                }
                for (Map.Entry<Integer, Long> offset : nextOffsets.entrySet()) {
                    Long now = database.offsets.get(consumer + "/" + stream + "/" + offset.getKey());
                    if (!java.util.Objects.equals(now, expected.get(offset.getKey()))) {
                        throw new OffsetsMovedException("partition " + offset.getKey() + " moved");
                    }
                }
                for (Arrival arrival : batch) {
                    if (database.rows.containsKey(arrival.origin() + "@" + arrival.position())) {
                        throw new IOException("duplicate " + arrival.origin() + "@" + arrival.position());
                    }
                }
                for (Arrival arrival : batch) {
                    database.rows.put(arrival.origin() + "@" + arrival.position(), arrival.event());
                }
                for (Map.Entry<Integer, Long> offset : nextOffsets.entrySet()) {
                    database.offsets.put(consumer + "/" + stream + "/" + offset.getKey(), offset.getValue());
                }
                expected.putAll(nextOffsets);
            }
        }

        @Override
        public String describe() {
            return "memory";
        }

        @Override
        public void close() {}
    }

    /** Ships {@code count} commands of {@code sessions} sessions from a new origin into {@code topic}. */
    private UUID ship(String topic, int count, int sessions) throws Exception {
        UUID origin = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            ids.add(UUID.randomUUID());
        }
        List<DslEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(
                    DslEvent.succeeded(1_700_000_000_000_000_000L + i, ids.get(i % sessions), "verb" + i % 7, 1_000));
        }
        try (var sink = new KafkaSinkProvider()
                .open(ExportTarget.at(broker.bootstrapServers())
                        .option(KafkaSinkProvider.TOPIC, topic)
                        .origin(origin)
                        .name("ship")
                        .build())) {
            ExactlyOnceExport.builder()
                    .source(after -> new ListCursor(events, after))
                    .sink(sink)
                    .batchSize(500)
                    .run();
        }
        return origin;
    }

    /** Polls of at most 700 records: several batches. */
    private KafkaStreamExport.Builder consumer(String topic, String group, StreamSink sink) throws IOException {
        Path smallPolls =
                java.nio.file.Files.writeString(dir.resolve("small-polls.properties"), "max.poll.records=700\n");
        return KafkaStreamExport.builder()
                .from(ExportTarget.at(broker.bootstrapServers())
                        .option(KafkaSinkProvider.TOPIC, topic)
                        .option(KafkaSinkProvider.PROPERTIES, smallPolls.toString())
                        .build())
                .group(group)
                .into(sink);
    }

    private static Map<String, Integer> perOrigin(Database database) {
        Map<String, Integer> counts = new HashMap<>();
        database.rows.keySet().forEach(key -> counts.merge(key.substring(0, key.indexOf('@')), 1, Integer::sum));
        return counts;
    }

    @Test
    void threeOrigins_oneTopic_everyEventOncePerOrigin_andAFailureMidBatchThenARerunLosesAndDoublesNothing()
            throws Exception {
        broker.createTopic("fleet", 3);
        UUID a = ship("fleet", 3_000, 11);
        UUID b = ship("fleet", 2_000, 5);
        UUID c = ship("fleet", 1_000, 3);
        Database database = new Database();
        MemorySink failing = new MemorySink(database, "group-1");
        failing.failOn = 2;

        assertThatIOException()
                .isThrownBy(() -> consumer("fleet", "group-1", failing).run())
                .withMessage("killed mid-batch");
        int afterFailure = database.size();
        KafkaStreamExport.Result rerun = consumer("fleet", "group-1", new MemorySink(database, "group-1"))
                .run();

        assertThat(rerun.written()).isEqualTo(6_000 - afterFailure);
        assertThat(perOrigin(database))
                .isEqualTo(Map.of(a.toString(), 3_000, b.toString(), 2_000, c.toString(), 1_000));
        assertThat(consumer("fleet", "group-1", new MemorySink(database, "group-1"))
                        .run()
                        .written())
                .as("a rerun with nothing new")
                .isZero();
        Database other = new Database();
        assertThat(consumer("fleet", "group-2", new MemorySink(other, "group-2"))
                        .run()
                        .written())
                .as("another group reads it all again, into its own database")
                .isEqualTo(6_000);
    }

    @Test
    void twoConsumersOfOneGroupAtOnce_togetherWriteEveryEventOnce() throws Exception {
        broker.createTopic("shared", 4);
        Set<UUID> origins = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            origins.add(ship("shared", 4_000, 13));
        }
        Database database = new Database();
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            boolean[] stop = new boolean[1];
            List<Future<KafkaStreamExport.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(both.submit(() -> consumer("shared", "pair", new MemorySink(database, "pair"))
                        .follow(() -> stop[0] || database.size() >= 12_000)
                        .run()));
            }
            long written = 0;
            for (Future<KafkaStreamExport.Result> run : runs) {
                written += run.get(120, TimeUnit.SECONDS).written();
            }
            assertThat(written).isEqualTo(12_000);
        } finally {
            both.shutdownNow();
        }
        assertThat(perOrigin(database))
                .hasSize(3)
                .allSatisfy((origin, count) -> assertThat(count).isEqualTo(4_000));
    }

    @Test
    void aRecordNoShipperWrote_isOneLineNamingWhereItIs_andNothingOfItsBatchIsWritten() throws Exception {
        broker.createTopic("foreign", 1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", broker.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("foreign", "{\"not\":\"telltale\"}".getBytes()))
                    .get();
        }
        Database database = new Database();

        assertThatIOException()
                .isThrownBy(() ->
                        consumer("foreign", "g", new MemorySink(database, "g")).run())
                .withMessage("'foreign' partition 0 offset 0 is not a Telltale event (no origin); nothing of its"
                        + " batch was written");
        assertThat(database.size()).isZero();
        assertThatIOException()
                .isThrownBy(() ->
                        consumer("no-such", "g", new MemorySink(database, "g")).run())
                .withMessage("no such topic 'no-such' at " + broker.bootstrapServers());
    }
}

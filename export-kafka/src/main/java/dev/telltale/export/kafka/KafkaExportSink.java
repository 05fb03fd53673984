package dev.telltale.export.kafka;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventType;
import dev.telltale.api.export.ExportCheckpoint;
import dev.telltale.api.export.ExportSink;
import dev.telltale.json.EventJson;
import dev.telltale.json.EventJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Ships events into a Kafka topic exactly once. A transactional producer whose
 * {@code transactional.id} is derived from the source's origin and the export's name
 * ({@link #transactionalId}) writes each batch and the checkpoint that covers it in one transaction:
 * the events to the topic (key: the session id, so one session's events keep their order; value: the
 * event in the JSON format; headers: type, format version, origin, position) and the checkpoint to the
 * compacted topic {@link #CHECKPOINTS} (key: origin, name and topic; value: the last position and the
 * count). A {@code read_committed} consumer sees both or neither. {@link #resume()} calls
 * {@code initTransactions}, which fences any other shipper with the same id and aborts what it left
 * open, then reads the checkpoint back from {@link #CHECKPOINTS}. One thread.
 */
final class KafkaExportSink implements ExportSink {

    /** The compacted topic of every export's checkpoint: {@value}. */
    static final String CHECKPOINTS = "telltale.checkpoints";

    static final String HEADER_TYPE = "telltale.type";
    static final String HEADER_VERSION = "telltale.v";
    static final String HEADER_ORIGIN = "telltale.origin";
    static final String HEADER_POSITION = "telltale.position";

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** Events encoded at a time while the previous ones are sent. */
    private static final int CHUNK = 512;

    private final Properties settings;
    private final String topic;
    private final UUID origin;
    private final String name;
    private final String checkpointKey;
    private final byte[] originBytes;
    private final byte[] versionBytes;
    /** Each event type's header value, by ordinal. */
    private final byte[][] typeBytes;
    /** Each event's JSON, written into one reused buffer. */
    private final ByteArrayOutputStream json = new ByteArrayOutputStream(512);

    private final EventJsonWriter jsonWriter;
    /** The encoder's last session and its key. */
    private UUID lastSession;

    private String lastKey;
    /** Encodes events into records beside the thread that sends them. */
    private final ExecutorService encoder = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "telltale-kafka-encoder");
        thread.setDaemon(true);
        return thread;
    });

    private KafkaProducer<String, byte[]> producer;
    private boolean reached;

    KafkaExportSink(Properties clientSettings, String topic, UUID origin, String name) {
        this.settings = clientSettings;
        this.topic = topic;
        this.origin = origin;
        this.name = name;
        this.checkpointKey = origin + "/" + name + "/" + topic;
        this.originBytes = origin.toString().getBytes(StandardCharsets.UTF_8);
        this.versionBytes = Integer.toString(EventJson.SCHEMA_VERSION).getBytes(StandardCharsets.UTF_8);
        EventType[] types = EventType.values();
        this.typeBytes = new byte[types.length][];
        for (EventType type : types) {
            typeBytes[type.ordinal()] = type.wireName().getBytes(StandardCharsets.UTF_8);
        }
        try {
            this.jsonWriter = new EventJsonWriter(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("creating a JSON generator in memory failed", e);
        }
    }

    /** The producer's transactional id: one per source and export name, so a second shipper fences the first. */
    static String transactionalId(UUID origin, String name) {
        return "telltale-" + origin + "-" + name;
    }

    @Override
    public ExportCheckpoint resume() throws IOException {
        Properties producerSettings = new Properties();
        producerSettings.putAll(settings);
        producerSettings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(origin, name));
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        producerSettings.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        producerSettings.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producerSettings.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        try {
            requireCluster(settings, topic, () -> reached = true, true);
        } catch (KafkaException e) {
            throw failure("cannot start shipping to " + describe(), e);
        }
        try {
            producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new ByteArraySerializer());
            producer.initTransactions();
            return readCheckpoint();
        } catch (KafkaException e) {
            throw failure("cannot start shipping to " + describe(), e);
        }
    }

    /**
     * Reaches the cluster and checks the topic is there (never creating it, as asking a producer might);
     * with {@code checkpoints}, creates the checkpoint topic unless it exists. Tells {@code reached} once
     * a broker answered.
     *
     * @throws IOException one line: no broker answered in {@code default.api.timeout.ms} (15 s unless
     *     set; {@linkplain TransientAware transient}), no such topic, credentials refused
     */
    static void requireCluster(Properties settings, String topic, Runnable reached, boolean checkpoints)
            throws IOException {
        Object where = settings.get("bootstrap.servers");
        Admin admin = null;
        try {
            admin = Admin.create(settings);
            long timeout = Long.parseLong(settings.getProperty("default.api.timeout.ms", "15000"));
            try {
                admin.describeCluster().clusterId().get(timeout, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof AuthenticationException) {
                    throw new IOException("Kafka at " + where + " refused the credentials: "
                            + e.getCause().getMessage());
                }
                throw noBroker(where, timeout, e);
            } catch (java.util.concurrent.TimeoutException e) {
                throw noBroker(where, timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            reached.run();
            requireTopic(admin, topic, where);
            if (checkpoints) {
                ensureCheckpointTopic(admin, where);
            }
        } finally {
            if (admin != null) {
                // Not its default: that waits for calls still pending, a minute for a broker that never answered.
                admin.close(Duration.ofSeconds(1));
            }
        }
    }

    /** Transient: a client that reached the cluster before waits for it (a first start fails at once). */
    private static IOException noBroker(Object where, long timeout, Exception e) {
        return new TransientAware(
                "no Kafka broker answered at " + where + " within " + timeout + " ms"
                        + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()),
                e,
                true);
    }

    private static void requireTopic(Admin admin, String wanted, Object where) throws IOException {
        try {
            admin.describeTopics(List.of(wanted)).allTopicNames().get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IOException("no such topic '" + wanted + "' at " + where);
            }
            if (e.getCause() instanceof AuthorizationException) {
                throw new IOException("not authorized to read the topic '" + wanted + "' at " + where + ": "
                        + e.getCause().getMessage());
            }
            throw new IOException(
                    "cannot look up the topic '" + wanted + "': " + e.getCause().getMessage(), e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(
                    "no answer about the topic '" + wanted + "' within " + READ_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Creates the compacted checkpoint topic ({@value #CHECKPOINTS}, one partition, the cluster's
     * replication) unless it exists; says which.
     */
    static String ensureCheckpointTopic(Admin admin, Object where) throws IOException {
        NewTopic checkpoints = new NewTopic(CHECKPOINTS, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(checkpoints)).all().get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return "created the checkpoint topic '" + CHECKPOINTS + "' (compacted) at " + where;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return "the checkpoint topic '" + CHECKPOINTS + "' exists at " + where + ": nothing to do";
            }
            throw new IOException(
                    "cannot create the checkpoint topic '" + CHECKPOINTS + "' at " + where + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(
                    "no Kafka broker answered at " + where + " within " + READ_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The last checkpoint committed under this export's key, read with {@code read_committed}; START if none. */
    private ExportCheckpoint readCheckpoint() throws IOException {
        Properties consumerSettings = new Properties();
        consumerSettings.putAll(settings);
        consumerSettings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Not the default 500 ms: a fetch at the end of the topic would wait that long for more.
        consumerSettings.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        ExportCheckpoint last = ExportCheckpoint.START;
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(consumerSettings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(CHECKPOINTS, READ_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new IOException("no checkpoint topic '" + CHECKPOINTS + "' at "
                        + settings.get("bootstrap.servers") + ": create it (compacted) once, see docs/kafka.md");
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("reading the checkpoint from '" + CHECKPOINTS + "' took over "
                            + READ_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (checkpointKey.equals(record.key())) {
                        last = record.value() == null ? ExportCheckpoint.START : decode(record.value());
                    }
                }
            }
        }
        return last;
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void write(List<DslEvent> batch, ExportCheckpoint checkpoint) throws IOException {
        throw new UnsupportedOperationException("the Kafka sink needs each event's position");
    }

    @Override
    public void write(List<DslEvent> batch, long[] positions, ExportCheckpoint checkpoint) throws IOException {
        try {
            producer.beginTransaction();
            // Two stages: the encoder makes the next chunk's records while this thread sends the last.
            int size = batch.size();
            Future<List<ProducerRecord<String, byte[]>>> next =
                    size == 0 ? null : encodeLater(batch, positions, 0, size);
            for (int from = 0; from < size; from += CHUNK) {
                List<ProducerRecord<String, byte[]>> records = encoded(next);
                next = from + CHUNK < size ? encodeLater(batch, positions, from + CHUNK, size) : null;
                for (ProducerRecord<String, byte[]> record : records) {
                    producer.send(record);
                }
            }
            producer.send(new ProducerRecord<>(CHECKPOINTS, checkpointKey, encode(checkpoint)));
            producer.commitTransaction();
        } catch (KafkaException e) {
            if (fenced(e)) {
                throw new IOException(
                        "another shipper took over the export '" + name + "' of origin " + origin
                                + " (the same transactional id); this one stops",
                        e);
            }
            abortQuietly();
            throw failure("shipping to " + describe() + " failed", e);
        } catch (IOException e) {
            // Encoding failed or was interrupted: nothing of the batch is committed.
            abortQuietly();
            throw e;
        }
    }

    private Future<List<ProducerRecord<String, byte[]>>> encodeLater(
            List<DslEvent> batch, long[] positions, int from, int size) {
        int to = Math.min(size, from + CHUNK);
        return encoder.submit(() -> records(batch, positions, from, to));
    }

    private static List<ProducerRecord<String, byte[]>> encoded(Future<List<ProducerRecord<String, byte[]>>> records)
            throws IOException {
        try {
            return records.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("encoding events failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The record key of a session: its id, made once for a run of the same session's events. */
    private String key(UUID session) {
        if (session == null) {
            return null;
        }
        if (!session.equals(lastSession)) {
            lastSession = session;
            lastKey = session.toString();
        }
        return lastKey;
    }

    /** Events {@code from} (inclusive) to {@code to} as records; on the encoder's thread only. */
    private List<ProducerRecord<String, byte[]>> records(List<DslEvent> batch, long[] positions, int from, int to)
            throws IOException {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            DslEvent event = batch.get(i);
            List<Header> headers = List.of(
                    new RecordHeader(HEADER_TYPE, typeBytes[event.type().ordinal()]),
                    new RecordHeader(HEADER_VERSION, versionBytes),
                    new RecordHeader(HEADER_ORIGIN, originBytes),
                    new RecordHeader(
                            HEADER_POSITION, Long.toString(positions[i]).getBytes(StandardCharsets.UTF_8)));
            String key = key(event.sessionId());
            json.reset();
            jsonWriter.write(event);
            records.add(new ProducerRecord<>(topic, null, key, json.toByteArray(), headers));
        }
        return records;
    }

    /** Whether another producer with this transactional id took over (its epoch is newer). */
    private static boolean fenced(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException ignored) {
            // Such as after a commit that timed out (the producer then refuses to abort): the next
            // shipper's initTransactions aborts it anyway.
        }
    }

    private IOException failure(String what, KafkaException e) {
        Throwable cause =
                e.getCause() instanceof ExecutionException ? e.getCause().getCause() : e;
        String reason = cause instanceof AuthenticationException
                ? "authentication failed: " + cause.getMessage()
                : cause instanceof AuthorizationException ? "not authorized: " + cause.getMessage() : e.getMessage();
        return new TransientAware(what + ": " + reason, e, e instanceof RetriableException);
    }

    static byte[] encode(ExportCheckpoint checkpoint) {
        return ("{\"position\":" + checkpoint.lastPosition() + ",\"exported\":" + checkpoint.exported() + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static ExportCheckpoint decode(byte[] value) throws IOException {
        String text = new String(value, StandardCharsets.UTF_8);
        try {
            int position = text.indexOf("\"position\":");
            int exported = text.indexOf(",\"exported\":");
            long last = Long.parseLong(text.substring(position + 11, exported));
            long count = Long.parseLong(text.substring(exported + 12, text.length() - 1));
            return new ExportCheckpoint(last, count);
        } catch (RuntimeException bad) {
            throw new IOException("a checkpoint in '" + CHECKPOINTS + "' is not one Telltale wrote: " + text, bad);
        }
    }

    @Override
    public String describe() {
        return "kafka topic '" + topic + "' at " + settings.get("bootstrap.servers");
    }

    @Override
    public boolean isTransient(IOException failure) {
        return failure instanceof TransientAware aware && aware.transientFailure;
    }

    @Override
    public boolean reached() {
        return reached;
    }

    @Override
    public void close() {
        encoder.shutdownNow();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** A failure that knows whether Kafka called it retriable. */
    static final class TransientAware extends IOException {
        final boolean transientFailure;

        TransientAware(String message, Throwable cause, boolean transientFailure) {
            super(message, cause);
            this.transientFailure = transientFailure;
        }
    }
}

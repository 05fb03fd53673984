package dev.telltale.export.kafka;

import dev.telltale.api.DslEvent;
import dev.telltale.api.export.ExportTarget;
import dev.telltale.api.export.StreamSink;
import dev.telltale.api.export.StreamSink.Arrival;
import dev.telltale.json.EventJson;
import dev.telltale.json.EventJsonException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A Kafka topic that many shippers ({@code telltale export kafka}) write into, read by a consumer group
 * into a {@link StreamSink} (PostgreSQL), exactly once: {@code read_committed}, so only what the
 * shippers committed; each poll's events written with the group's next offsets in one transaction of
 * the sink; offsets never committed to Kafka but read from the sink whenever the group gives this
 * consumer a partition. A consumer killed mid-batch leaves nothing of that batch; one replaced by a
 * rebalance cannot write over its successor ({@link StreamSink.OffsetsMovedException}: it reads the
 * offsets again and goes on).
 *
 * <pre>{@code
 * KafkaStreamExport.Result result = KafkaStreamExport.builder()
 *         .from(ExportTarget.at("broker:9092").option("topic", "telltale.events").build())
 *         .group("telltale-fleet")
 *         .into(ExportSinks.named("postgres").openStream(database))
 *         .run();
 * }</pre>
 *
 * <p>Without {@link Builder#follow} a run ends when it has read all that was committed to the
 * partitions it was given; with it, when asked to stop. One thread; closes the sink.
 */
public final class KafkaStreamExport {

    private static final Duration POLL = Duration.ofMillis(200);

    /**
     * What a run did.
     *
     * @param written events written into the sink
     * @param moved how many times another consumer had moved the offsets of a partition (a rebalance)
     */
    public record Result(long written, long moved) {}

    private final Properties settings;
    private final String topic;
    private final String group;
    private final StreamSink sink;
    private final BooleanSupplier stop;
    private final LongConsumer progress;

    private KafkaStreamExport(Builder builder) throws IOException {
        this.topic = builder.from
                .option(KafkaSinkProvider.TOPIC)
                .orElseThrow(() -> new IllegalArgumentException("reading from Kafka needs a topic"));
        this.settings = KafkaSinkProvider.clientSettings(builder.from);
        this.group = Objects.requireNonNull(builder.group, "group");
        this.sink = Objects.requireNonNull(builder.sink, "sink");
        this.stop = builder.stop;
        this.progress = builder.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads until caught up (or, following, until stopped), then closes the sink.
     *
     * @throws IOException one line: no broker, no such topic, credentials refused, a record that is not
     *     a Telltale event (naming its partition and offset), the sink's failure; what was written
     *     before stays, with its offsets, and a rerun goes on from there
     */
    public Result run() throws IOException {
        try (StreamSink output = sink) {
            KafkaExportSink.requireCluster(settings, topic, () -> {}, false);
            output.open();
            Properties consumerSettings = new Properties();
            consumerSettings.putAll(settings);
            consumerSettings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            consumerSettings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumerSettings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerSettings.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
            consumerSettings.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 << 20));
            try (KafkaConsumer<byte[], byte[]> consumer =
                    new KafkaConsumer<>(consumerSettings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                return consume(consumer, output);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (KafkaException e) {
                if (e.getCause() instanceof UncheckedIOException unchecked) {
                    // From the rebalance listener, reading the offsets.
                    throw unchecked.getCause();
                }
                throw new IOException(
                        "reading '" + topic + "' at " + settings.get("bootstrap.servers") + " failed: "
                                + e.getMessage(),
                        e);
            }
        }
    }

    private Result consume(KafkaConsumer<byte[], byte[]> consumer, StreamSink output) throws IOException {
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                seekToCommitted(consumer, output, partitions);
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Nothing is pending: each poll's events were written with their offsets before the next poll.
            }
        });
        long written = 0;
        long moved = 0;
        while (true) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            if (records.isEmpty()) {
                if (stop != null ? stop.getAsBoolean() : caughtUp(consumer)) {
                    return new Result(written, moved);
                }
                continue;
            }
            List<Arrival> batch = new ArrayList<>(records.count());
            Map<Integer, Long> next = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                batch.add(arrival(record));
                next.merge(record.partition(), record.offset() + 1, Math::max);
            }
            try {
                output.write(topic, batch, next);
                written += batch.size();
                progress.accept(written);
            } catch (StreamSink.OffsetsMovedException e) {
                // Replaced meanwhile: go on from where the sink says, for the partitions this consumer has now.
                moved++;
                seekToCommitted(consumer, output, consumer.assignment());
            }
            if (stop != null && stop.getAsBoolean()) {
                return new Result(written, moved);
            }
        }
    }

    private void seekToCommitted(
            KafkaConsumer<byte[], byte[]> consumer, StreamSink output, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        List<Integer> numbers =
                partitions.stream().map(TopicPartition::partition).toList();
        Map<Integer, Long> committed;
        try {
            committed = output.offsets(topic, numbers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<TopicPartition> fromTheStart = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long offset = committed.get(partition.partition());
            if (offset == null) {
                fromTheStart.add(partition);
            } else {
                consumer.seek(partition, offset);
            }
        }
        if (!fromTheStart.isEmpty()) {
            consumer.seekToBeginning(fromTheStart);
        }
    }

    /** Whether this consumer has partitions and has read each to its last committed record. */
    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
        for (TopicPartition partition : assigned) {
            if (consumer.position(partition) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private Arrival arrival(ConsumerRecord<byte[], byte[]> record) throws IOException {
        String origin = header(record, KafkaExportSink.HEADER_ORIGIN);
        String position = header(record, KafkaExportSink.HEADER_POSITION);
        if (origin == null || position == null || record.value() == null) {
            throw notAnEvent(
                    record, "no " + (origin == null ? "origin" : position == null ? "position" : "value"), null);
        }
        try {
            DslEvent event = EventJson.decode(record.value(), 0, record.value().length);
            return new Arrival(UUID.fromString(origin), Long.parseLong(position), event);
        } catch (EventJsonException | IllegalArgumentException e) {
            throw notAnEvent(record, e.getMessage(), e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private IOException notAnEvent(ConsumerRecord<?, ?> record, String why, Exception cause) {
        return new IOException(
                "'" + topic + "' partition " + record.partition() + " offset " + record.offset()
                        + " is not a Telltale event (" + why + "); nothing of its batch was written",
                cause);
    }

    /** Sets up a run. */
    public static final class Builder {
        private ExportTarget from;
        private String group;
        private StreamSink sink;
        private BooleanSupplier stop;
        private LongConsumer progress = written -> {};

        private Builder() {}

        /** The cluster (the target's location: bootstrap servers) and its options {@code topic}, {@code properties}. */
        public Builder from(ExportTarget kafka) {
            this.from = Objects.requireNonNull(kafka, "kafka");
            return this;
        }

        /** The consumer group; the sink keeps the group's offsets under the sink's own consumer name. */
        public Builder group(String group) {
            this.group = Objects.requireNonNull(group, "group");
            return this;
        }

        /** Where the events go; closed when the run ends. */
        public Builder into(StreamSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Keeps reading as the topic grows until {@code stop} returns true (checked after each poll). */
        public Builder follow(BooleanSupplier stop) {
            this.stop = Objects.requireNonNull(stop, "stop");
            return this;
        }

        /** Told the events written so far after each batch. */
        public Builder progress(LongConsumer progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * Runs it.
         *
         * @throws IllegalArgumentException when the target has no topic
         */
        public Result run() throws IOException {
            Objects.requireNonNull(from, "from");
            return new KafkaStreamExport(this).run();
        }
    }
}

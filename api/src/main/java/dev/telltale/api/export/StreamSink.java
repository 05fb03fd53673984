package dev.telltale.api.export;

import dev.telltale.api.DslEvent;
import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Where the events of a shared stream are written, exactly once: a stream (a Kafka topic) that many
 * sources (hosts) ship into, read in partitions by a consumer (a Kafka consumer group). Each batch,
 * events of any origins, is committed in one transaction with the offsets the consumer goes on from,
 * so the sink's offsets always describe exactly what it holds; a consumer that is given a partition
 * asks the sink where to start ({@link #offsets}). A consumer that was replaced meanwhile (a
 * rebalance) cannot commit over its successor: its write fails with {@link OffsetsMovedException}.
 *
 * <p>Opened by {@link ExportSinkProvider#openStream}; the target's name is the consumer's name. One
 * thread.
 */
public interface StreamSink extends Closeable {

    /**
     * One event as it arrived from the stream: the source it was recorded in (its origin id) and its
     * position there, which key it in the sink as in an export.
     */
    record Arrival(UUID origin, long position, DslEvent event) {
        public Arrival {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(event, "event");
        }
    }

    /** A write found that another consumer moved the offsets of a partition it covers; nothing was written. */
    final class OffsetsMovedException extends IOException {
        private static final long serialVersionUID = 1L;

        public OffsetsMovedException(String message) {
            super(message);
        }
    }

    /** Connects and checks the target is ready (its tables); called once, first. */
    void open() throws IOException;

    /**
     * The offsets this sink committed for {@code partitions} of {@code stream}: the offset to read
     * next in each; a partition it never committed is absent. Later writes of these partitions are
     * checked against what this returned.
     */
    Map<Integer, Long> offsets(String stream, Collection<Integer> partitions) throws IOException;

    /**
     * Writes {@code batch} and commits with it the offsets to read next ({@code nextOffsets}, by
     * partition), in one transaction, durably.
     *
     * @throws OffsetsMovedException when a partition's committed offset is not the one this sink last
     *     read or wrote (another consumer took it over); nothing is written then
     */
    void write(String stream, List<Arrival> batch, Map<Integer, Long> nextOffsets) throws IOException;

    /** Where the sink writes, for messages. */
    String describe();

    /** As {@link ExportSink#isTransient}: whether {@code failure} is the target going away for a while. */
    default boolean isTransient(IOException failure) {
        return false;
    }
}

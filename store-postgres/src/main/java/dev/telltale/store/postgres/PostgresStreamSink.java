package dev.telltale.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.telltale.api.DslEvent;
import dev.telltale.api.export.StreamSink;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@link StreamSink} of PostgreSQL: each batch's rows ({@code events.log}, {@code sessions.log},
 * keyed by origin and position as an export's) and the consumer's next offsets
 * ({@code events.stream_offsets}) in one transaction. A partition's offset is only moved from the
 * value this sink last read or wrote: a consumer replaced by a rebalance fails its write
 * ({@link OffsetsMovedException}) instead of writing over its successor, and writes nothing.
 */
public final class PostgresStreamSink implements StreamSink {

    private static final String OFFSETS =
            "SELECT partition, next_offset FROM events.stream_offsets WHERE consumer = ? AND stream = ?";
    private static final String MOVE = "UPDATE events.stream_offsets SET next_offset = ?, updated_at = now()"
            + " WHERE consumer = ? AND stream = ? AND partition = ? AND next_offset = ?";
    private static final String FIRST = "INSERT INTO events.stream_offsets (consumer, stream, partition, next_offset)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
    /** PostgreSQL's unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;
    private final String consumer;
    private final BatchWriter writer = new BatchWriter();
    /** By stream and partition: the next offset as this sink last read or wrote it. */
    private final Map<String, Map<Integer, Long>> expected = new HashMap<>();

    private HikariDataSource pool;
    private Connection data;

    private PostgresStreamSink(Database database, String consumer) {
        this.database = Objects.requireNonNull(database, "database");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        if (consumer.isBlank()) {
            throw new IllegalArgumentException("the consumer's name is blank");
        }
    }

    /** A sink for the consumer {@code consumer} (a Kafka consumer group); connects in {@link #open()}. */
    public static PostgresStreamSink to(Database database, String consumer) {
        return new PostgresStreamSink(database, consumer);
    }

    @Override
    public void open() throws IOException {
        // Flyway takes two connections to read the version; the data one after.
        pool = database.poolSize(2).pool("telltale-stream");
        Schema.requireCurrent(pool);
        try {
            data = pool.getConnection();
        } catch (SQLException e) {
            throw DatabaseException.of("connecting to " + database.describe(), e);
        }
    }

    @Override
    public Map<Integer, Long> offsets(String stream, Collection<Integer> partitions) throws IOException {
        Map<Integer, Long> committed = new LinkedHashMap<>();
        Map<Integer, Long> expecting = expected.computeIfAbsent(stream, s -> new HashMap<>());
        try (PreparedStatement statement = data.prepareStatement(OFFSETS)) {
            statement.setString(1, consumer);
            statement.setString(2, stream);
            Map<Integer, Long> all = new HashMap<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    all.put(result.getInt(1), result.getLong(2));
                }
            }
            data.commit();
            for (Integer partition : partitions) {
                Long next = all.get(partition);
                if (next != null) {
                    committed.put(partition, next);
                }
                expecting.put(partition, next);
            }
            return committed;
        } catch (SQLException e) {
            Connections.rollbackQuietly(data);
            throw DatabaseException.of("reading the offsets of " + consumer + " in " + database.describe(), e);
        }
    }

    @Override
    public void write(String stream, List<Arrival> batch, Map<Integer, Long> nextOffsets) throws IOException {
        Map<Integer, Long> expecting = expected.computeIfAbsent(stream, s -> new HashMap<>());
        try {
            for (Map.Entry<Integer, Long> offset : nextOffsets.entrySet()) {
                moveOffset(stream, offset.getKey(), expecting.get(offset.getKey()), offset.getValue());
            }
            writeRows(batch);
            data.commit();
        } catch (SQLException e) {
            Connections.rollbackQuietly(data);
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IOException(database.describe() + " already holds some of these events (" + describe(batch)
                        + "): the topic holds them twice, or they were also exported directly; nothing of"
                        + " this batch was written");
            }
            throw DatabaseException.of("writing " + stream + " into " + database.describe(), e);
        } catch (IOException e) {
            Connections.rollbackQuietly(data);
            throw e;
        }
        expecting.putAll(nextOffsets);
    }

    private void moveOffset(String stream, int partition, Long from, long to) throws SQLException, IOException {
        try (PreparedStatement statement = data.prepareStatement(from == null ? FIRST : MOVE)) {
            statement.setString(from == null ? 1 : 2, consumer);
            statement.setString(from == null ? 2 : 3, stream);
            statement.setInt(from == null ? 3 : 4, partition);
            if (from == null) {
                statement.setLong(4, to);
            } else {
                statement.setLong(1, to);
                statement.setLong(5, from);
            }
            if (statement.executeUpdate() != 1) {
                throw new OffsetsMovedException("partition " + partition + " of " + stream + " was moved on by"
                        + " another consumer of " + consumer + " (expected it at "
                        + (from == null ? "no offset" : "offset " + from) + "); nothing of this batch was written");
            }
        }
    }

    /** The batch's rows, an origin at a time (each origin's positions are its own). */
    private void writeRows(List<Arrival> batch) throws SQLException, IOException {
        Map<UUID, List<Arrival>> byOrigin = new LinkedHashMap<>();
        for (Arrival arrival : batch) {
            byOrigin.computeIfAbsent(arrival.origin(), o -> new ArrayList<>()).add(arrival);
        }
        for (Map.Entry<UUID, List<Arrival>> origin : byOrigin.entrySet()) {
            List<Arrival> arrivals = origin.getValue();
            List<DslEvent> events = new ArrayList<>(arrivals.size());
            long[] positions = new long[arrivals.size()];
            for (int i = 0; i < arrivals.size(); i++) {
                events.add(arrivals.get(i).event());
                positions[i] = arrivals.get(i).position();
            }
            writer.write(data, origin.getKey(), events, positions);
        }
    }

    private static String describe(List<Arrival> batch) {
        return batch.isEmpty()
                ? "none"
                : "origin " + batch.get(0).origin() + " from position "
                        + batch.get(0).position();
    }

    /** A lost or refused connection ({@link DatabaseException#isConnectionFailure()}). */
    @Override
    public boolean isTransient(IOException failure) {
        return failure instanceof DatabaseException database && database.isConnectionFailure();
    }

    @Override
    public String describe() {
        return database.describe();
    }

    @Override
    public void close() {
        Connections.closeQuietly(data);
        if (pool != null) {
            pool.close();
        }
    }
}

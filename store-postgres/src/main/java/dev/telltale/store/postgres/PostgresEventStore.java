package dev.telltale.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.telltale.api.DslEvent;
import dev.telltale.api.store.EventStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The {@code postgres} store: the drain writes each batch straight into {@code events.log} and
 * {@code sessions.log}, one transaction per batch (a {@code COPY} per table), through a HikariCP pool.
 *
 * <p>Each store instance is an origin of its own (a random id) and numbers its events from 0, so its
 * rows never collide with an export's. A batch that fails (the database down, the connection lost)
 * is rolled back and thrown: the drain counts it lost and reconnects with its backoff; {@code emit}
 * never waits for the database. One in-doubt case: the connection lost after {@code COMMIT} was sent
 * and before its answer came; the batch is then counted lost though the database may hold it. For
 * exactly-once, record to Chronicle Queue and export ({@code telltale export postgres}).
 */
public final class PostgresEventStore implements EventStore {

    private final Database database;
    private final HikariDataSource pool;
    private final UUID origin = UUID.randomUUID();
    private final BatchWriter writer = new BatchWriter();
    private long[] positions = new long[1024];
    private long nextPosition;

    private PostgresEventStore(Database database, HikariDataSource pool) {
        this.database = database;
        this.pool = pool;
    }

    /**
     * Opens a store: connects once to check the schema ({@code migrate}: brings it to the current
     * version first).
     *
     * @throws IOException naming the database and what is wrong
     */
    public static PostgresEventStore open(Database database, boolean migrate) throws IOException {
        HikariDataSource pool = database.pool("telltale-store");
        try {
            if (migrate) {
                Schema.migrate(pool);
            } else {
                Schema.requireCurrent(pool);
            }
            return new PostgresEventStore(database, pool);
        } catch (IOException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** This store's origin id in {@code events.log.origin}. */
    public UUID origin() {
        return origin;
    }

    @Override
    public void append(List<DslEvent> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        if (positions.length < batch.size()) {
            positions = new long[Math.max(batch.size(), positions.length * 2)];
        }
        for (int i = 0; i < batch.size(); i++) {
            positions[i] = nextPosition + i;
        }
        try (Connection connection = pool.getConnection()) {
            try {
                writer.write(connection, origin, batch, positions);
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException gone) {
                    e.addSuppressed(gone);
                }
                throw e;
            }
        } catch (SQLException e) {
            DatabaseException failure =
                    DatabaseException.of("writing " + batch.size() + " events to " + database.describe(), e);
            if (failure.isConnectionFailure()) {
                // The pool's other connections went with the server: take fresh ones next time.
                pool.getHikariPoolMXBean().softEvictConnections();
            }
            throw failure;
        }
        nextPosition += batch.size();
    }

    /** Each batch is committed when appended: nothing to flush. */
    @Override
    public void flush() {}

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String describe() {
        return "postgres " + database.describe();
    }
}

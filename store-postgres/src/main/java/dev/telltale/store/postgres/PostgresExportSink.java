package dev.telltale.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.telltale.api.DslEvent;
import dev.telltale.api.export.ExportCheckpoint;
import dev.telltale.api.export.ExportSink;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The exactly-once export's PostgreSQL sink: each batch's rows ({@code events.log},
 * {@code sessions.log}) and the export's checkpoint ({@code events.export_checkpoint}) are committed
 * in one transaction, so the checkpoint always describes exactly the rows the database holds, whenever
 * the export is killed or the server goes away.
 *
 * <p>An export is named by its source's origin id (a queue's stable id) and its resume name. One
 * export of a name runs at a time: {@link #resume()} takes a PostgreSQL advisory lock, held by a
 * connection of its own, which the server releases when that connection ends, {@code kill -9}
 * included. Several hosts may export their own queues (other origins) into one database at once.
 */
public final class PostgresExportSink implements ExportSink {

    private static final String CHECKPOINT =
            "SELECT last_position, exported FROM events.export_checkpoint" + " WHERE origin = ? AND name = ?";
    private static final String SAVE_CHECKPOINT = "INSERT INTO events.export_checkpoint"
            + " (origin, name, last_position, exported, source, updated_at) VALUES (?, ?, ?, ?, ?, now())"
            + " ON CONFLICT (origin, name) DO UPDATE SET last_position = EXCLUDED.last_position,"
            + " exported = EXCLUDED.exported, source = EXCLUDED.source, updated_at = now()";
    private static final String ROWS_AFTER =
            "SELECT EXISTS (SELECT 1 FROM events.log WHERE origin = ? AND position > ?)"
                    + " OR EXISTS (SELECT 1 FROM sessions.log WHERE origin = ? AND position > ?)";

    private final Database database;
    private final UUID origin;
    private final String name;
    private final String source;
    private final BatchWriter writer = new BatchWriter();
    private HikariDataSource pool;
    private Connection lock;
    private Connection data;
    private volatile boolean connected;

    private PostgresExportSink(Database database, UUID origin, String name, String source) {
        this.database = Objects.requireNonNull(database, "database");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the export's name is blank");
        }
    }

    /**
     * A sink for the export {@code name} of the source with id {@code origin}; connects in
     * {@link #resume()}.
     *
     * @param source the source as messages and the checkpoint row name it, such as its directory
     */
    public static PostgresExportSink to(Database database, UUID origin, String name, String source) {
        return new PostgresExportSink(database, origin, name, source);
    }

    @Override
    public ExportCheckpoint resume() throws IOException {
        // Flyway takes two connections to read the version; the lock and the data one each.
        pool = database.poolSize(3).pool("telltale-export");
        Schema.requireCurrent(pool);
        try {
            lock = pool.getConnection();
            connected = true;
            lock.setAutoCommit(true);
            takeLock();
            data = pool.getConnection();
            ExportCheckpoint checkpoint = readCheckpoint();
            requireNothingAfter(checkpoint);
            data.commit();
            return checkpoint;
        } catch (SQLException e) {
            throw DatabaseException.of("resuming export '" + name + "' in " + database.describe(), e);
        }
    }

    private void takeLock() throws SQLException, IOException {
        try (PreparedStatement statement =
                lock.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
            statement.setString(1, "telltale export " + origin + " " + name);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (!result.getBoolean(1)) {
                    throw new IOException("export '" + name + "' of " + source + " is running already (another"
                            + " process holds its lock in " + database.describe()
                            + "); try again when it has finished");
                }
            }
        }
    }

    private ExportCheckpoint readCheckpoint() throws SQLException {
        try (PreparedStatement statement = data.prepareStatement(CHECKPOINT)) {
            statement.setObject(1, origin);
            statement.setString(2, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next()
                        ? new ExportCheckpoint(result.getLong(1), result.getLong(2))
                        : ExportCheckpoint.START;
            }
        }
    }

    /** Rows of this origin past the checkpoint: another export (name) wrote them; adding ours would double them. */
    private void requireNothingAfter(ExportCheckpoint checkpoint) throws SQLException, IOException {
        try (PreparedStatement statement = data.prepareStatement(ROWS_AFTER)) {
            statement.setObject(1, origin);
            statement.setLong(2, checkpoint.lastPosition());
            statement.setObject(3, origin);
            statement.setLong(4, checkpoint.lastPosition());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (result.getBoolean(1)) {
                    String where = checkpoint.hasPosition()
                            ? "after the checkpoint of export '" + name + "'"
                            : "although export '" + name + "' never ran";
                    throw new IOException(
                            database.describe() + " already holds events of " + source + " (origin " + origin + ") "
                                    + where + ": another export name wrote them; resume that one (--resume) instead");
                }
            }
        }
    }

    @Override
    public void write(List<DslEvent> batch, ExportCheckpoint checkpoint) throws IOException {
        throw new UnsupportedOperationException("the PostgreSQL sink needs each event's position");
    }

    @Override
    public void write(List<DslEvent> batch, long[] positions, ExportCheckpoint checkpoint) throws IOException {
        try {
            writer.write(data, origin, batch, positions);
            try (PreparedStatement statement = data.prepareStatement(SAVE_CHECKPOINT)) {
                statement.setObject(1, origin);
                statement.setString(2, name);
                statement.setLong(3, checkpoint.lastPosition());
                statement.setLong(4, checkpoint.exported());
                statement.setString(5, source);
                statement.executeUpdate();
            }
            data.commit();
        } catch (SQLException e) {
            Connections.rollbackQuietly(data);
            throw DatabaseException.of("exporting to " + database.describe(), e);
        }
    }

    /** A lost or refused connection ({@link DatabaseException#isConnectionFailure()}). */
    @Override
    public boolean isTransient(IOException failure) {
        return failure instanceof DatabaseException database && database.isConnectionFailure();
    }

    /**
     * Whether this sink reached the database at least once: a connection failure after that is the
     * database going away (worth waiting for), before it a wrong address (worth reporting at once).
     */
    @Override
    public boolean reached() {
        return connected;
    }

    @Override
    public String describe() {
        return database.describe();
    }

    /** Ends the connections (the lock's with them) and the pool. */
    @Override
    public void close() {
        Connections.closeQuietly(data);
        Connections.closeQuietly(lock);
        if (pool != null) {
            pool.close();
        }
    }
}

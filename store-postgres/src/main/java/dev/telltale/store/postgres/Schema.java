package dev.telltale.store.postgres;

import java.io.IOException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Telltale's tables, as versioned SQL applied by Flyway: schemas {@code events} and {@code sessions},
 * {@code events.log}, {@code sessions.log}, {@code events.export_checkpoint},
 * {@code events.stream_offsets}, and Flyway's history in
 * {@code events.telltale_schema_history}. Each version is applied in one transaction.
 */
public final class Schema {

    /** The newest schema version this Telltale knows: {@value}. */
    public static final String VERSION = "2";

    static final String HISTORY_TABLE = "telltale_schema_history";

    private Schema() {}

    /**
     * What a migration did.
     *
     * @param from the version before, or {@code null} for a database without Telltale's tables
     * @param to the version after
     * @param applied how many versions were applied (0: it was already current)
     */
    public record Result(String from, String to, int applied) {}

    /**
     * Brings the database to {@link #VERSION}; does nothing when it is there already.
     *
     * @throws IOException naming the version when the database is at a newer version than this
     *     Telltale knows (nothing is changed then), or saying why a migration failed (its
     *     transaction is rolled back: no half migration)
     */
    public static Result migrate(DataSource dataSource) throws IOException {
        Flyway flyway = flyway(dataSource);
        try {
            requireNotNewer(flyway);
            MigrateResult result = flyway.migrate();
            return new Result(
                    result.initialSchemaVersion,
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            throw DatabaseException.of("migrating " + describe(dataSource) + " failed", e);
        }
    }

    /**
     * Fails unless the database is at exactly {@link #VERSION}, saying what to do.
     *
     * @throws IOException when it is older ({@code telltale migrate}) or newer (upgrade Telltale)
     */
    public static void requireCurrent(DataSource dataSource) throws IOException {
        Flyway flyway = flyway(dataSource);
        try {
            requireNotNewer(flyway);
            MigrationInfo current = flyway.info().current();
            if (current == null || !VERSION.equals(current.getVersion().getVersion())) {
                throw new IOException(describe(dataSource) + " has "
                        + (current == null ? "no Telltale tables" : "Telltale schema version " + current.getVersion())
                        + "; this Telltale writes version " + VERSION + ": run `telltale migrate` first");
            }
        } catch (FlywayException e) {
            throw DatabaseException.of("cannot read the schema version of " + describe(dataSource), e);
        }
    }

    private static void requireNotNewer(Flyway flyway) throws IOException {
        MigrationInfo[] future = Arrays.stream(flyway.info().applied())
                .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS
                        || info.getState() == MigrationState.FUTURE_FAILED)
                .toArray(MigrationInfo[]::new);
        if (future.length > 0) {
            throw new IOException("the database is at Telltale schema version "
                    + future[future.length - 1].getVersion() + ", newer than this Telltale knows (" + VERSION
                    + "): upgrade Telltale; nothing was changed");
        }
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(Schema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:dev/telltale/store/postgres/migration")
                .schemas("events", "sessions")
                .table(HISTORY_TABLE)
                .validateMigrationNaming(true)
                .load();
    }

    private static String describe(DataSource dataSource) {
        return dataSource instanceof com.zaxxer.hikari.HikariDataSource pool
                ? Errors.withoutQuery(pool.getJdbcUrl())
                : "the database";
    }
}

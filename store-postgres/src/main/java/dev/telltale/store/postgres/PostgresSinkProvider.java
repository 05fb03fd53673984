package dev.telltale.store.postgres;

import com.google.auto.service.AutoService;
import com.zaxxer.hikari.HikariDataSource;
import dev.telltale.api.export.ExportSink;
import dev.telltale.api.export.ExportSinkProvider;
import dev.telltale.api.export.ExportTarget;
import dev.telltale.api.export.StreamSink;
import java.io.IOException;

/**
 * Opens {@link PostgresExportSink}s: the export sink named {@value PostgresStoreProvider#NAME}. The
 * target's location is the JDBC URL; it needs the source's origin id and the export's name; the user
 * and the password's environment variable or file are the target's. {@link #prepare} migrates the
 * schema ({@link Schema}). Stateless; any thread.
 */
@AutoService(ExportSinkProvider.class)
public final class PostgresSinkProvider implements ExportSinkProvider {

    @Override
    public String name() {
        return PostgresStoreProvider.NAME;
    }

    @Override
    public String writes() {
        return "a PostgreSQL database (jdbc:postgresql://HOST:PORT/DB)";
    }

    /**
     * @throws IllegalArgumentException when the location is not a PostgreSQL JDBC URL, or the target
     *     has no origin or name
     */
    @Override
    public ExportSink open(ExportTarget target) {
        Database database = databaseOf(target);
        return PostgresExportSink.to(
                database,
                target.origin()
                        .orElseThrow(() ->
                                new IllegalArgumentException("an export to PostgreSQL needs the source's origin")),
                target.name().orElseThrow(() -> new IllegalArgumentException("an export to PostgreSQL needs a name")),
                target.source().orElse(""));
    }

    /**
     * A {@link PostgresStreamSink} for the consumer the target names (a Kafka consumer group).
     *
     * @throws IllegalArgumentException when the location is not a PostgreSQL JDBC URL, or the target
     *     has no name
     */
    @Override
    public StreamSink openStream(ExportTarget target) {
        return PostgresStreamSink.to(
                databaseOf(target),
                target.name()
                        .orElseThrow(
                                () -> new IllegalArgumentException("a stream into PostgreSQL needs a consumer name")));
    }

    /** Creates Telltale's tables, or brings them to this version; says from which version to which. */
    @Override
    public String prepare(ExportTarget target) throws IOException {
        Database database = databaseOf(target);
        try (HikariDataSource pool = database.pool("telltale-migrate")) {
            Schema.Result result = Schema.migrate(pool);
            return result.applied() == 0
                    ? database.describe() + " is at schema version " + result.to() + ": nothing to do"
                    : "migrated " + database.describe() + " from "
                            + (result.from() == null ? "nothing" : "version " + result.from()) + " to version "
                            + result.to();
        }
    }

    private static Database databaseOf(ExportTarget target) {
        Database database = Database.at(target.location());
        if (target.user().isPresent()) {
            database = database.user(target.user().get());
        }
        if (target.passwordEnv().isPresent()) {
            database = database.passwordFromEnv(target.passwordEnv().get());
        }
        if (target.passwordFile().isPresent()) {
            database = database.passwordFromFile(target.passwordFile().get());
        }
        return database;
    }
}

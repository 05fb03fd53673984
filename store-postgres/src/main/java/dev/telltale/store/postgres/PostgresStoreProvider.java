package dev.telltale.store.postgres;

import com.google.auto.service.AutoService;
import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.EventStoreProvider;
import dev.telltale.api.store.StoreConfig;
import java.io.IOException;
import java.util.Set;

/**
 * The {@code postgres} store. Settings ({@code telltale.store.*} properties, {@code TELLTALE_STORE_*}
 * variables): {@code jdbc-url} (required), {@code user}, {@code password-env} (the name of an
 * environment variable holding the password) or {@code password-file}, {@code pool-size} (default
 * {@value Database#DEFAULT_POOL_SIZE}), {@code migrate} (default false: bring the schema to the
 * current version on open).
 */
@AutoService(EventStoreProvider.class)
public final class PostgresStoreProvider implements EventStoreProvider {

    public static final String NAME = "postgres";
    public static final String JDBC_URL = "jdbc-url";
    public static final String USER = "user";
    public static final String PASSWORD_ENV = "password-env";
    public static final String PASSWORD_FILE = "password-file";
    public static final String POOL_SIZE = "pool-size";
    public static final String MIGRATE = "migrate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> identifyingSettings() {
        return Set.of(JDBC_URL);
    }

    @Override
    public void validate(StoreConfig config) {
        config.requireOnly(JDBC_URL, USER, PASSWORD_ENV, PASSWORD_FILE, POOL_SIZE, MIGRATE);
        Database.of(config);
        config.booleanOption(MIGRATE, false);
    }

    @Override
    public EventStore open(StoreConfig config) throws IOException {
        validate(config);
        return PostgresEventStore.open(Database.of(config), config.booleanOption(MIGRATE, false));
    }
}

package dev.telltale.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.telltale.api.store.StoreConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where a PostgreSQL database is and how to log in: a JDBC URL, a user, and where the password is
 * (an environment variable or a file, never the password itself, so it never appears on a command
 * line, in a setting, a log line, {@link #toString()} or an error). Immutable.
 */
public final class Database {

    /** Connections the postgres store's pool keeps unless told otherwise: {@value}. */
    public static final int DEFAULT_POOL_SIZE = 2;

    /** How long to wait for a connection before giving up, in seconds: {@value}. */
    public static final int CONNECT_TIMEOUT_SECONDS = 5;

    private final String jdbcUrl;
    private final String user;
    private final String passwordEnv;
    private final Path passwordFile;
    private final int poolSize;
    private final UnaryOperator<String> environment;

    private Database(
            String jdbcUrl,
            String user,
            String passwordEnv,
            Path passwordFile,
            int poolSize,
            UnaryOperator<String> environment) {
        this.jdbcUrl = requireJdbcUrl(jdbcUrl);
        this.user = user;
        this.passwordEnv = passwordEnv;
        this.passwordFile = passwordFile;
        this.poolSize = poolSize;
        this.environment = environment;
        if (passwordEnv != null && passwordFile != null) {
            throw new IllegalArgumentException("give the password by environment variable or by file, not both");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be positive, got " + poolSize);
        }
    }

    /**
     * A database reached at {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db}), with the
     * URL's own credentials, if any, until told otherwise.
     *
     * @throws IllegalArgumentException naming the URL when it is not a PostgreSQL JDBC URL
     */
    public static Database at(String jdbcUrl) {
        return new Database(jdbcUrl, null, null, null, DEFAULT_POOL_SIZE, System::getenv);
    }

    /**
     * The database a store configuration names: {@code jdbc-url}, {@code user},
     * {@code password-env} or {@code password-file}, {@code pool-size}.
     *
     * @throws IllegalArgumentException naming the setting that is missing or wrong
     */
    public static Database of(StoreConfig config) {
        Database database = at(config.require(PostgresStoreProvider.JDBC_URL))
                .poolSize(config.positiveIntOption(PostgresStoreProvider.POOL_SIZE, DEFAULT_POOL_SIZE));
        Optional<String> user = config.option(PostgresStoreProvider.USER);
        if (user.isPresent()) {
            database = database.user(user.get());
        }
        Optional<String> env = config.option(PostgresStoreProvider.PASSWORD_ENV);
        Optional<String> file = config.option(PostgresStoreProvider.PASSWORD_FILE);
        if (env.isPresent() && file.isPresent()) {
            throw new IllegalArgumentException("set " + PostgresStoreProvider.PASSWORD_ENV + " or "
                    + PostgresStoreProvider.PASSWORD_FILE + ", not both");
        }
        if (env.isPresent()) {
            database = database.passwordFromEnv(env.get());
        }
        if (file.isPresent()) {
            database = database.passwordFromFile(Path.of(file.get()));
        }
        return database;
    }

    public Database user(String user) {
        return new Database(
                jdbcUrl, Objects.requireNonNull(user, "user"), passwordEnv, passwordFile, poolSize, environment);
    }

    /** The password is the value of this environment variable, read when connecting. */
    public Database passwordFromEnv(String variable) {
        if (variable == null || variable.isBlank()) {
            throw new IllegalArgumentException("the password's environment variable name is blank");
        }
        return new Database(jdbcUrl, user, variable, null, poolSize, environment);
    }

    /** The password is this file's first line, read when connecting. */
    public Database passwordFromFile(Path file) {
        return new Database(jdbcUrl, user, null, Objects.requireNonNull(file, "file"), poolSize, environment);
    }

    public Database poolSize(int poolSize) {
        return new Database(jdbcUrl, user, passwordEnv, passwordFile, poolSize, environment);
    }

    /** Reads environment variables from {@code environment} instead of the process's; for tests. */
    Database environment(UnaryOperator<String> environment) {
        return new Database(jdbcUrl, user, passwordEnv, passwordFile, poolSize, environment);
    }

    /** The JDBC URL without its query string (which may hold credentials), for messages. */
    public String describe() {
        return Errors.withoutQuery(jdbcUrl);
    }

    /**
     * A connection pool to the database, connecting lazily: nothing is opened here.
     *
     * @throws IOException if the password's variable is unset or its file unreadable, naming which
     */
    public HikariDataSource pool(String name) throws IOException {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        String password = password();
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS * 1000L);
        // Fail at the first getConnection, not while building the pool.
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(false);
        config.addDataSourceProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
        config.addDataSourceProperty("loginTimeout", CONNECT_TIMEOUT_SECONDS);
        config.addDataSourceProperty("ApplicationName", "telltale");
        config.addDataSourceProperty("reWriteBatchedInserts", true);
        return new HikariDataSource(config);
    }

    private String password() throws IOException {
        if (passwordEnv != null) {
            String value = environment.apply(passwordEnv);
            if (value == null) {
                throw new IOException("the password's environment variable " + passwordEnv + " is not set");
            }
            return value;
        }
        if (passwordFile != null) {
            try {
                String content = Files.readString(passwordFile, StandardCharsets.UTF_8);
                int end = content.indexOf('\n');
                String line = end < 0 ? content : content.substring(0, end);
                return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            } catch (IOException e) {
                throw new IOException(
                        "cannot read the password file " + passwordFile + ": "
                                + e.getClass().getSimpleName(),
                        e);
            }
        }
        return null;
    }

    private static String requireJdbcUrl(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            String shown = jdbcUrl == null ? "none" : "'" + Errors.withoutQuery(jdbcUrl) + "'";
            throw new IllegalArgumentException(
                    "not a PostgreSQL JDBC URL: " + shown + " (expected jdbc:postgresql://HOST[:PORT]/DATABASE)");
        }
        return jdbcUrl;
    }

    /** Names the database and the user, never the password. */
    @Override
    public String toString() {
        return "Database{" + describe() + (user == null ? "" : ", user=" + user)
                + (passwordEnv == null ? "" : ", password from $" + passwordEnv)
                + (passwordFile == null ? "" : ", password from " + passwordFile) + "}";
    }
}

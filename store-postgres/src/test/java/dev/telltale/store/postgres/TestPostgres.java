package dev.telltale.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL (zonky's embedded binaries) for tests: one server per JVM, shared, started on
 * first use, with password authentication for the role {@value #USER}; each test takes a fresh
 * database of its own. {@link #startPrivate(Path)} starts one a test may stop and start again.
 */
public final class TestPostgres implements AutoCloseable {

    public static final String USER = "telltale";
    public static final String PASSWORD = "s3cret-'\"pw";

    private static TestPostgres shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path dataDir;
    private int port;
    private EmbeddedPostgres server;

    private TestPostgres(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The JVM's shared server. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            try {
                shared = startPrivate(Files.createTempDirectory("telltale-pg"));
            } catch (IOException e) {
                throw new UncheckedIOException("starting the embedded PostgreSQL failed", e);
            }
        }
        return shared;
    }

    /** A server of its own, with its data in {@code dataDir}. */
    public static TestPostgres startPrivate(Path dataDir) throws IOException {
        TestPostgres postgres = new TestPostgres(dataDir);
        postgres.start(true);
        try (Connection connection = postgres.superuser("postgres").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD.replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IOException("creating the test role failed", e);
        }
        return postgres;
    }

    private void start(boolean fresh) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD);
        if (port != 0) {
            builder.setPort(port);
        }
        if (fresh) {
            builder.setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
        }
        server = builder.start();
        port = server.getPort();
    }

    /** The superuser connects without a password; every other role needs its password. */
    private static void writeHba(Path dir) {
        try {
            Files.writeString(
                    dir.resolve("pg_hba.conf"),
                    String.join(
                            "\n",
                            "local all all trust",
                            "host all postgres 127.0.0.1/32 trust",
                            "host all postgres ::1/128 trust",
                            "host all all 127.0.0.1/32 scram-sha-256",
                            "host all all ::1/128 scram-sha-256",
                            ""),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A fresh, empty database owned by {@value #USER}; returns its name. */
    public String newDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = superuser("postgres").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("creating database " + name + " failed", e);
        }
        return name;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** {@value #USER} on {@code database}, the password read from an environment we control. */
    public Database database(String database) {
        return Database.at(jdbcUrl(database))
                .user(USER)
                .passwordFromEnv("TELLTALE_TEST_PW")
                .environment(name -> name.equals("TELLTALE_TEST_PW") ? PASSWORD : null);
    }

    /** A file in {@code dir} holding {@value #PASSWORD}, for {@code --password-file}. */
    public static Path passwordFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("password"), PASSWORD + "\n", StandardCharsets.UTF_8);
    }

    /** The superuser on {@code database}, for checks. */
    public DataSource superuser(String database) {
        return server.getDatabase("postgres", database);
    }

    /** The rows of a query, each as its columns' values, read as the superuser. */
    public List<List<Object>> query(String database, String sql) {
        try (Connection connection = superuser(database).getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    /** The one number a query returns. */
    public long count(String database, String sql) {
        return ((Number) query(database, sql).get(0).get(0)).longValue();
    }

    public void execute(String database, String sql) {
        try (Connection connection = superuser(database).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    /** Stops the server (its data stays). */
    public void stop() throws IOException {
        server.close();
    }

    /** Starts it again on the same port with the same data. */
    public void restart() throws IOException {
        start(false);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

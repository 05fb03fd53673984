package dev.telltale.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventRef;
import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresEventStoreTest {

    private static final long T0 = 1_764_000_000_000_000_000L;
    private final UUID session = UUID.randomUUID();

    @TempDir
    Path dir;

    @Test
    void theProviderMigratesOnStartAndEachBatchIsOneTransaction() throws IOException {
        TestPostgres postgres = TestPostgres.shared();
        String db = postgres.newDatabase();
        StoreConfig config = StoreConfig.of(
                "postgres",
                Map.of(
                        "jdbc-url",
                        postgres.jdbcUrl(db),
                        "user",
                        TestPostgres.USER,
                        "password-file",
                        TestPostgres.passwordFile(dir).toString(),
                        "migrate",
                        "true"));
        assertThat(config.toString()).doesNotContain(TestPostgres.PASSWORD);
        DslEvent command = DslEvent.succeeded(T0, session, "cbu.create", 10);
        try (EventStore store = new PostgresStoreProvider().open(config)) {
            store.append(List.of(command, DslEvent.succeeded(T0 + 5, session, "cbu.get", 3)));
            store.append(List.of(DslEvent.sessionEntry(
                    T0 + 9,
                    session,
                    new SessionEntry(EntryType.DSL_COMMAND, 1, "REPL", "cbu.create", EventRef.to(command)))));
            store.flush();
            assertThat(store.describe()).isEqualTo("postgres " + postgres.jdbcUrl(db));
        }
        assertThat(postgres.query(db, "SELECT verb, position FROM events.log ORDER BY position"))
                .containsExactly(List.of("cbu.create", 0L), List.of("cbu.get", 1L));
        assertThat(postgres.query(db, "SELECT e.verb FROM sessions.log s JOIN events.log e ON e.id = s.event_id"))
                .containsExactly(List.of("cbu.create"));
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingThem() {
        PostgresStoreProvider provider = new PostgresStoreProvider();
        assertThatThrownBy(() -> provider.validate(StoreConfig.of("postgres", Map.of())))
                .hasMessageContaining("jdbc-url");
        assertThatThrownBy(() -> provider.validate(StoreConfig.of("postgres", Map.of("jdbc-url", "mysql://x"))))
                .hasMessageContaining("not a PostgreSQL JDBC URL: 'mysql://x'");
        assertThatThrownBy(() -> provider.validate(StoreConfig.of(
                        "postgres",
                        Map.of("jdbc-url", "jdbc:postgresql://x/y", "password-env", "A", "password-file", "B"))))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> provider.validate(
                        StoreConfig.of("postgres", Map.of("jdbc-url", "jdbc:postgresql://x/y", "pasword", "typo"))))
                .hasMessageContaining("pasword");
    }

    @Test
    void aDatabaseThatGoesAwayFailsBatchesAsConnectionFailuresAndTheStoreWorksWhenItIsBack() throws IOException {
        try (TestPostgres postgres = TestPostgres.startPrivate(dir.resolve("pg"))) {
            String db = postgres.newDatabase();
            try (PostgresEventStore store = PostgresEventStore.open(postgres.database(db), true)) {
                store.append(List.of(DslEvent.succeeded(T0, session, "a", 1)));
                postgres.stop();
                assertThatThrownBy(() -> store.append(List.of(DslEvent.succeeded(T0 + 1, session, "b", 1))))
                        .isInstanceOfSatisfying(
                                DatabaseException.class,
                                e -> assertThat(e.isConnectionFailure()).isTrue())
                        .hasMessageStartingWith("writing 1 events to " + postgres.jdbcUrl(db) + ": ");
                postgres.restart();
                store.append(List.of(DslEvent.succeeded(T0 + 2, session, "c", 1)));
            }
            assertThat(postgres.query(db, "SELECT verb FROM events.log ORDER BY id"))
                    .containsExactly(List.of("a"), List.of("c"));
        }
    }
}

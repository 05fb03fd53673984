package dev.telltale.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SchemaTest {

    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void migratesAnEmptyDatabaseAndARerunChangesNothing() throws IOException {
        String db = postgres.newDatabase();
        try (HikariDataSource pool = postgres.database(db).pool("test")) {
            assertThatThrownBy(() -> Schema.requireCurrent(pool))
                    .hasMessageContaining("no Telltale tables")
                    .hasMessageContaining("telltale migrate");

            assertThat(Schema.migrate(pool)).isEqualTo(new Schema.Result(null, Schema.VERSION, 2));
            Schema.requireCurrent(pool);
            assertThat(postgres.count(db, "SELECT count(*) FROM events.log")).isZero();
            assertThat(postgres.count(db, "SELECT count(*) FROM sessions.log")).isZero();

            assertThat(Schema.migrate(pool)).isEqualTo(new Schema.Result(Schema.VERSION, Schema.VERSION, 0));
        }
    }

    @Test
    void bringsADatabaseOfVersionOneToTheCurrentOne_keepingItsRows() throws IOException {
        String db = postgres.newDatabase();
        try (HikariDataSource pool = postgres.database(db).pool("test")) {
            org.flywaydb.core.Flyway.configure(Schema.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:dev/telltale/store/postgres/migration")
                    .schemas("events", "sessions")
                    .table(Schema.HISTORY_TABLE)
                    .target("1")
                    .load()
                    .migrate();
            postgres.execute(
                    db,
                    "INSERT INTO events.export_checkpoint (origin, name, last_position, exported, source)"
                            + " VALUES ('00000000-0000-0000-0000-000000000001', 'nightly', 41, 42, 'q')");
            assertThatThrownBy(() -> Schema.requireCurrent(pool))
                    .hasMessageContaining("Telltale schema version 1")
                    .hasMessageContaining("run `telltale migrate` first");

            assertThat(Schema.migrate(pool)).isEqualTo(new Schema.Result("1", Schema.VERSION, 1));

            Schema.requireCurrent(pool);
            assertThat(postgres.count(db, "SELECT count(*) FROM events.export_checkpoint"))
                    .isEqualTo(1);
            assertThat(postgres.count(db, "SELECT count(*) FROM events.stream_offsets"))
                    .isZero();
        }
    }

    @Test
    void refusesADatabaseAtANewerVersionAndChangesNothing() throws IOException {
        String db = postgres.newDatabase();
        try (HikariDataSource pool = postgres.database(db).pool("test")) {
            Schema.migrate(pool);
            // What a later Telltale would leave: version 3 applied.
            postgres.execute(
                    db,
                    "INSERT INTO events.telltale_schema_history (installed_rank, version, description,"
                            + " type, script, checksum, installed_by, execution_time, success)"
                            + " VALUES (3, '3', 'later', 'SQL', 'V3__later.sql', 1, 'telltale', 1, true)");
            long before = postgres.count(db, "SELECT count(*) FROM events.telltale_schema_history");

            assertThatThrownBy(() -> Schema.migrate(pool))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("schema version 3, newer than this Telltale knows (2)")
                    .hasMessageContaining("nothing was changed");
            assertThatThrownBy(() -> Schema.requireCurrent(pool)).hasMessageContaining("newer than this Telltale");
            assertThat(postgres.count(db, "SELECT count(*) FROM events.telltale_schema_history"))
                    .isEqualTo(before);
        }
    }
}

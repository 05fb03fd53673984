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

            assertThat(Schema.migrate(pool)).isEqualTo(new Schema.Result(null, Schema.VERSION, 1));
            Schema.requireCurrent(pool);
            assertThat(postgres.count(db, "SELECT count(*) FROM events.log")).isZero();
            assertThat(postgres.count(db, "SELECT count(*) FROM sessions.log")).isZero();

            assertThat(Schema.migrate(pool)).isEqualTo(new Schema.Result(Schema.VERSION, Schema.VERSION, 0));
        }
    }

    @Test
    void refusesADatabaseAtANewerVersionAndChangesNothing() throws IOException {
        String db = postgres.newDatabase();
        try (HikariDataSource pool = postgres.database(db).pool("test")) {
            Schema.migrate(pool);
            // What a later Telltale would leave: version 2 applied.
            postgres.execute(
                    db,
                    "INSERT INTO events.telltale_schema_history (installed_rank, version, description,"
                            + " type, script, checksum, installed_by, execution_time, success)"
                            + " VALUES (2, '2', 'later', 'SQL', 'V2__later.sql', 1, 'telltale', 1, true)");
            long before = postgres.count(db, "SELECT count(*) FROM events.telltale_schema_history");

            assertThatThrownBy(() -> Schema.migrate(pool))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("schema version 2, newer than this Telltale knows (1)")
                    .hasMessageContaining("nothing was changed");
            assertThatThrownBy(() -> Schema.requireCurrent(pool)).hasMessageContaining("newer than this Telltale");
            assertThat(postgres.count(db, "SELECT count(*) FROM events.telltale_schema_history"))
                    .isEqualTo(before);
        }
    }
}

package dev.telltale.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventRef;
import dev.telltale.api.export.ExportSinks;
import dev.telltale.api.export.ExportTarget;
import dev.telltale.api.export.StreamSink;
import dev.telltale.api.export.StreamSink.Arrival;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rows of many origins with the consumer's offsets in one transaction; a replaced consumer cannot write. */
class PostgresStreamSinkTest {

    private static final long T0 = 1_764_000_000_123_456_789L;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    private final TestPostgres postgres = TestPostgres.shared();
    private final UUID hostA = UUID.randomUUID();
    private final UUID hostB = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();
    private String db;

    @BeforeEach
    void migrate() throws IOException {
        db = postgres.newDatabase();
        try (HikariDataSource pool = postgres.database(db).pool("migrate")) {
            Schema.migrate(pool);
        }
    }

    private StreamSink open(String consumer) throws IOException {
        StreamSink sink = ExportSinks.named("postgres")
                .openStream(ExportTarget.at(postgres.jdbcUrl(db))
                        .user(TestPostgres.USER)
                        .passwordFile(TestPostgres.passwordFile(dir))
                        .name(consumer)
                        .build());
        sink.open();
        return sink;
    }

    private static Arrival at(UUID origin, long position, DslEvent event) {
        return new Arrival(origin, position, event);
    }

    @Test
    void aBatchOfTwoOriginsInAnyOrder_andItsOffsets_committedTogether() throws IOException {
        DslEvent command = DslEvent.succeeded(T0 + 10, session, "cbu.create", 1_500);
        DslEvent entry = DslEvent.sessionEntry(
                T0 + 20,
                session,
                new SessionEntry(EntryType.DSL_COMMAND, 1, "REPL", "cbu.create", EventRef.to(command)));
        try (StreamSink sink = open("fleet")) {
            assertThat(sink.offsets("events", List.of(0, 1))).isEmpty();

            sink.write(
                    "events",
                    List.of(
                            at(hostA, 7, entry),
                            at(hostB, 3, DslEvent.succeeded(T0, null, "kyc.check", 9)),
                            at(hostA, 2, command)),
                    Map.of(0, 2L, 1, 1L));

            assertThat(sink.offsets("events", List.of(0, 1, 2))).isEqualTo(Map.of(0, 2L, 1, 1L));
            sink.write("events", List.of(at(hostB, 4, DslEvent.succeeded(T0, null, "kyc.check", 9))), Map.of(1, 2L));
        }
        assertThat(postgres.query(
                        db,
                        "SELECT origin, position, verb FROM events.log ORDER BY origin = '" + hostA + "', position"))
                .containsExactly(
                        List.of(hostB, 3L, "kyc.check"),
                        List.of(hostB, 4L, "kyc.check"),
                        List.of(hostA, 2L, "cbu.create"));
        assertThat(postgres.count(
                        db,
                        "SELECT count(*) FROM sessions.log s JOIN events.log e ON s.event_id = e.id"
                                + " WHERE s.origin = '" + hostA + "' AND s.position = 7 AND e.position = 2"))
                .as("the entry linked to its command, written before it in the batch")
                .isEqualTo(1);
        try (StreamSink again = open("fleet")) {
            assertThat(again.offsets("events", List.of(0, 1))).isEqualTo(Map.of(0, 2L, 1, 2L));
            assertThat(again.offsets("other-topic", List.of(0))).isEmpty();
        }
        try (StreamSink otherGroup = open("audit")) {
            assertThat(otherGroup.offsets("events", List.of(0, 1))).isEmpty();
        }
    }

    @Test
    void aConsumerReplacedMeanwhile_cannotWriteOverItsSuccessor_andWritesNothing() throws IOException {
        try (StreamSink old = open("fleet");
                StreamSink successor = open("fleet")) {
            assertThat(old.offsets("events", List.of(0))).isEmpty();
            assertThat(successor.offsets("events", List.of(0))).isEmpty();
            successor.write("events", List.of(at(hostA, 0, DslEvent.succeeded(T0, null, "a", 1))), Map.of(0, 1L));

            assertThatThrownBy(() -> old.write(
                            "events", List.of(at(hostA, 0, DslEvent.succeeded(T0, null, "a", 1))), Map.of(0, 1L)))
                    .isInstanceOf(StreamSink.OffsetsMovedException.class)
                    .hasMessage("partition 0 of events was moved on by another consumer of fleet (expected it at no"
                            + " offset); nothing of this batch was written");

            successor.write("events", List.of(at(hostA, 1, DslEvent.succeeded(T0, null, "a", 1))), Map.of(0, 2L));
            assertThatThrownBy(() -> old.write(
                            "events", List.of(at(hostB, 0, DslEvent.succeeded(T0, null, "b", 1))), Map.of(0, 2L)))
                    .isInstanceOf(StreamSink.OffsetsMovedException.class);

            // Read again (as on a new assignment), it goes on from its successor's offset.
            assertThat(old.offsets("events", List.of(0))).isEqualTo(Map.of(0, 2L));
            old.write("events", List.of(at(hostB, 0, DslEvent.succeeded(T0, null, "b", 1))), Map.of(0, 3L));
        }
        assertThat(postgres.count(db, "SELECT count(*) FROM events.log")).isEqualTo(3);
        assertThat(postgres.count(db, "SELECT next_offset FROM events.stream_offsets"))
                .isEqualTo(3);
    }

    @Test
    void anEventTheDatabaseHoldsAlready_isOneLine_andNothingOfTheBatchIsWritten() throws IOException {
        try (StreamSink sink = open("fleet")) {
            sink.offsets("events", List.of(0));
            sink.write("events", List.of(at(hostA, 5, DslEvent.succeeded(T0, null, "a", 1))), Map.of(0, 1L));

            assertThatThrownBy(() -> sink.write(
                            "events",
                            List.of(
                                    at(hostB, 1, DslEvent.succeeded(T0, null, "b", 1)),
                                    at(hostA, 5, DslEvent.succeeded(T0, null, "a", 1))),
                            Map.of(0, 3L)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("already holds some of these events (origin " + hostB + " from position 1)")
                    .hasMessageContaining("nothing of this batch was written")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThat(sink.offsets("events", List.of(0))).isEqualTo(Map.of(0, 1L));
        }
        assertThat(postgres.count(db, "SELECT count(*) FROM events.log")).isEqualTo(1);
    }

    @Test
    void aSinkThatTakesNoStream_saysSo_andAStreamNeedsAConsumerName() {
        dev.telltale.api.export.ExportSinkProvider files = new dev.telltale.api.export.ExportSinkProvider() {
            @Override
            public String name() {
                return "files";
            }

            @Override
            public String writes() {
                return "files";
            }

            @Override
            public dev.telltale.api.export.ExportSink open(ExportTarget target) {
                throw new AssertionError("not opened");
            }
        };
        assertThatThrownBy(() -> files.openStream(ExportTarget.at("x.jsonl").build()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("the files sink takes no stream");
        assertThatThrownBy(() -> ExportSinks.named("postgres")
                        .openStream(ExportTarget.at(postgres.jdbcUrl(db)).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a stream into PostgreSQL needs a consumer name");
    }

    @Test
    void aFailedWriteOfSeveralPartitions_movesNone_evenAfterTheConsumerReadsAgain() throws IOException {
        try (StreamSink old = open("fleet");
                StreamSink successor = open("fleet")) {
            old.offsets("events", List.of(0, 1));
            old.write("events", List.of(at(hostA, 0, DslEvent.succeeded(T0, null, "a", 1))), Map.of(0, 1L, 1, 1L));
            successor.offsets("events", List.of(1));
            successor.write("events", List.of(at(hostB, 0, DslEvent.succeeded(T0, null, "b", 1))), Map.of(1, 2L));

            assertThatThrownBy(() -> old.write(
                            "events",
                            List.of(at(hostA, 1, DslEvent.succeeded(T0, null, "a", 1))),
                            new java.util.TreeMap<>(Map.of(0, 2L, 1, 2L))))
                    .isInstanceOf(StreamSink.OffsetsMovedException.class);
            // Reading commits its transaction: what the failed write did must not be in it.
            assertThat(old.offsets("events", List.of(0, 1))).isEqualTo(Map.of(0, 1L, 1, 2L));
        }
        assertThat(postgres.count(db, "SELECT next_offset FROM events.stream_offsets WHERE partition = 0"))
                .isEqualTo(1);
        assertThat(postgres.count(db, "SELECT count(*) FROM events.log")).isEqualTo(2);
    }

    @Test
    void readingTheOffsets_leavesNoTransactionOpen_andAWriteNeedsNoReadFirst() throws IOException {
        try (StreamSink sink = open("fleet")) {
            sink.write("events", List.of(at(hostA, 0, DslEvent.succeeded(T0, null, "a", 1))), Map.of(0, 1L));
            assertThat(sink.offsets("events", List.of(0))).isEqualTo(Map.of(0, 1L));
            assertThat(postgres.count(
                            db,
                            "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + db
                                    + "' AND state = 'idle in transaction'"))
                    .isZero();
            assertThat(sink.describe()).isEqualTo(postgres.jdbcUrl(db)).doesNotContain("password");
        }
    }

    @Test
    void aDatabaseWithoutTheTables_orOneNotThere_isOneLine_theLatterTransient() throws IOException {
        String empty = postgres.newDatabase();
        StreamSink unmigrated = ExportSinks.named("postgres")
                .openStream(ExportTarget.at(postgres.jdbcUrl(empty))
                        .user(TestPostgres.USER)
                        .passwordFile(TestPostgres.passwordFile(dir))
                        .name("fleet")
                        .build());
        try (unmigrated) {
            assertThatThrownBy(unmigrated::open)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("no Telltale tables")
                    .hasMessageContaining("telltale migrate");
        }
        StreamSink away = ExportSinks.named("postgres")
                .openStream(ExportTarget.at("jdbc:postgresql://localhost:1/nothing")
                        .name("fleet")
                        .build());
        try (away) {
            IOException failure = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, away::open);
            assertThat(away.isTransient(failure)).as(failure.getMessage()).isTrue();
            assertThat(away.isTransient(new IOException("not the database's"))).isFalse();
        }
    }
}

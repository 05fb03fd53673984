package dev.telltale.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.ErrorSnapshot;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventRef;
import dev.telltale.api.SessionSource;
import dev.telltale.api.export.ExactlyOnceExport;
import dev.telltale.api.testing.ListCursor;
import dev.telltale.json.EventJson;
import dev.telltale.json.EventJsonException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExportToPostgresTest {

    private static final long T0 = 1_764_000_000_123_456_789L;

    private final TestPostgres postgres = TestPostgres.shared();
    private final UUID origin = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();
    private String db;

    @BeforeEach
    void migrate() throws IOException {
        db = postgres.newDatabase();
        try (HikariDataSource pool = postgres.database(db).pool("migrate")) {
            Schema.migrate(pool);
        }
    }

    @Test
    void everyPayloadTypeRoundTripsFieldByField() throws Exception {
        List<DslEvent> events = everyKind();

        ExactlyOnceExport.Result result = export(events, "all", 3);

        assertThat(result.exported()).isEqualTo(events.size());
        List<DslEvent> back = new ArrayList<>();
        for (List<Object> row : postgres.query(db, "SELECT payload::text FROM events.log ORDER BY position")) {
            back.add(EventJson.fromJson((String) row.get(0)));
        }
        List<DslEvent> notEntries = events.stream()
                .filter(e -> !(e.payload() instanceof SessionEntry))
                .toList();
        assertThat(back).containsExactlyElementsOf(notEntries);
        assertThat(postgres.query(
                                db,
                                "SELECT event_type, verb, session_id, epoch_nanos, payload_version, timestamp::text"
                                        + " FROM events.log ORDER BY position")
                        .get(0))
                .containsExactly("session_started", null, session, T0, 1, "2025-11-24 16:00:00.123456+00");

        List<List<Object>> entries = postgres.query(
                db,
                "SELECT entry_type, content, source, entry_no, event_verb" + " FROM sessions.log ORDER BY position");
        assertThat(entries)
                .containsExactly(
                        listOf("user_input", "create Acme", "REPL", 1L, null),
                        listOf("dsl_command", "cbu.create name=Acme", "REPL", 2L, "cbu.create"),
                        listOf("response", "created cbu-1", "REPL", 3L, null),
                        listOf("error", "exists", "REPL", 4L, "cbu.create"));
    }

    @Test
    void entriesJoinTheirCommandsEventsWhicheverIsExportedFirst() throws Exception {
        DslEvent command = DslEvent.succeeded(T0 + 10, session, "cbu.create", 1_500);
        DslEvent entry = entry(EntryType.DSL_COMMAND, 1, "cbu.create", EventRef.to(command));
        DslEvent other = DslEvent.succeeded(T0 + 20, session, "cbu.create", 1_500);
        // The entry before its event, each in a batch of its own: linked when the event arrives.
        export(List.of(entry, other, command), "late", 1);

        List<List<Object>> joined = postgres.query(
                db, "SELECT e.epoch_nanos, e.verb FROM sessions.log s" + " JOIN events.log e ON e.id = s.event_id");
        assertThat(joined).containsExactly(List.of(T0 + 10, "cbu.create"));
    }

    @Test
    void hostileContentIsStoredExactlyExceptNulAndLoneSurrogates() throws Exception {
        String hostile = "'); DROP TABLE events.log; -- \" \\ \\u0000 \\N \t\n\r\u001b[31m ✓ 😀 {\"a\":[}";
        DslEvent failed = DslEvent.failed(T0, session, "x\\y", 5, new IllegalStateException(hostile));
        DslEvent withNul = entry(EntryType.USER_INPUT, 1, "a\u0000b\ud800c\udc00d", null);
        DslEvent big = entry(EntryType.AGENT_THOUGHT, 2, "x".repeat(EventPayload.MAX_CONTENT_LENGTH), null);
        DslEvent content = entry(EntryType.RESPONSE, 3, hostile, null);

        export(List.of(failed, withNul, big, content), "hostile", 10);

        assertThat(postgres.query(db, "SELECT payload->'error'->>'message', verb FROM events.log")
                        .get(0))
                .containsExactly(hostile, "x\\y");
        assertThat(postgres.query(db, "SELECT content FROM sessions.log ORDER BY entry_no"))
                .extracting(row -> row.get(0))
                .containsExactly("a\u2400b\ufffdc\ufffdd", "x".repeat(EventPayload.MAX_CONTENT_LENGTH), hostile);
        assertThat(postgres.count(
                        db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'events' AND tablename = 'log'"))
                .isOne();
    }

    @Test
    void aRerunAddsOnlyWhatIsNewAndNothingTwice() throws Exception {
        List<DslEvent> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            events.add(DslEvent.succeeded(T0 + i, session, "v" + i, i));
        }
        assertThat(export(events.subList(0, 10), "nightly", 4).exported()).isEqualTo(10);
        assertThat(export(events.subList(0, 10), "nightly", 4).exported()).isZero();
        ExactlyOnceExport.Result third = export(events, "nightly", 4);

        assertThat(third.exported()).isEqualTo(15);
        assertThat(third.exportedInAll()).isEqualTo(25);
        assertThat(third.resumed()).isTrue();
        assertThat(postgres.query(db, "SELECT verb FROM events.log ORDER BY id"))
                .extracting(row -> row.get(0))
                .containsExactlyElementsOf(events.stream()
                        .map(e -> ((EventPayload.CommandSucceeded) e.payload()).verb())
                        .toList());
        assertThat(postgres.query(db, "SELECT last_position, exported FROM events.export_checkpoint"))
                .containsExactly(List.of(24L * 7, 25L));
    }

    @Test
    void oneExportOfANameRunsAtATime() throws Exception {
        try (PostgresExportSink first = PostgresExportSink.to(postgres.database(db), origin, "nightly", "queue")) {
            first.resume();
            assertThatThrownBy(() -> export(List.of(DslEvent.succeeded(T0, session, "v", 1)), "nightly", 10))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("export 'nightly' of queue is running already");
        }
        assertThat(export(List.of(DslEvent.succeeded(T0, session, "v", 1)), "nightly", 10)
                        .exported())
                .isOne();
    }

    @Test
    void anotherNameOfTheSameQueueIsRefusedRatherThanDoubled() throws Exception {
        List<DslEvent> events = List.of(DslEvent.succeeded(T0, session, "v", 1));
        export(events, "nightly", 10);

        assertThatThrownBy(() -> export(events, "adhoc", 10))
                .hasMessageContaining("already holds events of queue")
                .hasMessageContaining("resume that one");
        assertThat(postgres.count(db, "SELECT count(*) FROM events.log")).isOne();
    }

    @Test
    void aDatabaseWithoutTheSchemaIsRefusedNamingTheFix() {
        String empty = postgres.newDatabase();
        assertThatThrownBy(() -> ExactlyOnceExport.builder()
                        .source(after -> new ListCursor(List.of(), after))
                        .sink(PostgresExportSink.to(postgres.database(empty), origin, "n", "queue"))
                        .run())
                .hasMessageContaining("no Telltale tables")
                .hasMessageContaining("telltale migrate");
    }

    @Test
    void aWrongPasswordIsOneLineWithoutThePassword() {
        Database wrong = Database.at(postgres.jdbcUrl(db))
                .user(TestPostgres.USER)
                .passwordFromEnv("PW")
                .environment(name -> "not-" + TestPostgres.PASSWORD);
        assertThatThrownBy(() -> ExactlyOnceExport.builder()
                        .source(after -> new ListCursor(List.of(), after))
                        .sink(PostgresExportSink.to(wrong, origin, "n", "queue"))
                        .run())
                .isInstanceOf(DatabaseException.class)
                .satisfies(e -> assertThat(((DatabaseException) e).isConnectionFailure())
                        .isFalse())
                .hasMessageContaining("password authentication failed for user \"telltale\"")
                .hasMessageNotContaining(TestPostgres.PASSWORD)
                .hasMessageNotContaining("\n");
    }

    private ExactlyOnceExport.Result export(List<DslEvent> events, String name, int batchSize) throws IOException {
        return ExactlyOnceExport.builder()
                .source(after -> new ListCursor(events, after))
                .sink(PostgresExportSink.to(postgres.database(db), origin, name, "queue"))
                .batchSize(batchSize)
                .run();
    }

    private List<DslEvent> everyKind() {
        DslEvent created = DslEvent.succeeded(T0 + 2, session, "cbu.create", 2_500);
        DslEvent failed = new DslEvent(
                T0 + 5,
                session,
                new EventPayload.CommandFailed(
                        "cbu.create",
                        900,
                        new ErrorSnapshot("java.lang.IllegalStateException", "exists", "cbu-1", 409, "cbu.create")));
        return List.of(
                DslEvent.sessionStarted(T0, session, SessionSource.REPL),
                entry(EntryType.USER_INPUT, 1, "create Acme", null),
                created,
                entry(EntryType.DSL_COMMAND, 2, "cbu.create name=Acme", EventRef.to(created)),
                entry(EntryType.RESPONSE, 3, "created cbu-1", null),
                failed,
                entry(EntryType.ERROR, 4, "exists", EventRef.to(failed)),
                DslEvent.succeeded(T0 + 7, null, "no.session", 1),
                DslEvent.sessionEnded(T0 + 9, session, 2, 1, 9_000));
    }

    private DslEvent entry(EntryType type, long number, String content, EventRef ref) {
        return DslEvent.sessionEntry(T0 + number, session, new SessionEntry(type, number, "REPL", content, ref));
    }

    private static List<Object> listOf(Object... values) {
        return java.util.Arrays.asList(values);
    }

    @SuppressWarnings("unused")
    private static DslEvent parse(String json) throws EventJsonException {
        return EventJson.fromJson(json);
    }
}

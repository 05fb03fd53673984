package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventRef;
import dev.telltale.json.EventJson;
import dev.telltale.store.postgres.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code telltale migrate} and {@code telltale export postgres} against a real PostgreSQL, in real
 * child JVMs killed with {@code kill -9}, with the server stopped and started under a running export:
 * in the end {@code events.log} and {@code sessions.log} hold every event of the queue exactly once,
 * equal field by field to a JSON Lines export of the same queue.
 */
class ExportPostgresTest {

    @TempDir
    Path dir;

    private Path queue;
    private Path password;
    private final List<DslEvent> events = new ArrayList<>();
    private long entries;

    @BeforeEach
    void writeQueue() throws IOException {
        queue = dir.resolve("queue");
        password = TestPostgres.passwordFile(dir);
        for (int s = 0; s < 40; s++) {
            UUID session = UUID.randomUUID();
            for (DslEvent event : Events.session(session, 250, Events.T0 + s * 1_000_000_000L)) {
                events.add(event);
                if (event.type().wireName().startsWith("command_")) {
                    entries++;
                    events.add(DslEvent.sessionEntry(
                            event.epochNanos() + 1,
                            session,
                            new SessionEntry(
                                    EntryType.DSL_COMMAND, entries, "REPL", "run " + entries, EventRef.to(event))));
                }
            }
        }
        Cli.write(queue, events);
    }

    private String[] args(TestPostgres postgres, String db, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--jdbc-url",
                postgres.jdbcUrl(db),
                "--user",
                TestPostgres.USER,
                "--password-file",
                password.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private String migrated(TestPostgres postgres) {
        String db = postgres.newDatabase();
        Cli.Result migrate = Cli.run(concat(new String[] {"migrate"}, args(postgres, db)));
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.err()).contains("migrated").contains("to version 2");
        Cli.Result again = Cli.run(concat(new String[] {"migrate"}, args(postgres, db)));
        assertThat(again.err()).contains("is at schema version 2: nothing to do");
        return db;
    }

    private Process export(TestPostgres postgres, String db, Path stderr, int checkpointEvery) throws IOException {
        return Cli.childJvm(
                        TelltaleMain.class.getName(),
                        concat(
                                new String[] {"export", "postgres", queue.toString()},
                                args(
                                        postgres,
                                        db,
                                        "--resume",
                                        "k",
                                        "--checkpoint-every",
                                        Integer.toString(checkpointEvery),
                                        "--retry-for",
                                        "60s")))
                .redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    @Test
    void killedAtRandomMoments_thenRunToTheEnd_holdsEveryEventExactlyOnce_equalToTheJsonlExport() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        String db = migrated(postgres);
        Random random = new Random(8);
        for (int kill = 0; kill < 12; kill++) {
            Path err = dir.resolve("err-" + kill + ".txt");
            Process process = export(postgres, db, err, 2_000);
            if (process.waitFor(random.nextInt(2_500), TimeUnit.MILLISECONDS)) {
                assertThat(process.exitValue()).as(Files.readString(err)).isZero();
            } else {
                process.destroyForcibly().waitFor();
            }
        }
        Process last = export(postgres, db, dir.resolve("err-last.txt"), 2_000);
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue())
                .as(Files.readString(dir.resolve("err-last.txt")))
                .isZero();

        assertExactlyTheQueue(postgres, db);
    }

    @Test
    void theServerStoppedMidExport_theExportWaitsAndFinishesExactlyOnce() throws Exception {
        try (TestPostgres postgres = TestPostgres.startPrivate(dir.resolve("pg"))) {
            String db = migrated(postgres);
            Path err = dir.resolve("err.txt");
            Process process = export(postgres, db, err, 500);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> postgres.count(db, "SELECT count(*) FROM events.export_checkpoint") > 0);
            postgres.stop();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.readString(err).contains("retrying in"));
            postgres.restart();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String own = Cli.ownErrorLines(err);
            assertThat(process.exitValue()).as(own).isZero();
            assertThat(own).contains("nothing is lost").doesNotContain("\tat ").doesNotContain(TestPostgres.PASSWORD);

            assertExactlyTheQueue(postgres, db);
        }
    }

    private void assertExactlyTheQueue(TestPostgres postgres, String db) throws Exception {
        List<DslEvent> commands = events.stream()
                .filter(e -> !(e.payload() instanceof SessionEntry))
                .toList();
        assertThat(postgres.count(db, "SELECT count(*) FROM events.log")).isEqualTo(commands.size());
        assertThat(postgres.count(db, "SELECT count(DISTINCT position) FROM events.log"))
                .isEqualTo(commands.size());
        assertThat(postgres.count(db, "SELECT count(*) FROM sessions.log")).isEqualTo(entries);
        assertThat(postgres.count(db, "SELECT count(*) FROM sessions.log WHERE event_id IS NULL"))
                .isZero();
        assertThat(postgres.count(
                        db,
                        "SELECT count(*) FROM sessions.log s JOIN events.log e ON e.id = s.event_id"
                                + " WHERE e.epoch_nanos + 1 <> s.epoch_nanos"))
                .isZero();

        // The same queue exported to JSON Lines: equal, event by event, field by field.
        Path jsonl = dir.resolve("same.jsonl");
        assertThat(Cli.run("export", "jsonl", queue.toString(), "--out", jsonl.toString())
                        .exitCode())
                .isZero();
        List<DslEvent> fromJsonl = ExportCommandTest.read(jsonl).stream()
                .filter(e -> !(e.payload() instanceof SessionEntry))
                .toList();
        List<DslEvent> fromPostgres = new ArrayList<>();
        for (List<Object> row : postgres.query(db, "SELECT payload::text FROM events.log ORDER BY position")) {
            fromPostgres.add(EventJson.fromJson((String) row.get(0)));
        }
        assertThat(fromPostgres).isEqualTo(fromJsonl).isEqualTo(commands);
    }

    @Test
    void aWrongPasswordDatabaseOrHostIsOneLineAndExitCode1() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        String db = migrated(postgres);
        Path wrong = Files.writeString(dir.resolve("wrong"), "nope\n");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<String[]> cases = List.of(
                new String[] {
                    "--jdbc-url", postgres.jdbcUrl(db), "--user", TestPostgres.USER, "--password-file", wrong.toString()
                },
                new String[] {
                    "--jdbc-url",
                    postgres.jdbcUrl("no_such_db"),
                    "--user",
                    TestPostgres.USER,
                    "--password-file",
                    password.toString()
                },
                new String[] {
                    "--jdbc-url",
                    "jdbc:postgresql://localhost:" + closedPort + "/x",
                    "--password-file",
                    password.toString()
                });
        List<String> expected = List.of(
                "password authentication failed for user \"telltale\"",
                "database \"no_such_db\" does not exist",
                "Connection to localhost:" + closedPort + " refused");
        for (int i = 0; i < cases.size(); i++) {
            Cli.Result result = Cli.run(concat(new String[] {"export", "postgres", queue.toString()}, cases.get(i)));
            assertThat(result.exitCode()).as(result.err()).isEqualTo(TelltaleMain.FAILED);
            assertThat(result.err())
                    .startsWith("telltale: ")
                    .contains(expected.get(i))
                    .doesNotContain(TestPostgres.PASSWORD)
                    .doesNotContain("nope");
            assertThat(result.err().lines()).hasSize(1);
        }
        Cli.Result badUrl = Cli.run("migrate", "--jdbc-url", "postgres://x");
        assertThat(badUrl.exitCode()).isEqualTo(TelltaleMain.USAGE);
        assertThat(badUrl.err()).startsWith("telltale: --jdbc-url: not a PostgreSQL JDBC URL: 'postgres://x'");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}

package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.CommandTimer;
import dev.telltale.api.SessionLogger;
import dev.telltale.api.SessionSource;
import dev.telltale.api.TelltaleSession;
import dev.telltale.core.Events;
import dev.telltale.core.EventsConfig;
import dev.telltale.store.postgres.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets of every built-in kind, typed into a conversation ({@code SessionLogger}) and carried by
 * exception messages, reach no file of the Chronicle queue or the JSON Lines store, no line of an
 * export and no PostgreSQL row; {@code redacted} counts each; the conversation still reads, each
 * secret replaced by {@code [REDACTED:rule]}.
 */
class PlantedSecretsTest {

    /** The secret and the sentence it is planted in. */
    private static final List<String[]> PLANTED = List.of(
            new String[] {"hunter2", "login with password=hunter2 please"},
            new String[] {"AbCdEfGh.1234567890", "curl -H 'Authorization: Bearer AbCdEfGh.1234567890'"},
            new String[] {"AKIAIOSFODNN7EXAMPLE", "use key AKIAIOSFODNN7EXAMPLE"},
            new String[] {
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
            },
            new String[] {
                "ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "my token is ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            },
            new String[] {"xoxb-123456789012-abcdefghij", "slack said xoxb-123456789012-abcdefghij"},
            new String[] {"eyJzdWIiOiJhZGEifQ", "session eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2ln"},
            new String[] {
                "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----"
            },
            new String[] {"4111 1111 1111 1111", "charge card 4111 1111 1111 1111 now"},
            new String[] {"Pa55word", "connect to jdbc:postgresql://ada:Pa55word@db/telltale"});

    @TempDir
    Path dir;

    /** A program's conversation and failing commands, each carrying every planted secret. */
    private static long record(EventsConfig.Builder config) {
        Events events = Events.start(
                config.shutdownHook(false).flushInterval(Duration.ofMillis(20)).build());
        Events previous = Events.installGlobal(events);
        try (TelltaleSession session = TelltaleSession.open(SessionSource.REPL)) {
            SessionLogger log = SessionLogger.of(session);
            for (String[] planted : PLANTED) {
                log.logUserInput(planted[1]);
                CommandTimer.start("secrets.use")
                        .failed(new IllegalStateException("failed: " + planted[1], new RuntimeException(planted[1])))
                        .close();
            }
        } finally {
            Events.installGlobal(previous != null ? previous : Events.disabled());
            events.close();
        }
        return events.stats().redacted();
    }

    private static void assertNoSecret(String where, String content) {
        for (String[] planted : PLANTED) {
            assertThat(content).as("%s holds %s", where, planted[0]).doesNotContain(planted[0]);
        }
    }

    private static String everyFileBelow(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    @Test
    void noSecretReachesAQueueAFileAnExportOrARow_andEachIsCounted() throws Exception {
        Path queue = dir.resolve("queue");
        Path jsonl = dir.resolve("jsonl/events.jsonl");

        long redactedInQueue = record(EventsConfig.builder().store("chronicle").storeOption("dir", queue.toString()));
        long redactedInFile = record(EventsConfig.builder().store("jsonl").storeOption("path", jsonl.toString()));

        // Each planted secret, in the entry and in the failure's message (its cause's message is in it too).
        assertThat(redactedInQueue).isGreaterThanOrEqualTo(2L * PLANTED.size());
        assertThat(redactedInFile).isEqualTo(redactedInQueue);
        assertNoSecret("the queue", everyFileBelow(queue));
        assertNoSecret("the JSON Lines store", Files.readString(jsonl));
        String conversation = Files.readString(jsonl);
        assertThat(conversation)
                .contains("login with password=[REDACTED:password] please")
                .contains("connect to jdbc:postgresql://ada:[REDACTED:url-password]@db/telltale")
                .contains("charge card [REDACTED:card-number] now");

        Path exported = dir.resolve("export.jsonl");
        Cli.Result export = Cli.run("export", "jsonl", queue.toString(), "--out", exported.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertNoSecret("the export", Files.readString(exported));
        Cli.Result tail = Cli.run("tail", queue.toString(), "-n", "100");
        assertNoSecret("tail", tail.out());

        TestPostgres postgres = TestPostgres.shared();
        String db = postgres.newDatabase();
        Path password = TestPostgres.passwordFile(dir);
        String[] connection = {
            "--jdbc-url", postgres.jdbcUrl(db), "--user", TestPostgres.USER, "--password-file", password.toString()
        };
        assertThat(Cli.run(concat(new String[] {"migrate"}, connection)).exitCode())
                .isZero();
        Cli.Result toPostgres = Cli.run(concat(new String[] {"export", "postgres", queue.toString()}, connection));
        assertThat(toPostgres.exitCode()).as(toPostgres.err()).isZero();
        assertNoSecret("events.log", String.valueOf(postgres.query(db, "SELECT payload::text FROM events.log")));
        assertNoSecret("sessions.log", String.valueOf(postgres.query(db, "SELECT * FROM sessions.log")));
        assertThat(postgres.count(db, "SELECT count(*) FROM sessions.log")).isEqualTo(PLANTED.size());
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}

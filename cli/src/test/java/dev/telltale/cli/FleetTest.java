package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventRef;
import dev.telltale.api.source.EventSource;
import dev.telltale.api.source.EventSources;
import dev.telltale.api.source.SourceOptions;
import dev.telltale.export.kafka.testing.KafkaBroker;
import dev.telltale.store.postgres.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet layout as an operator runs it: three hosts' queues shipped by three {@code export kafka}
 * processes at once into one topic, read by {@code export postgres --from-kafka} consumers killed
 * ({@code kill -9}) mid-batch, the first at once, then run to the end: PostgreSQL holds each host's
 * events exactly, keyed by origin and position, and the group's offsets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetTest {

    @TempDir
    static Path dir;

    private KafkaBroker broker;

    @BeforeAll
    void startTheBroker() throws Exception {
        broker = KafkaBroker.start(Files.createDirectories(dir.resolve("broker")));
    }

    @AfterAll
    void stopTheBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    /** A host's queue: sessions of commands, each with a session entry that refers to it. */
    private static int writeHost(Path queue, int sessions, int commands) throws java.io.IOException {
        List<DslEvent> events = new ArrayList<>();
        long entry = 0;
        for (int s = 0; s < sessions; s++) {
            UUID session = UUID.randomUUID();
            for (DslEvent event : Events.session(session, commands, Events.T0 + s * 1_000_000_000L)) {
                events.add(event);
                if (event.type().wireName().startsWith("command_") && ++entry % 4 == 0) {
                    events.add(DslEvent.sessionEntry(
                            event.epochNanos() + 1,
                            session,
                            new SessionEntry(
                                    EntryType.DSL_COMMAND, entry, "REPL", "run " + entry, EventRef.to(event))));
                }
            }
        }
        Cli.write(queue, events);
        return events.size();
    }

    private static UUID originOf(Path queue) throws java.io.IOException {
        try (EventSource source = EventSources.open(queue.toString(), SourceOptions.defaults())) {
            return source.origin();
        }
    }

    @Test
    void threeHosts_oneTopic_onePostgres_exactPerOriginCounts_thoughTheConsumerIsKilledMidBatch() throws Exception {
        broker.createTopic("fleet", 3);
        Map<UUID, Integer> expected = new HashMap<>();
        List<Process> shippers = new ArrayList<>();
        for (int host = 0; host < 3; host++) {
            Path queue = dir.resolve("host-" + host);
            int events = writeHost(queue, 10 + host * 5, 400);
            expected.put(originOf(queue), events);
            shippers.add(Cli.telltale(
                    dir.resolve("shipper-" + host + ".log"),
                    "export",
                    "kafka",
                    queue.toString(),
                    "--bootstrap-servers",
                    broker.bootstrapServers(),
                    "--topic",
                    "fleet",
                    "--resume",
                    "fleet"));
        }
        for (int host = 0; host < 3; host++) {
            assertThat(shippers.get(host).waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(shippers.get(host).exitValue())
                    .as(Files.readString(dir.resolve("shipper-" + host + ".log")))
                    .isZero();
        }

        TestPostgres postgres = TestPostgres.shared();
        String db = postgres.newDatabase();
        Path password = TestPostgres.passwordFile(dir);
        String[] database = {
            "--jdbc-url", postgres.jdbcUrl(db), "--user", TestPostgres.USER, "--password-file", password.toString()
        };
        Cli.Result migrated = Cli.run(Cli.concat(new String[] {"migrate"}, database));
        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        // Small polls: many batches. A killed member's partitions wait for its session to expire (45 s by
        // default); the broker's shortest allowed session keeps the test short.
        Path smallPolls = Files.writeString(
                dir.resolve("consumer.properties"),
                "max.poll.records=500\nsession.timeout.ms=6000\nheartbeat.interval.ms=1000\n");
        String[] consume = Cli.concat(
                new String[] {
                    "export",
                    "postgres",
                    "--from-kafka",
                    "--bootstrap-servers",
                    broker.bootstrapServers(),
                    "--topic",
                    "fleet",
                    "--group",
                    "warehouse",
                    "--kafka-properties",
                    smallPolls.toString()
                },
                database);
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        Random random = new Random(7);
        for (int kill = 0; kill < 3; kill++) {
            Process consumer = Cli.telltale(dir.resolve("consumer-" + kill + ".log"), consume);
            if (kill > 0) {
                long target = rows(postgres, db) + 1 + random.nextInt(3_000);
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> !consumer.isAlive() || rows(postgres, db) >= target);
            }
            consumer.destroyForcibly();
            consumer.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(rows(postgres, db)).as("the kills left work to do").isLessThan(total);

        Cli.Result last = Cli.run(consume);
        assertThat(last.exitCode()).as(last.err()).isZero();
        assertThat(last.err()).contains("from topic 'fleet' (group warehouse)");

        for (Map.Entry<UUID, Integer> host : expected.entrySet()) {
            assertThat(postgres.count(db, "SELECT count(*) FROM events.log WHERE origin = '" + host.getKey() + "'")
                            + postgres.count(
                                    db, "SELECT count(*) FROM sessions.log WHERE origin = '" + host.getKey() + "'"))
                    .as("host %s", host.getKey())
                    .isEqualTo(host.getValue().longValue());
        }
        assertThat(postgres.count(db, "SELECT count(*) FROM sessions.log WHERE event_id IS NULL"))
                .as("every entry linked to its command, whichever partition either came by")
                .isZero();
        assertThat(postgres.count(db, "SELECT count(*) FROM events.stream_offsets WHERE consumer = 'warehouse'"))
                .isEqualTo(3);
        Cli.Result again = Cli.run(consume);
        assertThat(again.err()).contains("wrote 0 events");
    }

    @Test
    void fromKafkaFollowing_writesWhatArrives_andStopsCleanlyOnSigterm() throws Exception {
        broker.createTopic("live", 2);
        Path queue = dir.resolve("live-host");
        int events = writeHost(queue, 2, 100);
        String[] ship = {
            "export", "kafka", queue.toString(), "--bootstrap-servers", broker.bootstrapServers(), "--topic", "live"
        };
        assertThat(Cli.run(ship).exitCode()).isZero();
        TestPostgres postgres = TestPostgres.shared();
        String db = postgres.newDatabase();
        Path password = TestPostgres.passwordFile(dir);
        String[] database = {
            "--jdbc-url", postgres.jdbcUrl(db), "--user", TestPostgres.USER, "--password-file", password.toString()
        };
        assertThat(Cli.run(Cli.concat(new String[] {"migrate"}, database)).exitCode())
                .isZero();
        Path log = dir.resolve("live-consumer.log");
        Process consumer = Cli.telltale(
                log,
                Cli.concat(
                        new String[] {
                            "export",
                            "postgres",
                            "--from-kafka",
                            "--bootstrap-servers",
                            broker.bootstrapServers(),
                            "--topic",
                            "live",
                            "--group",
                            "live",
                            "--follow"
                        },
                        database));
        int first = events;
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !consumer.isAlive() || rows(postgres, db) >= first);
        // More arrives while it follows.
        events += writeHost(queue, 1, 100);
        assertThat(Cli.run(ship).exitCode()).isZero();
        int all = events;
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !consumer.isAlive() || rows(postgres, db) >= all);
        assertThat(consumer.isAlive()).as(Files.readString(log)).isTrue();

        consumer.destroy(); // SIGTERM
        assertThat(consumer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = Cli.ownErrorLines(log);
        assertThat(consumer.exitValue()).as(said).isEqualTo(143);
        assertThat(said)
                .contains("wrote " + events + " events from topic 'live' (group live)")
                .contains("; stopped");
        assertThat(rows(postgres, db)).isEqualTo(events);
    }

    private static long rows(TestPostgres postgres, String db) {
        return postgres.count(db, "SELECT (SELECT count(*) FROM events.log) + (SELECT count(*) FROM sessions.log)");
    }
}

package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.telltale.api.DslEvent;
import dev.telltale.export.kafka.testing.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code telltale export kafka} as an operator meets it, against a real KRaft broker: the shipper
 * killed ({@code kill -9}) at random moments, the first ones included, then run to the end: a
 * {@code read_committed} consumer sees every event exactly once; an unreachable broker is one line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportKafkaTest {

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

    @Test
    void killedAtRandomMoments_thenRunToTheEnd_everyEventOnceForAReadCommittedConsumer() throws Exception {
        broker.createTopic("killed", 3);
        Path queue = dir.resolve("events");
        int events = writeSessions(queue, 20);
        String[] args = ship(queue, "killed", "--resume", "ship", "--checkpoint-every", "500");
        Random random = new Random(42);
        for (int kill = 0; kill < 5; kill++) {
            Process shipper = Cli.telltale(dir.resolve("shipper-" + kill + ".log"), args);
            // The first kill at once; each other one once a random number of further events is committed.
            if (kill > 0) {
                int target = broker.committed("killed").size() + 1 + random.nextInt(3_000);
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() ->
                                !shipper.isAlive() || broker.committed("killed").size() >= target);
            }
            shipper.destroyForcibly();
            shipper.waitFor(30, TimeUnit.SECONDS);
        }
        Cli.Result last = Cli.run(args);
        assertThat(last.exitCode()).as(last.err()).isZero();
        assertThat(last.err()).contains("(" + events + " in all under 'ship'");

        assertEveryEventOnce("killed", events);
    }

    @Test
    void theBrokerGoneLongerThanAnAttemptToReachIt_theShipperWaitsAndFinishes_everyEventOnce() throws Exception {
        broker.createTopic("restarted", 2);
        Path queue = dir.resolve("big");
        int events = writeSessions(queue, 100);
        // Shorter waits than the defaults (30 s for a commit, 15 s to reach a broker), the same path.
        Path quick = Files.writeString(
                dir.resolve("quick.properties"),
                "max.block.ms=5000\ndefault.api.timeout.ms=5000\nrequest.timeout.ms=5000\n");
        Process shipper = Cli.telltale(
                dir.resolve("restart.log"),
                ship(
                        queue,
                        "restarted",
                        "--resume",
                        "restart",
                        "--checkpoint-every",
                        "200",
                        "--properties",
                        quick.toString()));
        // Mid-ship: once the first batches are committed.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !broker.committed("restarted").isEmpty());
        broker.kill();
        // Down until an attempt to reach it has failed: the shipper must keep waiting, not give up.
        await().atMost(Duration.ofSeconds(90))
                .until(() -> Files.readString(dir.resolve("restart.log")).contains("no Kafka broker answered at"));
        broker.startAgain();

        assertThat(shipper.waitFor(120, TimeUnit.SECONDS))
                .as("the shipper finished")
                .isTrue();
        String log = Files.readString(dir.resolve("restart.log"));
        assertThat(shipper.exitValue()).as(log).isZero();
        assertThat(log).contains("(" + events + " in all under 'restart'");
        assertEveryEventOnce("restarted", events);
    }

    @Test
    void follow_shipsWhatIsAppended_stopsCleanlyOnSigterm_andARerunGoesOn_everyEventOnce() throws Exception {
        broker.createTopic("followed", 3);
        Path queue = dir.resolve("followed-queue");
        int events = writeSessions(queue, 2);
        Path log = dir.resolve("follow.log");
        Process shipper = Cli.telltale(log, ship(queue, "followed", "--resume", "follow", "--follow"));
        int caughtUp = events;
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !shipper.isAlive() || broker.committed("followed").size() >= caughtUp);
        // Appended while it follows: shipped without a restart, in fewer events than a batch.
        events += writeSessions(queue, 1);
        int appended = events;
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !shipper.isAlive() || broker.committed("followed").size() >= appended);
        assertThat(shipper.isAlive()).as(Files.readString(log)).isTrue();

        shipper.destroy(); // SIGTERM
        assertThat(shipper.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
        String said = Cli.ownErrorLines(log);
        assertThat(shipper.exitValue()).as(said).isEqualTo(143);
        assertThat(said).contains("(" + events + " in all under 'follow'").contains("; stopped");
        assertEveryEventOnce("followed", events);

        events += writeSessions(queue, 1);
        Cli.Result rerun = Cli.run(ship(queue, "followed", "--resume", "follow"));
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.err()).contains("exported 1002 events");
        assertEveryEventOnce("followed", events);
    }

    @Test
    void anUnreachableBrokerOrAnUnknownTopic_isOneLine_exitOne() throws Exception {
        Path queue = dir.resolve("small");
        Cli.write(queue, Events.session(UUID.randomUUID(), 2, Events.T0));
        Path settings = Files.writeString(
                dir.resolve("client.properties"), "default.api.timeout.ms=2000\nrequest.timeout.ms=2000\n");
        Cli.Result result = Cli.run(
                "export",
                "kafka",
                queue.toString(),
                "--bootstrap-servers",
                "localhost:1",
                "--topic",
                "t",
                "--properties",
                settings.toString());
        assertThat(result.exitCode()).isEqualTo(TelltaleMain.FAILED);
        assertThat(result.err().lines())
                .singleElement()
                .asString()
                .startsWith("telltale: no Kafka broker answered at localhost:1 within 2000 ms");

        Cli.Result noTopic = Cli.run(ship(queue, "no-such-topic"));
        assertThat(noTopic.exitCode()).isEqualTo(TelltaleMain.FAILED);
        assertThat(noTopic.err())
                .isEqualTo("telltale: no such topic 'no-such-topic' at " + broker.bootstrapServers() + "\n");
    }

    @Test
    void wrongCredentials_areOneLineWithoutThePassword_exitOne_andTheRightOnesShipEverything() throws Exception {
        broker.createTopic("secured", 2);
        Path queue = dir.resolve("secured-queue");
        int events = writeSessions(queue, 1);
        Path wrong = Files.writeString(dir.resolve("wrong.properties"), KafkaBroker.saslClientSettings("not-it-9f2"));
        String[] args = {
            "export",
            "kafka",
            queue.toString(),
            "--bootstrap-servers",
            broker.saslBootstrapServers(),
            "--topic",
            "secured",
            "--properties",
            wrong.toString()
        };

        Cli.Result refused = Cli.run(args);

        assertThat(refused.exitCode()).isEqualTo(TelltaleMain.FAILED);
        assertThat(refused.err().lines())
                .singleElement()
                .asString()
                .startsWith("telltale: Kafka at " + broker.saslBootstrapServers() + " refused the credentials: ")
                .doesNotContain("not-it-9f2");
        assertThat(broker.committed("secured")).isEmpty();

        Files.writeString(wrong, KafkaBroker.saslClientSettings(KafkaBroker.SASL_PASSWORD));
        Cli.Result shipped = Cli.run(args);
        assertThat(shipped.exitCode()).as(shipped.err()).isZero();
        assertEveryEventOnce("secured", events);
    }

    /** {@code export kafka QUEUE --bootstrap-servers (the broker) --topic TOPIC MORE…}. */
    private String[] ship(Path queue, String topic, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "export",
                "kafka",
                queue.toString(),
                "--bootstrap-servers",
                broker.bootstrapServers(),
                "--topic",
                topic));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Writes {@code sessions} sessions of 1,000 commands into a queue at {@code queue}; returns how many events. */
    private static int writeSessions(Path queue, int sessions) throws java.io.IOException {
        List<DslEvent> events = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            events.addAll(Events.session(UUID.randomUUID(), 1_000, Events.T0 + s * 10_000_000_000L));
        }
        Cli.write(queue, events);
        return events.size();
    }

    /** A read_committed consumer finds {@code count} events in {@code topic}, no position twice. */
    private void assertEveryEventOnce(String topic, int count) {
        // A commit returns before the broker has written its markers into every partition: a
        // read_committed reader sees the transaction a moment later.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> broker.committed(topic).size() >= count);
        List<ConsumerRecord<String, byte[]>> records = broker.committed(topic);
        Set<String> positions = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            positions.add(
                    new String(record.headers().lastHeader("telltale.position").value(), StandardCharsets.UTF_8));
        }
        assertThat(records).as("every event once").hasSize(count);
        assertThat(positions).as("no position twice").hasSize(count);
    }
}

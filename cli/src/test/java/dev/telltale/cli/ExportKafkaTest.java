package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
        List<DslEvent> events = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            events.addAll(Events.session(UUID.randomUUID(), 1_000, Events.T0 + s * 10_000_000_000L));
        }
        Cli.write(queue, events);
        String[] args = {
            "export",
            "kafka",
            queue.toString(),
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--topic",
            "killed",
            "--resume",
            "ship",
            "--checkpoint-every",
            "500"
        };
        Random random = new Random(42);
        for (int kill = 0; kill < 5; kill++) {
            Process shipper = Cli.childJvm(TelltaleMain.class.getName(), args)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("shipper-" + kill + ".log").toFile())
                    .start();
            // The first kill at once, the others somewhere in the first two seconds.
            Thread.sleep(kill == 0 ? 0 : random.nextInt(2_000));
            shipper.destroyForcibly();
            shipper.waitFor(30, TimeUnit.SECONDS);
        }
        Cli.Result last = Cli.run(args);
        assertThat(last.exitCode()).as(last.err()).isZero();
        assertThat(last.err()).contains("(" + events.size() + " in all under 'ship'");

        assertEveryEventOnce("killed", events.size());
    }

    @Test
    void theBrokerKilledFor18sMidShip_theShipperWaitsAndFinishes_everyEventOnce() throws Exception {
        broker.createTopic("restarted", 2);
        Path queue = dir.resolve("big");
        List<DslEvent> events = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            events.addAll(Events.session(UUID.randomUUID(), 1_000, Events.T0 + s * 10_000_000_000L));
        }
        Cli.write(queue, events);
        Process shipper = Cli.childJvm(
                        TelltaleMain.class.getName(),
                        "export",
                        "kafka",
                        queue.toString(),
                        "--bootstrap-servers",
                        broker.bootstrapServers(),
                        "--topic",
                        "restarted",
                        "--resume",
                        "restart",
                        "--checkpoint-every",
                        "200")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("restart.log").toFile())
                .start();
        // Mid-ship: once the first batches are committed.
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !broker.committed("restarted").isEmpty());
        broker.kill();
        // Longer than one attempt to reach it (15 s): the shipper must keep waiting, not give up.
        Thread.sleep(18_000);
        broker.startAgain();

        assertThat(shipper.waitFor(120, TimeUnit.SECONDS))
                .as("the shipper finished")
                .isTrue();
        String log = Files.readString(dir.resolve("restart.log"));
        assertThat(shipper.exitValue()).as(log).isZero();
        assertThat(log).contains("(" + events.size() + " in all under 'restart'");
        assertEveryEventOnce("restarted", events.size());
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

        Cli.Result noTopic = Cli.run(
                "export",
                "kafka",
                queue.toString(),
                "--bootstrap-servers",
                broker.bootstrapServers(),
                "--topic",
                "no-such-topic");
        assertThat(noTopic.exitCode()).isEqualTo(TelltaleMain.FAILED);
        assertThat(noTopic.err())
                .isEqualTo("telltale: no such topic 'no-such-topic' at " + broker.bootstrapServers() + "\n");
    }

    /** A read_committed consumer finds {@code count} events in {@code topic}, no position twice. */
    private void assertEveryEventOnce(String topic, int count) {
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

package dev.telltale.export.kafka.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A real Kafka broker (4.4, KRaft, one node that is broker and controller) in a child JVM, from the
 * Maven artifacts on the test class path: formatted with {@code kafka.tools.StorageTool}, run with
 * {@code kafka.Kafka}. It can be stopped ({@code kill -9} or clean) and started again on the same
 * port and log directory.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The one user of the SASL/PLAIN listener ({@link #saslBootstrapServers()}). */
    public static final String SASL_USER = "shipper";
    /** That user's password. */
    public static final String SASL_PASSWORD = "ship-s3cret";

    private final Path dir;
    private final int port;
    private final int saslPort;
    private final int controllerPort;
    private final Path config;
    private Process process;

    private KafkaBroker(Path dir) throws IOException {
        this.dir = dir;
        this.port = freePort();
        this.saslPort = freePort();
        this.controllerPort = freePort();
        this.config = dir.resolve("server.properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@localhost:" + controllerPort,
                        "listeners=PLAINTEXT://localhost:" + port + ",SASL_PLAINTEXT://localhost:" + saslPort
                                + ",CONTROLLER://localhost:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://localhost:" + port + ",SASL_PLAINTEXT://localhost:"
                                + saslPort,
                        "controller.listener.names=CONTROLLER",
                        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,"
                                + "SASL_PLAINTEXT:SASL_PLAINTEXT",
                        "sasl.enabled.mechanisms=PLAIN",
                        "listener.name.sasl_plaintext.plain.sasl.jaas.config="
                                + "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + SASL_USER
                                + "=\"" + SASL_PASSWORD + "\";",
                        "inter.broker.listener.name=PLAINTEXT",
                        "log.dirs=" + dir.resolve("logs"),
                        "offsets.topic.replication.factor=1",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "num.partitions=1",
                        ""));
    }

    /** Formats a log directory under {@code dir} and starts the broker; returns once it answers. */
    public static KafkaBroker start(Path dir) throws Exception {
        KafkaBroker broker = new KafkaBroker(dir);
        Process format = broker.java(
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        broker.config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("format.log").toFile())
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException(
                    "formatting the broker's storage failed: " + Files.readString(dir.resolve("format.log")));
        }
        broker.startAgain();
        return broker;
    }

    /** Starts the broker process (again) and waits until it answers. */
    public void startAgain() throws Exception {
        process = java("kafka.Kafka", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("broker.log").toFile()))
                .start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .failFast("the broker process ended", () -> !process.isAlive())
                    .until(this::answers);
        } catch (ConditionTimeoutException | TerminalFailureException notStarted) {
            throw new IllegalStateException(
                    "the broker did not start: " + Files.readString(dir.resolve("broker.log")), notStarted);
        }
    }

    /** Whether the broker answers a cluster description within 5 s. */
    private boolean answers() throws Exception {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            return true;
        }
    }

    /** {@code kill -9} of the broker. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** A listener that takes SASL/PLAIN ({@value #SASL_USER}, {@link #SASL_PASSWORD}), unencrypted. */
    public String saslBootstrapServers() {
        return "localhost:" + saslPort;
    }

    /** Client settings for {@link #saslBootstrapServers()} with this password. */
    public static String saslClientSettings(String password) {
        return "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config="
                + "org.apache.kafka.common.security.plain.PlainLoginModule required username=\\\"" + SASL_USER
                + "\\\" password=\\\"" + password + "\\\";\n";
    }

    public Admin admin() {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        return Admin.create(settings);
    }

    public void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(Map.of())))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** Everything committed in {@code topic}, read from the start as a {@code read_committed} consumer does. */
    public List<ConsumerRecord<String, byte[]>> committed(String topic) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read '" + topic + "' to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private ProcessBuilder java(String main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        // Absolute: the broker runs in its own directory (a benchmark's jar is often given relative).
        command.add(
                java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .map(entry -> Paths.get(entry).toAbsolutePath().toString())
                        .collect(java.util.stream.Collectors.joining(File.pathSeparator)));
        command.add(main);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(new File(dir.toString()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}

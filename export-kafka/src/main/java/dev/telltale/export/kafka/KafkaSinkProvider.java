package dev.telltale.export.kafka;

import com.google.auto.service.AutoService;
import dev.telltale.api.export.ExportSink;
import dev.telltale.api.export.ExportSinkProvider;
import dev.telltale.api.export.ExportTarget;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;

/**
 * The export sink named {@value #NAME}: a Kafka topic, exactly once ({@link KafkaExportSink}). The
 * target's location is the bootstrap servers; its options: {@value #TOPIC} (required) and
 * {@value #PROPERTIES}, a file of Kafka client settings for a real cluster (SASL, TLS), so that no
 * secret travels on a command line.
 */
@AutoService(ExportSinkProvider.class)
public final class KafkaSinkProvider implements ExportSinkProvider {

    public static final String NAME = "kafka";
    /** The option naming the topic the events go to. */
    public static final String TOPIC = "topic";
    /** The option naming a properties file of Kafka client settings. */
    public static final String PROPERTIES = "properties";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String writes() {
        return "a Kafka topic (bootstrap servers HOST:PORT, a topic), exactly once by Kafka transactions";
    }

    @Override
    public ExportSink open(ExportTarget target) throws IOException {
        String topic = target.option(TOPIC)
                .orElseThrow(() -> new IllegalArgumentException("an export to Kafka needs a topic"));
        return new KafkaExportSink(
                clientSettings(target),
                topic,
                target.origin()
                        .orElseThrow(
                                () -> new IllegalArgumentException("an export to Kafka needs the source's origin")),
                target.name()
                        .orElseThrow(() -> new IllegalArgumentException("an export to Kafka needs --resume NAME")));
    }

    /**
     * Creates the compacted checkpoint topic ({@value KafkaExportSink#CHECKPOINTS}) unless it exists (a
     * shipper also does on its first run, if its credentials may).
     */
    @Override
    public String prepare(ExportTarget target) throws IOException {
        try (Admin admin = Admin.create(clientSettings(target))) {
            return KafkaExportSink.ensureCheckpointTopic(admin, target.location());
        }
    }

    /** The client settings: the properties file's, then the bootstrap servers. */
    static Properties clientSettings(ExportTarget target) throws IOException {
        Properties settings = new Properties();
        if (target.option(PROPERTIES).isPresent()) {
            Path file = Path.of(target.option(PROPERTIES).get());
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.load(in);
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(file + ": no such Kafka properties file");
            }
        }
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, target.location());
        settings.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, "telltale-export");
        return settings;
    }
}

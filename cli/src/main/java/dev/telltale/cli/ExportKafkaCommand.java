package dev.telltale.cli;

import dev.telltale.api.export.ExactlyOnceExport;
import dev.telltale.api.export.ExportSinks;
import dev.telltale.api.export.ExportTarget;
import dev.telltale.api.source.EventSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code telltale export kafka}: the events of a source into a Kafka topic, exactly once, through the
 * library's {@link ExactlyOnceExport} engine and the export sink named {@code kafka}: each batch and its
 * checkpoint commit in one Kafka transaction, and a second shipper with the same name fences the first.
 * A broker that goes away mid-way is waited for ({@link RetryingExport}).
 */
@Command(
        name = "kafka",
        mixinStandardHelpOptions = true,
        description = {
            "Ships events into a Kafka topic, exactly once (Kafka transactions):",
            "each batch is committed with its checkpoint; a rerun continues where the last stopped."
        })
final class ExportKafkaCommand implements Callable<Integer> {

    @Mixin
    InputOption input;

    @Mixin
    ExportSourceOptions source;

    @Option(
            names = "--bootstrap-servers",
            required = true,
            paramLabel = "HOST:PORT[,…]",
            description = "The Kafka cluster.")
    String bootstrapServers;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic the events go to.")
    String topic;

    @Option(
            names = "--properties",
            paramLabel = "FILE",
            description =
                    "Kafka client settings for a real cluster (SASL, TLS: security.protocol, sasl.jaas.config, …);"
                            + " secrets belong in this file, never on the command line.")
    Path properties;

    @Option(
            names = "--resume",
            paramLabel = "NAME",
            defaultValue = "default",
            description =
                    "The export's name: its checkpoint and its Kafka transactional id (default: ${DEFAULT-VALUE}).")
    String resume;

    @Option(
            names = "--retry-for",
            paramLabel = "DURATION",
            defaultValue = "PT5M",
            converter = DurationConverter.class,
            description = "How long to wait for a broker that went away mid-export, such as 30s, 5m (default: 5m).")
    Duration retryFor;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        source.validate(resume);
        PrintWriter err = spec.commandLine().getErr();
        try (EventSource events = input.open(err)) {
            UUID origin = events.origin();
            ExportTarget target = ExportTarget.at(bootstrapServers)
                    .option("topic", topic)
                    .option("properties", properties == null ? null : properties.toString())
                    .name(resume)
                    .origin(origin)
                    .source(input.location)
                    .build();
            return RetryingExport.exportTo(
                    () -> ExportSinks.named("kafka").open(target), events, "kafka", source, resume, retryFor, err);
        }
    }
}

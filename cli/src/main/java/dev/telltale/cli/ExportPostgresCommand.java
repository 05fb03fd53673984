package dev.telltale.cli;

import dev.telltale.api.export.ExactlyOnceExport;
import dev.telltale.api.export.ExportSinkProvider;
import dev.telltale.api.export.ExportTarget;
import dev.telltale.api.export.StreamSink;
import dev.telltale.api.source.EventSource;
import dev.telltale.export.kafka.KafkaStreamExport;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code telltale export postgres}: the events of a source into {@code events.log} and their
 * session entries into {@code sessions.log}, exactly once, through the library's
 * {@link ExactlyOnceExport} engine and the export sink named {@code postgres}. When the database goes
 * away mid-way, waits for it ({@link RetryingExport}, up to {@code --retry-for}) and continues from the
 * last commit.
 */
@Command(
        name = "postgres",
        mixinStandardHelpOptions = true,
        description = {
            "Exports events into PostgreSQL (events.log, sessions.log), exactly once:",
            "each batch is committed with its checkpoint; a rerun continues where the last stopped."
        })
final class ExportPostgresCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR|FILE",
            description = InputOption.LOCATION + " Not with --from-kafka.")
    String location;

    @Option(names = "--skip-damaged", description = InputOption.SKIP_DAMAGED)
    boolean skipDamaged;

    @Option(
            names = "--from-kafka",
            description = "Instead of DIR|FILE, read a Kafka topic that shippers write into (telltale export kafka),"
                    + " as the consumer group --group: exactly once, the group's offsets committed in the database"
                    + " with the rows.")
    boolean fromKafka;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT[,…]",
            description = "With --from-kafka: the cluster.")
    String bootstrapServers;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "With --from-kafka: the topic to read.")
    String topic;

    @Option(
            names = "--group",
            paramLabel = "GROUP",
            description = "With --from-kafka: the consumer group; consumers of one group share the partitions.")
    String group;

    @Option(
            names = "--kafka-properties",
            paramLabel = "FILE",
            description = "With --from-kafka: Kafka client settings (SASL, TLS); secrets belong in this file.")
    Path kafkaProperties;

    @Mixin
    ExportSourceOptions source;

    @Mixin
    DatabaseOptions db;

    @Option(
            names = "--resume",
            paramLabel = "NAME",
            defaultValue = "default",
            description = "The export's name, under which its checkpoint is kept (default: ${DEFAULT-VALUE}).")
    String resume;

    @Option(
            names = "--retry-for",
            paramLabel = "DURATION",
            defaultValue = "PT5M",
            converter = DurationConverter.class,
            description =
                    "How long to wait for a database that went away mid-export, such as 30s, 5m (default: 5m; 0: do not wait).")
    Duration retryFor;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        source.validate(resume);
        PrintWriter err = spec.commandLine().getErr();
        if (fromKafka) {
            return fromKafka(err);
        }
        if (location == null) {
            throw new ParameterException(
                    spec.commandLine(), "Missing required parameter: 'DIR|FILE' (or --from-kafka)");
        }
        if (bootstrapServers != null || topic != null || group != null || kafkaProperties != null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--bootstrap-servers, --topic, --group and --kafka-properties need --from-kafka");
        }
        InputOption input = InputOption.of(location, skipDamaged);
        try (EventSource events = input.open(err)) {
            UUID origin = events.origin();
            ExportTarget target = db.target()
                    .name(resume)
                    .origin(origin)
                    .source(input.location)
                    .build();
            return RetryingExport.exportTo(
                    () -> db.withSink(ExportSinkProvider::open, target),
                    events,
                    "postgres",
                    source,
                    resume,
                    retryFor,
                    err);
        }
    }

    /** {@code --from-kafka}: the consumer group's events into the database, exactly once. */
    private int fromKafka(PrintWriter err) throws IOException {
        if (location != null) {
            throw new ParameterException(spec.commandLine(), "--from-kafka reads no DIR|FILE, got '" + location + "'");
        }
        if (bootstrapServers == null || topic == null || group == null) {
            throw new ParameterException(
                    spec.commandLine(), "--from-kafka needs --bootstrap-servers, --topic and --group");
        }
        for (String sourceOnly : new String[] {"--resume", "--from", "--skip-damaged"}) {
            if (spec.commandLine().getParseResult().hasMatchedOption(sourceOnly)) {
                throw new ParameterException(
                        spec.commandLine(),
                        sourceOnly + " is for a DIR|FILE; with --from-kafka the group keeps the offsets");
            }
        }
        ExportTarget database = db.target().name(group).source("kafka " + topic).build();
        StreamSink sink = db.withSink(ExportSinkProvider::openStream, database);
        ExportTarget kafka = ExportTarget.at(bootstrapServers)
                .option("topic", topic)
                .option("properties", kafkaProperties == null ? null : kafkaProperties.toString())
                .build();
        Progress progress = Progress.onTerminal(err);
        long started = System.nanoTime();
        try (StopOnSignal stop = source.follow ? StopOnSignal.install() : null) {
            KafkaStreamExport.Builder consumer = KafkaStreamExport.builder()
                    .from(kafka)
                    .group(group)
                    .into(sink)
                    .progress(progress::update);
            KafkaStreamExport.Result result = stop == null
                    ? consumer.run()
                    : consumer.follow(stop::requested).run();
            progress.finish(result.written());
            err.println("wrote " + result.written() + " events from topic '" + topic + "' (group " + group + ") into "
                    + sink.describe() + String.format(" in %.1f s", (System.nanoTime() - started) / 1e9)
                    + (stop == null ? "" : "; stopped"));
            err.flush();
            return TelltaleMain.OK;
        }
    }
}

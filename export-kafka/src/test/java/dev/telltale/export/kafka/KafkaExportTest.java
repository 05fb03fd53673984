package dev.telltale.export.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import dev.telltale.api.DslEvent;
import dev.telltale.api.export.ExactlyOnceExport;
import dev.telltale.api.export.ExportCheckpoint;
import dev.telltale.api.export.ExportSink;
import dev.telltale.api.export.ExportTarget;
import dev.telltale.api.store.contract.ContractEvents;
import dev.telltale.api.testing.ListCursor;
import dev.telltale.export.kafka.testing.KafkaBroker;
import dev.telltale.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka sink against a real KRaft broker: exactly once, resumable, fencing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaExportTest {

    @TempDir
    static Path dir;

    private KafkaBroker broker;

    @BeforeAll
    void startTheBroker() throws Exception {
        broker = KafkaBroker.start(dir);
        String prepared = new KafkaSinkProvider()
                .prepare(ExportTarget.at(broker.bootstrapServers()).build());
        assertThat(prepared).startsWith("created the checkpoint topic 'telltale.checkpoints' (compacted)");
        assertThat(new KafkaSinkProvider()
                        .prepare(ExportTarget.at(broker.bootstrapServers()).build()))
                .endsWith(": nothing to do");
    }

    @AfterAll
    void stopTheBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private ExportSink sink(String topic, UUID origin, String name) throws java.io.IOException {
        return new KafkaSinkProvider()
                .open(ExportTarget.at(broker.bootstrapServers())
                        .option(KafkaSinkProvider.TOPIC, topic)
                        .origin(origin)
                        .name(name)
                        .build());
    }

    private ExactlyOnceExport.Result export(List<DslEvent> events, ExportSink sink, int batch) throws Exception {
        try (sink) {
            return ExactlyOnceExport.builder()
                    .source(after -> new ListCursor(events, after))
                    .sink(sink)
                    .batchSize(batch)
                    .run();
        }
    }

    @Test
    void everyEvent_arrivesOnce_withItsKeyAndHeaders_andARerunShipsNothing() throws Exception {
        broker.createTopic("every-kind", 3);
        UUID origin = UUID.randomUUID();
        List<DslEvent> events = ContractEvents.everyKind();

        ExactlyOnceExport.Result first = export(events, sink("every-kind", origin, "ship"), 7);
        ExactlyOnceExport.Result again = export(events, sink("every-kind", origin, "ship"), 7);

        assertThat(first.exported()).isEqualTo(events.size());
        assertThat(again.exported()).isZero();
        assertThat(again.exportedInAll()).isEqualTo(events.size());
        List<ConsumerRecord<String, byte[]>> records = broker.committed("every-kind");
        assertThat(records).hasSize(events.size());
        List<DslEvent> back = new ArrayList<>();
        records.sort((a, b) -> Long.compare(position(a), position(b)));
        for (ConsumerRecord<String, byte[]> record : records) {
            DslEvent event = EventJson.fromJson(new String(record.value(), StandardCharsets.UTF_8));
            back.add(event);
            assertThat(record.key())
                    .isEqualTo(
                            event.sessionId() == null ? null : event.sessionId().toString());
            assertThat(header(record, KafkaExportSink.HEADER_TYPE))
                    .isEqualTo(event.type().wireName());
            assertThat(header(record, KafkaExportSink.HEADER_ORIGIN)).isEqualTo(origin.toString());
            assertThat(header(record, KafkaExportSink.HEADER_VERSION)).isEqualTo("1");
        }
        assertThat(back).containsExactlyElementsOf(events);
    }

    @Test
    void aSecondShipperWithTheSameName_fencesTheFirst() throws Exception {
        broker.createTopic("fenced", 1);
        UUID origin = UUID.randomUUID();
        List<DslEvent> events = ContractEvents.everyKind();
        try (ExportSink first = sink("fenced", origin, "one");
                ExportSink second = sink("fenced", origin, "one")) {
            first.resume();
            first.write(events.subList(0, 2), new long[] {0, 7}, new ExportCheckpoint(7, 2));
            assertThat(second.resume()).isEqualTo(new ExportCheckpoint(7, 2));

            assertThatIOException()
                    .isThrownBy(() -> first.write(events.subList(2, 3), new long[] {14}, new ExportCheckpoint(14, 3)))
                    .withMessageContaining("another shipper took over the export 'one'");
            second.write(events.subList(2, 3), new long[] {14}, new ExportCheckpoint(14, 3));
        }
        assertThat(broker.committed("fenced")).hasSize(3);
    }

    @Test
    void anUnknownTopic_isOneLine() throws Exception {
        try (ExportSink sink = sink("no-such-topic", UUID.randomUUID(), "x")) {
            assertThatIOException().isThrownBy(sink::resume).withMessageStartingWith("no such topic 'no-such-topic'");
        }
    }

    private static long position(ConsumerRecord<String, byte[]> record) {
        return Long.parseLong(header(record, KafkaExportSink.HEADER_POSITION));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

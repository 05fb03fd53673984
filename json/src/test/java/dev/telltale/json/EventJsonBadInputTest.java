package dev.telltale.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.store.contract.ContractEvents;
import dev.telltale.json.testing.GoldenLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON that is no valid event: one exact, one-line reason; and the writer of many events. */
class EventJsonBadInputTest {

    @ParameterizedTest
    @MethodSource("dev.telltale.json.testing.BadJson#badLines")
    void fromJson_whenTheJsonIsNoValidEvent_saysExactlyWhy(String json, String reason) {
        assertThatThrownBy(() -> EventJson.fromJson(json)).isInstanceOfSatisfying(EventJsonException.class, e -> {
            assertThat(e).hasMessage(reason);
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.source()).isEmpty();
            assertThat(e.lineNumber()).isZero();
        });
    }

    @ParameterizedTest
    @MethodSource("dev.telltale.json.testing.BadJson#malformedLines")
    void fromJson_whenItIsNotJson_givesTheParsersReasonOnOneLine(String json, String reasonStart) {
        assertThatThrownBy(() -> EventJson.fromJson(json))
                .isInstanceOf(EventJsonException.class)
                .hasMessageStartingWith(reasonStart)
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("Source");
    }

    @Test
    void at_locatesTheProblem_keepingItsReasonAndCause() {
        EventJsonException bare = new EventJsonException("missing field 'verb'");

        EventJsonException located = bare.at("events.jsonl", 17);

        assertThat(located).hasMessage("events.jsonl:17: missing field 'verb'");
        assertThat(located.source()).contains("events.jsonl");
        assertThat(located.lineNumber()).isEqualTo(17);
        assertThat(located.reason()).isEqualTo("missing field 'verb'");
    }

    @Test
    void writer_writesObjects_andLinesThatReadBack() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DslEvent succeeded = ContractEvents.succeeded();
        DslEvent failed = ContractEvents.failed();
        try (EventJsonWriter writer = new EventJsonWriter(bytes)) {
            writer.write(succeeded);
            assertThat(bytes.toString(StandardCharsets.UTF_8))
                    .as("write leaves the object complete in the stream")
                    .isEqualTo(GoldenLines.GOLDEN_SUCCEEDED);
            writer.lineBreak();
            writer.writeLine(failed);
            writer.writeLine(succeeded);
            assertThat(bytes.size())
                    .as("writeLine buffers until flush")
                    .isEqualTo(GoldenLines.GOLDEN_SUCCEEDED.length());
            writer.flush();

            assertThat(bytes.toString(StandardCharsets.UTF_8))
                    .isEqualTo(GoldenLines.GOLDEN_SUCCEEDED + "\n" + GoldenLines.GOLDEN_FAILED + "\n"
                            + GoldenLines.GOLDEN_SUCCEEDED + "\n");
        }
    }

    @Test
    void writer_closesTheStream() throws IOException {
        boolean[] closed = new boolean[1];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        new EventJsonWriter(bytes).close();

        assertThat(closed[0]).isTrue();
    }
}

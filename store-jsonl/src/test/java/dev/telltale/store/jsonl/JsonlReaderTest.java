package dev.telltale.store.jsonl;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.store.contract.ContractEvents;
import dev.telltale.json.EventJson;
import dev.telltale.json.EventJsonException;
import dev.telltale.json.testing.GoldenLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonlReaderTest {

    private static final String GOOD = GoldenLines.GOLDEN_SUCCEEDED;

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("dev.telltale.json.testing.BadJson#badLines")
    void read_whenLineIsBad_namesFileLineAndProblem(String line, String reason) throws IOException {
        Path file = write(GOOD + "\n" + GOOD + "\n" + line + "\n" + GOOD + "\n");

        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.FAIL)) {
            reader.read();
            reader.read();
            assertThatThrownBy(reader::read).isInstanceOfSatisfying(EventJsonException.class, e -> {
                assertThat(e).hasMessage(file + ":3: " + reason);
                assertThat(e.source()).contains(file.toString());
                assertThat(e.lineNumber()).isEqualTo(3);
                assertThat(e.reason()).isEqualTo(reason);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.telltale.json.testing.BadJson#malformedLines")
    void read_whenLineIsNotJson_givesOneLineMessageNamingFileAndLine(String line, String reasonStart)
            throws IOException {
        Path file = write(line + "\n");

        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.FAIL)) {
            assertThatThrownBy(reader::read)
                    .isInstanceOf(EventJsonException.class)
                    .hasMessageStartingWith(file + ":1: " + reasonStart)
                    .hasMessageNotContaining("\n")
                    .hasMessageNotContaining("Source");
        }
    }

    @Test
    void read_whenLineIsCorrupt_namesFileAndLine() throws IOException {
        Path file = write(GOOD + "\n" + GOOD + "\n" + GOOD.replace("\"verb\"", "\"VERB\"") + "\n");

        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.FAIL);
                Stream<DslEvent> events = reader.events()) {
            assertThatThrownBy(events::toList)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage(file + ":3: missing field 'verb'")
                    .hasCauseInstanceOf(EventJsonException.class);
        }
    }

    @Test
    void read_afterABadLine_goesOnWithTheNextLine() throws IOException {
        Path file = write("oops\n" + GoldenLines.GOLDEN_STARTED + "\n");

        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.FAIL)) {
            assertThatThrownBy(reader::read).isInstanceOf(EventJsonException.class);
            assertThat(reader.read()).isEqualTo(ContractEvents.started());
            assertThat(reader.read()).isNull();
        }
    }

    @Test
    void read_withSkipPolicy_countsBadLinesAndReturnsTheRest() throws IOException {
        Path file = write(GoldenLines.GOLDEN_STARTED + "\n"
                + "garbage\n"
                + GOOD + "\n"
                + "{\"v\":9}\n"
                + GoldenLines.GOLDEN_ENDED + "\n"
                + GOOD.substring(0, 30));

        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.SKIP)) {
            assertThat(reader.events().toList())
                    .containsExactly(ContractEvents.started(), ContractEvents.succeeded(), ContractEvents.ended());
            assertThat(reader.skippedLines()).isEqualTo(3);
            assertThat(reader.firstSkipped())
                    .get()
                    .extracting(EventJsonException::getMessage)
                    .asString()
                    .startsWith(file + ":2: malformed JSON: Unrecognized token 'garbage'");
        }
    }

    @Test
    void read_withSkipPolicyAndNoBadLine_reportsNone() throws IOException {
        Path file = write(GOOD + "\n");

        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.SKIP)) {
            assertThat(reader.events().toList()).containsExactly(ContractEvents.succeeded());
            assertThat(reader.skippedLines()).isZero();
            assertThat(reader.firstSkipped()).isEmpty();
        }
    }

    @Test
    void read_ignoresBlankLinesButCountsThem() throws IOException {
        Path file = write("\n  \n\t\r\n" + GOOD + "\n\n" + "bad\n");

        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.FAIL)) {
            assertThat(reader.read()).isEqualTo(ContractEvents.succeeded());
            assertThatThrownBy(reader::read).hasMessageStartingWith(file + ":6: ");
        }
    }

    @Test
    void read_whenLastLineIsTornWithoutLineBreak_reportsItAsABadLine() throws IOException {
        Path file = write(GOOD + "\n" + GOOD.substring(0, GOOD.length() - 1));

        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.FAIL)) {
            assertThat(reader.read()).isEqualTo(ContractEvents.succeeded());
            assertThatThrownBy(reader::read)
                    .hasMessage(file + ":2: incomplete JSON object: the line ends early (a torn write?)");
        }
    }

    @Test
    void read_acceptsLastLineWithoutLineBreakAndCrLfLineEnds() throws IOException {
        Path file = write(GOOD + "\r\n" + GoldenLines.GOLDEN_ENDED);

        assertThat(TestEvents.readAll(file)).containsExactly(ContractEvents.succeeded(), ContractEvents.ended());
    }

    @Test
    void read_whenLineIsTooLong_reportsItAndGoesOn() throws IOException {
        Path file = write("{\"pad\":\"" + "x".repeat(JsonlReader.MAX_LINE_BYTES) + "\"}\n" + GOOD + "\n");

        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.FAIL)) {
            assertThatThrownBy(reader::read)
                    .hasMessage(file + ":1: line is longer than " + JsonlReader.MAX_LINE_BYTES + " bytes");
            assertThat(reader.read()).isEqualTo(ContractEvents.succeeded());
        }
    }

    @Test
    void read_whenLineIsNotUtf8_namesTheLine() throws IOException {
        byte[] latin = GOOD.replace("cbu.create", "cbu.cr\u00e9ate").getBytes(UTF_8);
        int firstByteOfE = new String(latin, ISO_8859_1).indexOf('\u00c3');
        latin[firstByteOfE + 1] = '(';
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((GOOD + "\n").getBytes(UTF_8));
        bytes.writeBytes(latin);
        Path file = Files.write(dir.resolve("events.jsonl"), bytes.toByteArray());

        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.FAIL)) {
            assertThat(reader.read()).isEqualTo(ContractEvents.succeeded());
            assertThatThrownBy(reader::read)
                    .hasMessageStartingWith(file + ":2: malformed JSON: Invalid UTF-8 middle byte 0x28");
        }
    }

    @Test
    void read_whenFileIsEmpty_returnsNull() throws IOException {
        try (JsonlReader reader = JsonlReader.open(write(""), BadLinePolicy.FAIL)) {
            assertThat(reader.read()).isNull();
        }
    }

    @Test
    void events_whenStreamIsClosed_closesTheReader() throws IOException {
        JsonlReader reader = JsonlReader.open(write(GOOD + "\n" + GOOD + "\n"), BadLinePolicy.FAIL);
        try (Stream<DslEvent> events = reader.events()) {
            assertThat(events.findFirst()).contains(ContractEvents.succeeded());
        }

        assertThatThrownBy(reader::read).isInstanceOf(IOException.class);
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("events.jsonl"), content, UTF_8);
    }

    @Test
    void toJson_sessionEntryOfTheLongestContent_fitsTheReadersLineLimit() throws IOException {
        DslEvent longest = ContractEvents.entry(
                EntryType.AGENT_THOUGHT,
                1,
                ContractEvents.longestContent(),
                new dev.telltale.api.EventRef(ContractEvents.SESSION, 1, "\u0001".repeat(256)));

        String line = EventJson.toJson(longest);

        assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                .isGreaterThan(6 << 20)
                .isLessThanOrEqualTo(JsonlReader.MAX_LINE_BYTES);
        assertThat(EventJson.fromJson(line)).isEqualTo(longest);
    }
}

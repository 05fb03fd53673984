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
import dev.telltale.json.GoldenLines;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonlReaderTest {

    private static final String GOOD = GoldenLines.GOLDEN_SUCCEEDED;
    private static final String COMMON = "'v':1,'ts':'2026-11-27T04:31:27.123456789Z',";
    private static final String SUCCEEDED = COMMON + "'type':'command_succeeded',";
    private static final String FAILED = COMMON + "'type':'command_failed','verb':'x','duration_ns':1,";
    private static final String ENDED = COMMON + "'type':'session_ended',";
    private static final String ENTRY =
            COMMON + "'type':'session_entry','entry':'response','entry_no':1," + "'source':'REPL','content':'c',";
    private static final String REF_SESSION = "'session':'0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b'";

    @TempDir
    Path dir;

    /** A bad line and exactly what the reader must say about it. */
    static Stream<Arguments> badLines() {
        return Stream.of(
                bad("[1,2]", "expected a JSON object, got an array"),
                bad("\"event\"", "expected a JSON object, got a string"),
                bad("\"unterminated", "expected a JSON object, got a string"),
                bad("42", "expected a JSON object, got an integer"),
                bad("null", "expected a JSON object, got null"),
                bad(
                        json("{'ts':'2026-11-27T04:31:27Z','type':'command_succeeded','verb':'x','duration_ns':1}"),
                        "missing field 'v'"),
                bad(json("{'v':1,'type':'command_succeeded','verb':'x','duration_ns':1}"), "missing field 'ts'"),
                bad(json("{" + COMMON + "'verb':'x','duration_ns':1}"), "missing field 'type'"),
                bad(json("{" + SUCCEEDED + "'duration_ns':1}"), "missing field 'verb'"),
                bad(json("{" + SUCCEEDED + "'verb':'x'}"), "missing field 'duration_ns'"),
                bad(json("{" + FAILED.substring(0, FAILED.length() - 1) + "}"), "missing field 'error'"),
                bad(json("{" + FAILED + "'error':{'message':'m','verb':'x'}}"), "missing field 'error.type'"),
                bad(json("{" + FAILED + "'error':{'type':'T','verb':'x'}}"), "missing field 'error.message'"),
                bad(json("{" + FAILED + "'error':{'type':'T','message':'m'}}"), "missing field 'error.verb'"),
                bad(json("{" + COMMON + "'type':'session_started'}"), "missing field 'source'"),
                bad(json("{" + ENDED + "'error_count':0,'duration_ns':1}"), "missing field 'command_count'"),
                bad(json("{" + ENDED + "'command_count':0,'duration_ns':1}"), "missing field 'error_count'"),
                bad(
                        json(
                                "{'v':7,'ts':'2026-11-27T04:31:27Z','type':'command_succeeded','verb':'x','duration_ns':1}"),
                        "unsupported schema version 7 (this reader knows 1)"),
                bad(
                        json(
                                "{'v':0,'ts':'2026-11-27T04:31:27Z','type':'command_succeeded','verb':'x','duration_ns':1}"),
                        "unsupported schema version 0 (this reader knows 1)"),
                bad(
                        json(
                                "{'v':'1','ts':'2026-11-27T04:31:27Z','type':'command_succeeded','verb':'x','duration_ns':1}"),
                        "field 'v' must be an integer, got a string"),
                bad(
                        json("{" + SUCCEEDED + "'verb':'x','duration_ns':'5'}"),
                        "field 'duration_ns' must be an integer, got a string"),
                bad(
                        json("{" + SUCCEEDED + "'verb':'x','duration_ns':1.5}"),
                        "field 'duration_ns' must be an integer, got a decimal number"),
                bad(
                        json("{" + SUCCEEDED + "'verb':'x','duration_ns':99999999999999999999}"),
                        "field 'duration_ns' is out of range: \"99999999999999999999\""),
                bad(
                        json("{" + SUCCEEDED + "'verb':'x','duration_ns':-1}"),
                        "field 'duration_ns' must not be negative, got -1"),
                bad(
                        json("{" + SUCCEEDED + "'verb':['x'],'duration_ns':1}"),
                        "field 'verb' must be a string, got an array"),
                bad(
                        json("{" + SUCCEEDED + "'verb':' ','duration_ns':1}"),
                        "invalid command_succeeded event: verb must not be blank"),
                bad(
                        json("{" + SUCCEEDED + "'session':'not-a-uuid','verb':'x','duration_ns':1}"),
                        "field 'session' is not a UUID: \"not-a-uuid\""),
                bad(
                        json("{" + SUCCEEDED + "'session':'1-2-3-4-5','verb':'x','duration_ns':1}"),
                        "field 'session' is not a UUID: \"1-2-3-4-5\""),
                bad(
                        json("{" + SUCCEEDED + "'session':12,'verb':'x','duration_ns':1}"),
                        "field 'session' must be a string, got an integer"),
                bad(
                        json("{'v':1,'ts':'yesterday','type':'command_succeeded','verb':'x','duration_ns':1}"),
                        "field 'ts' is not an ISO-8601 UTC instant: \"yesterday\""),
                bad(
                        json(
                                "{'v':1,'ts':'+300000-01-01T00:00:00Z','type':'command_succeeded','verb':'x','duration_ns':1}"),
                        "field 'ts' is out of range (years 1677 to 2262): \"+300000-01-01T00:00:00Z\""),
                bad(json("{" + COMMON + "'type':'command_exploded'}"), "unknown event type \"command_exploded\""),
                bad(
                        json("{" + COMMON + "'type':'session_started','source':'TELNET'}"),
                        "unknown session source \"TELNET\""),
                bad(json("{" + FAILED + "'error':'boom'}"), "field 'error' must be an object, got a string"),
                bad(
                        json("{" + FAILED + "'error':{'type':'T','message':'m','verb':'x','http_status':'404'}}"),
                        "field 'error.http_status' must be an integer, got a string"),
                bad(
                        json("{" + FAILED + "'error':{'type':'T','message':'m','verb':'x','http_status':700}}"),
                        "invalid command_failed event: httpStatus must lie in 100..599, got 700"),
                bad(
                        json("{" + FAILED + "'error':{'type':'T','message':'m','verb':'x','http_status':4294967700}}"),
                        "field 'error.http_status' is out of range: 4294967700"),
                bad(
                        json("{" + ENDED + "'command_count':2,'error_count':3,'duration_ns':1}"),
                        "invalid session_ended event: need 0 <= errorCount <= commandCount, got errorCount=3 commandCount=2"),
                bad(
                        json("{" + COMMON + "'type':'session_entry','entry_no':1,'source':'REPL','content':'c'}"),
                        "missing field 'entry'"),
                bad(
                        json("{" + COMMON + "'type':'session_entry','entry':'error','source':'REPL','content':'c'}"),
                        "missing field 'entry_no'"),
                bad(
                        json("{" + COMMON + "'type':'session_entry','entry':'error','entry_no':1,'content':'c'}"),
                        "missing field 'source'"),
                bad(
                        json("{" + COMMON + "'type':'session_entry','entry':'error','entry_no':1,'source':'REPL'}"),
                        "missing field 'content'"),
                bad(json("{" + ENTRY.replace("'response'", "'shout'") + "'x':0}"), "unknown entry type \"shout\""),
                bad(
                        json("{" + ENTRY.replace("'entry_no':1", "'entry_no':0") + "'x':0}"),
                        "field 'entry_no' must be positive, got 0"),
                bad(
                        json("{" + ENTRY.replace("'entry_no':1", "'entry_no':'1'") + "'x':0}"),
                        "field 'entry_no' must be an integer, got a string"),
                bad(
                        json("{" + ENTRY.replace("'content':'c'", "'content':null") + "'x':0}"),
                        "field 'content' must be a string, got null"),
                bad(
                        json("{" + ENTRY.replace("'source':'REPL'", "'source':' '") + "'x':0}"),
                        "invalid session_entry event: source must not be blank"),
                bad(json("{" + ENTRY + "'event':'cbu.create'}"), "field 'event' must be an object, got a string"),
                bad(
                        json("{" + ENTRY + "'event':{'ts':'2026-11-27T04:31:27Z','verb':'v'}}"),
                        "missing field 'event.session'"),
                bad(json("{" + ENTRY + "'event':{" + REF_SESSION + ",'verb':'v'}}"), "missing field 'event.ts'"),
                bad(
                        json("{" + ENTRY + "'event':{" + REF_SESSION + ",'ts':'2026-11-27T04:31:27Z'}}"),
                        "missing field 'event.verb'"),
                bad(
                        json("{" + ENTRY + "'event':{'session':'x','ts':'2026-11-27T04:31:27Z','verb':'v'}}"),
                        "field 'event.session' is not a UUID: \"x\""),
                bad(
                        json("{" + ENTRY + "'event':{" + REF_SESSION + ",'ts':'soon','verb':'v'}}"),
                        "field 'event.ts' is not an ISO-8601 UTC instant: \"soon\""),
                bad(
                        json("{" + ENTRY + "'event':{" + REF_SESSION + ",'ts':'2026-11-27T04:31:27Z','verb':' '}}"),
                        "field 'event.verb' must not be blank"),
                bad(
                        json("{" + ENTRY + "'event':{" + REF_SESSION + ",'ts':'2026-11-27T04:31:27Z','verb':7}}"),
                        "field 'event.verb' must be a string, got an integer"),
                bad(GOOD + " " + GOOD, "unexpected content after the JSON object"),
                bad(GOOD.substring(0, 50), "incomplete JSON object: the line ends early (a torn write?)"),
                bad("{\"v\":1,", "incomplete JSON object: the line ends early (a torn write?)"),
                bad("{\"v\":tr", "incomplete JSON object: the line ends early (a torn write?)"));
    }

    /** Lines the JSON parser rejects, and how the reader's message starts. */
    static Stream<Arguments> malformedLines() {
        return Stream.of(
                bad("hello", "malformed JSON: Unrecognized token 'hello'"),
                bad("{'v':1}", "malformed JSON: Unexpected character ('''"),
                bad(GOOD + "}", "malformed JSON: Unexpected close marker '}'"),
                bad(json("{'v':1,'v':1}"), "malformed JSON: Duplicate field 'v'"),
                bad(json("{'v':1,'x':}"), "malformed JSON: Unexpected character ('}' (code 125)): expected a value"));
    }

    @ParameterizedTest
    @MethodSource("badLines")
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
    @MethodSource("malformedLines")
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

    private static Arguments bad(String line, String reason) {
        return Arguments.of(line, reason);
    }

    /** JSON written with single quotes, for legibility. */
    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
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

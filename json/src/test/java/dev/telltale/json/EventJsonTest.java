package dev.telltale.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.store.contract.ContractEvents;
import dev.telltale.json.testing.GoldenLines;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonTest {

    static Stream<Arguments> goldenLines() {
        return Stream.of(
                Arguments.of(ContractEvents.succeeded(), GoldenLines.GOLDEN_SUCCEEDED),
                Arguments.of(ContractEvents.failed(), GoldenLines.GOLDEN_FAILED),
                Arguments.of(ContractEvents.started(), GoldenLines.GOLDEN_STARTED),
                Arguments.of(ContractEvents.ended(), GoldenLines.GOLDEN_ENDED),
                Arguments.of(ContractEvents.entry(), GoldenLines.GOLDEN_ENTRY),
                Arguments.of(ContractEvents.account(), GoldenLines.GOLDEN_ACCOUNT),
                Arguments.of(
                        ContractEvents.entry(EntryType.USER_INPUT, 1, "hello", null),
                        GoldenLines.GOLDEN_ENTRY_WITHOUT_EVENT));
    }

    static Stream<DslEvent> everyKind() {
        return ContractEvents.everyKind().stream();
    }

    @ParameterizedTest
    @MethodSource("goldenLines")
    void toJson_writesTheGoldenLine(DslEvent event, String golden) {
        assertThat(EventJson.toJson(event)).isEqualTo(golden);
    }

    @ParameterizedTest
    @MethodSource("goldenLines")
    void fromJson_readsTheGoldenLine(DslEvent event, String golden) throws EventJsonException {
        assertThat(EventJson.fromJson(golden)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void toJsonThenFromJson_givesTheSameEventOnOneLine(DslEvent event) throws EventJsonException {
        String line = EventJson.toJson(event);

        assertThat(line).doesNotContain("\n", "\r");
        assertThat(EventJson.fromJson(line)).isEqualTo(event);
    }

    @Test
    void toJson_withoutSession_leavesTheFieldOut() {
        DslEvent event = DslEvent.succeeded(ContractEvents.EPOCH_NANOS, null, "cbu.list", 0);

        assertThat(EventJson.toJson(event)).isEqualTo("""
                {"v":1,"ts":"2026-11-27T04:31:27.123456789Z","type":"command_succeeded","verb":"cbu.list","duration_ns":0}""");
    }

    @Test
    void toJson_writesNonAsciiAsUtf8AndEscapesControlsAndAstralChars() {
        DslEvent event = DslEvent.succeeded(ContractEvents.EPOCH_NANOS, null, "café\t\"\\\uD83D\uDE00\uD800", 0);

        assertThat(EventJson.toJson(event)).contains("""
                "verb":"café\\t\\"\\\\\\uD83D\\uDE00\\uD800\"""");
    }

    @Test
    void toJson_sessionEntry_escapesHostileContentIntoOneLineThatReadsBackExactly() throws EventJsonException {
        DslEvent hostile = ContractEvents.entry(EntryType.ERROR, 9, ContractEvents.HOSTILE_CONTENT, ContractEvents.REF);

        String line = EventJson.toJson(hostile);

        assertThat(line)
                .contains("\\u0000nul", "\\uDC00 lone low", "\\uDE00\\uD83D reversed", "DROP TABLE")
                .doesNotContain("\u0000", "\n", "\r");
        assertThat(EventJson.fromJson(line)).isEqualTo(hostile);
    }

    @Test
    void fromJson_sessionEntryWithNullEvent_readsItAsAbsent() throws EventJsonException {
        String line = GoldenLines.GOLDEN_ENTRY_WITHOUT_EVENT.replace("}", ",\"event\":null}");

        assertThat(EventJson.fromJson(line)).isEqualTo(ContractEvents.entry(EntryType.USER_INPUT, 1, "hello", null));
    }

    @Test
    void fromJson_acceptsFieldsInAnyOrder() throws EventJsonException {
        String line = """
                {"error":{"verb":"cbu.create","http_status":409,"source_id":"cbu-42","message":"exists",\
                "type":"java.lang.IllegalStateException"},"duration_ns":2500,"verb":"cbu.create",\
                "type":"command_failed","session":"0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b",\
                "ts":"2026-11-27T04:31:27.123456789Z","v":1}""";

        assertThat(EventJson.fromJson(line)).isEqualTo(ContractEvents.failed());
    }

    @Test
    void fromJson_ignoresUnknownFieldsAtAnyDepth() throws EventJsonException {
        String line = """
                {"host":"a","v":1,"trace":{"id":[1,{"deep":null}],"n":2.5},"ts":"2026-11-27T04:31:27.123456789Z",\
                "session":"0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b","type":"command_failed","verb":"cbu.create",\
                "duration_ns":2500,"error":{"type":"java.lang.IllegalStateException","cause":{"type":"x"},\
                "message":"exists","source_id":"cbu-42","http_status":409,"verb":"cbu.create","stack":["a","b"]},\
                "tags":[],"source":"REPL","command_count":3}""";

        assertThat(EventJson.fromJson(line)).isEqualTo(ContractEvents.failed());
    }

    @Test
    void fromJson_readsNullSessionAndNullOptionalErrorFieldsAsAbsent() throws EventJsonException {
        String line = """
                {"v":1,"ts":"2026-11-27T04:31:27.123456789Z","session":null,"type":"command_failed","verb":"v",\
                "duration_ns":1,"error":{"type":"T","message":"","source_id":null,"http_status":null,"verb":"v"}}""";

        DslEvent event = EventJson.fromJson(line);

        assertThat(event.sessionId()).isNull();
        assertThat(EventJson.toJson(event)).isEqualTo("""
                {"v":1,"ts":"2026-11-27T04:31:27.123456789Z","type":"command_failed","verb":"v",\
                "duration_ns":1,"error":{"type":"T","message":"","verb":"v"}}""");
    }

    @Test
    void fromJson_whenSchemaVersionIsTooNew_saysSoBeforeJudgingOtherFields() {
        String line = """
                {"v":2,"ts":1700000000,"type":"command_teleported","verb":{"name":"x"}}""";

        assertThatThrownBy(() -> EventJson.fromJson(line))
                .isInstanceOf(EventJsonException.class)
                .hasMessage("unsupported schema version 2 (this reader knows 1)");
    }

    @Test
    void fromJson_whenValueIsHugeOrHasLineBreaks_quotesItCutAndOnOneLine() {
        String hugeType = "bad\nline\r" + "x".repeat(100_000);
        String line = "{\"v\":1,\"ts\":\"2026-11-27T04:31:27Z\",\"type\":\""
                + hugeType.replace("\n", "\\n").replace("\r", "\\r") + "\"}";

        assertThatThrownBy(() -> EventJson.fromJson(line))
                .isInstanceOf(EventJsonException.class)
                .hasMessage("unknown event type \"bad\\nline\\r" + "x".repeat(55) + "\"...");
    }

    @Test
    void fromJson_whenLineIsBad_namesNoFileOrLine() {
        assertThatThrownBy(() -> EventJson.fromJson("[]")).isInstanceOfSatisfying(EventJsonException.class, e -> {
            assertThat(e).hasMessage("expected a JSON object, got an array");
            assertThat(e.source()).isEmpty();
            assertThat(e.lineNumber()).isZero();
            assertThat(e.reason()).isEqualTo(e.getMessage());
        });
    }
}

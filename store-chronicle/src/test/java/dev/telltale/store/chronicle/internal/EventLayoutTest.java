package dev.telltale.store.chronicle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.ErrorSnapshot;
import dev.telltale.api.EventClock;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventPayload.CommandFailed;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventRef;
import dev.telltale.api.SessionSource;
import dev.telltale.api.store.contract.ContractEvents;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventLayoutTest {

    private static final long EPOCH_NANOS = EventClock.toEpochNanos(Instant.parse("2026-11-27T04:31:27.123456789Z"));
    private static final UUID SESSION = UUID.fromString("0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b");

    /** Layout version 1 of a command that succeeded in a session. Changing this breaks every file written. */
    private static final String GOLDEN_SUCCEEDED = "010101" + "15430562a5cceb18" + "5e4f1d3c528a7e0b"
            + "2b1a0f9e8d7c6b9a" + "0a" + "6362752e637265617465" + "dc05000000000000";

    /** Layout version 1 of a session end outside any session. */
    private static final String GOLDEN_ENDED =
            "010400" + "15430562a5cceb18" + "0c00000000000000" + "0200000000000000" + "005ed0b200000000";

    /** Layout version 1, type 5: a DSL command entry in a session, referring to its command's event. */
    private static final String GOLDEN_ENTRY = "010501" + "15430562a5cceb18" + "5e4f1d3c528a7e0b" + "2b1a0f9e8d7c6b9a"
            + "03" + "0300000000000000" + "04" + "5245504c" + "02" + "6f6b" + "01"
            + "5e4f1d3c528a7e0b" + "2b1a0f9e8d7c6b9a" + "15430562a5cceb18" + "0a" + "6362752e637265617465";

    /** Where a session entry's entry type code lies: after version, type, flags, epochNanos and session id. */
    private static final int ENTRY_TYPE_OFFSET = 27;
    // Then i64 entryNo at 28, the source "REPL" (1 + 4 bytes), the content "ok" (1 + 2), the entry flags at 44.

    private final EncodedTextCache texts = new EncodedTextCache(16);

    @Test
    void write_succeededInASession_isTheGoldenVersion1Bytes() {
        DslEvent event = DslEvent.succeeded(EPOCH_NANOS, SESSION, "cbu.create", 1_500);

        assertThat(HexFormat.of().formatHex(encode(event))).isEqualTo(GOLDEN_SUCCEEDED);
    }

    @Test
    void write_sessionEndedWithoutSession_isTheGoldenVersion1Bytes() {
        DslEvent event = DslEvent.sessionEnded(EPOCH_NANOS, null, 12, 2, 3_000_000_000L);

        assertThat(HexFormat.of().formatHex(encode(event))).isEqualTo(GOLDEN_ENDED);
    }

    @Test
    void read_goldenVersion1Bytes_givesTheEvent() throws EventFormatException {
        byte[] bytes = HexFormat.of().parseHex(GOLDEN_SUCCEEDED);

        assertThat(EventLayout.read(bytes, bytes.length))
                .isEqualTo(DslEvent.succeeded(EPOCH_NANOS, SESSION, "cbu.create", 1_500));
    }

    @Test
    void writeThenRead_everyPayloadAndOptionalPart_roundTrips() throws EventFormatException {
        List<DslEvent> events = List.of(
                DslEvent.succeeded(EPOCH_NANOS, null, "v", 0),
                failed(new ErrorSnapshot("T", "", null, null, "v")),
                failed(new ErrorSnapshot("T", "m", "src", null, "v")),
                failed(new ErrorSnapshot("T", "m", null, 599, "v")),
                failed(new ErrorSnapshot("T", "x".repeat(500), "s".repeat(200), 100, "w".repeat(256))),
                DslEvent.sessionStarted(Long.MIN_VALUE, SESSION, SessionSource.MCP),
                DslEvent.sessionEnded(Long.MAX_VALUE, SESSION, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
        for (DslEvent event : events) {
            byte[] bytes = encode(event);

            assertThat(EventLayout.read(bytes, bytes.length)).isEqualTo(event);
        }
    }

    @Test
    void write_sessionEntryWithARef_isTheGoldenVersion1Bytes() throws EventFormatException {
        DslEvent entry = entry(EntryType.DSL_COMMAND, "ok", new EventRef(SESSION, EPOCH_NANOS, "cbu.create"));
        byte[] golden = HexFormat.of().parseHex(GOLDEN_ENTRY);

        assertThat(HexFormat.of().formatHex(encode(entry))).isEqualTo(GOLDEN_ENTRY);
        assertThat(EventLayout.read(golden, golden.length)).isEqualTo(entry);
    }

    /** Type 6, a final account: since is a second before; 3 + 1 + 0 dropped and 2 lost; totals 1000, 994, 4, 2. */
    private static final String GOLDEN_ACCOUNT = "010600" + "15430562a5cceb18" + "01" + "15796a26a5cceb18"
            + "0300000000000000" + "0100000000000000" + "0000000000000000" + "0200000000000000"
            + "e803000000000000" + "e203000000000000" + "0400000000000000" + "0200000000000000";

    @Test
    void write_recorderAccount_isTheGoldenVersion1Bytes() throws EventFormatException {
        DslEvent account = dev.telltale.api.store.contract.ContractEvents.account();
        byte[] golden = HexFormat.of().parseHex(GOLDEN_ACCOUNT);

        assertThat(HexFormat.of().formatHex(encode(account))).isEqualTo(GOLDEN_ACCOUNT);
        assertThat(EventLayout.read(golden, golden.length)).isEqualTo(account);
        golden[11] = 3; // an account flag no version-1 writer sets
        assertThatThrownBy(() -> EventLayout.read(golden, golden.length))
                .isInstanceOf(EventFormatException.class)
                .hasMessage("unknown account flags 0x3");
    }

    @Test
    void write_entryTypes_haveFixedCodes() {
        Map<EntryType, Integer> codes = Map.of(
                EntryType.USER_INPUT,
                1,
                EntryType.AGENT_THOUGHT,
                2,
                EntryType.DSL_COMMAND,
                3,
                EntryType.RESPONSE,
                4,
                EntryType.ERROR,
                5);

        for (EntryType type : EntryType.values()) {
            assertThat(encode(entry(type, "c", null))[ENTRY_TYPE_OFFSET])
                    .as(type.name())
                    .isEqualTo(codes.get(type).byteValue());
        }
        assertThat(codes).hasSameSizeAs(EntryType.values());
    }

    @Test
    void writeThenRead_everyContractEvent_roundTrips() throws EventFormatException {
        for (DslEvent event : ContractEvents.everyKind()) {
            byte[] bytes = encode(event);

            assertThat(EventLayout.read(bytes, bytes.length)).isEqualTo(event);
        }
    }

    @Test
    void writeThenRead_hostileContent_roundTripsExactly() throws EventFormatException {
        DslEvent hostile = entry(
                EntryType.USER_INPUT,
                ContractEvents.HOSTILE_CONTENT,
                new EventRef(SESSION, Long.MIN_VALUE, ContractEvents.HOSTILE_TEXT));
        byte[] bytes = encode(hostile);

        assertThat(EventLayout.read(bytes, bytes.length)).isEqualTo(hostile);
    }

    @Test
    void write_theLargestSessionEntry_fitsMaxEventBytesAndItsReservation() throws EventFormatException {
        String longest = "\u0800".repeat(EventPayload.MAX_VERB_LENGTH);
        DslEvent entry = DslEvent.sessionEntry(
                EPOCH_NANOS,
                SESSION,
                new SessionEntry(
                        EntryType.AGENT_THOUGHT,
                        Long.MAX_VALUE,
                        longest,
                        ContractEvents.longestContent(),
                        new EventRef(SESSION, EPOCH_NANOS, longest)));
        byte[] bytes = encode(entry);

        assertThat((long) bytes.length)
                .isGreaterThan(3L * EventPayload.MAX_CONTENT_LENGTH)
                .isLessThanOrEqualTo(EventLayout.MAX_EVENT_BYTES)
                .isLessThanOrEqualTo(EventLayout.entryTextBytes(entry) + QueueWriter.BYTES_PER_EVENT_RESERVED);
        assertThat(EventLayout.read(bytes, bytes.length)).isEqualTo(entry);
    }

    @Test
    void entryTextBytes_ofAnyOtherEvent_isZero() {
        assertThat(EventLayout.entryTextBytes(DslEvent.succeeded(EPOCH_NANOS, SESSION, "v".repeat(256), 1)))
                .isZero();
    }

    @ParameterizedTest(name = "byte {0} set to {1}")
    @CsvSource({
        "27, 9, unknown entry type 9",
        "44, 3, unknown entry flags 0x3",
        "28, 0, 'invalid event: entryNo must be positive, got 0'"
    })
    void read_sessionEntryWithAByteChanged_saysWhatIsWrong(int offset, byte value, String message) {
        byte[] bytes = HexFormat.of().parseHex(GOLDEN_ENTRY);
        bytes[offset] = value;

        assertThatThrownBy(() -> EventLayout.read(bytes, bytes.length))
                .isInstanceOf(EventFormatException.class)
                .hasMessage(message);
    }

    @Test
    void read_unknownLayoutVersion_namesTheVersion() {
        byte[] bytes = HexFormat.of().parseHex(GOLDEN_SUCCEEDED);
        bytes[0] = 7;

        assertThatThrownBy(() -> EventLayout.read(bytes, bytes.length))
                .isInstanceOf(EventFormatException.class)
                .hasMessageStartingWith("unknown layout version 7 (this reader knows 1");
    }

    @Test
    void read_unknownType_namesTheType() {
        byte[] bytes = HexFormat.of().parseHex(GOLDEN_SUCCEEDED);
        bytes[1] = 9;

        assertThatThrownBy(() -> EventLayout.read(bytes, bytes.length))
                .isInstanceOf(EventFormatException.class)
                .hasMessage("unknown event type 9");
    }

    @ParameterizedTest
    @ValueSource(strings = {GOLDEN_SUCCEEDED, GOLDEN_ENDED, GOLDEN_ENTRY})
    void read_eachCutShortPrefix_failsAsCutShortOrInvalid(String golden) {
        byte[] bytes = HexFormat.of().parseHex(golden);
        for (int length = 0; length < bytes.length; length++) {
            int cut = length;
            assertThatThrownBy(() -> EventLayout.read(Arrays.copyOf(bytes, cut), cut))
                    .as("first %d bytes", cut)
                    .isInstanceOf(EventFormatException.class);
        }
    }

    @Test
    void read_trailingBytes_isInvalid() {
        byte[] bytes = Arrays.copyOf(HexFormat.of().parseHex(GOLDEN_SUCCEEDED), 48);

        assertThatThrownBy(() -> EventLayout.read(bytes, bytes.length))
                .isInstanceOf(EventFormatException.class)
                .hasMessage("2 trailing bytes after the event");
    }

    @Test
    void read_textLengthPastTheEnd_namesIt() {
        byte[] bytes = HexFormat.of().parseHex(GOLDEN_SUCCEEDED);
        bytes[27] = 0x7f;

        assertThatThrownBy(() -> EventLayout.read(bytes, bytes.length))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("text of 127 bytes at byte 28 runs past the 46-byte event");
    }

    @Test
    void read_blankVerb_isAnInvalidEvent() {
        byte[] bytes =
                HexFormat.of().parseHex(GOLDEN_SUCCEEDED.replace("6362752e637265617465", "20202020202020202020"));

        assertThatThrownBy(() -> EventLayout.read(bytes, bytes.length))
                .isInstanceOf(EventFormatException.class)
                .hasMessage("invalid event: verb must not be blank");
    }

    private byte[] encode(DslEvent event) {
        Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(64);
        try {
            EventLayout.write(bytes, event, texts);
            return bytes.toByteArray();
        } finally {
            bytes.releaseLast();
        }
    }

    private static DslEvent entry(EntryType type, String content, EventRef ref) {
        return DslEvent.sessionEntry(EPOCH_NANOS, SESSION, new SessionEntry(type, 3, "REPL", content, ref));
    }

    private static DslEvent failed(ErrorSnapshot error) {
        return new DslEvent(EPOCH_NANOS, SESSION, new CommandFailed(error.verb(), 2_500, error));
    }
}

package dev.telltale.api.store.contract;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.ErrorSnapshot;
import dev.telltale.api.EventClock;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventPayload.CommandFailed;
import dev.telltale.api.EventPayload.RecorderAccount;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventRef;
import dev.telltale.api.SessionSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Events that exercise every part of an event: every payload type, with and without a session, every
 * optional part present and absent, extreme timestamps and hostile text. Shared by every store's
 * tests through the api test jar.
 */
public final class ContractEvents {

    public static final long EPOCH_NANOS = EventClock.toEpochNanos(Instant.parse("2026-11-27T04:31:27.123456789Z"));
    public static final UUID SESSION = UUID.fromString("0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b");

    /** Quotes, backslashes, control chars, a surrogate pair, a lone surrogate, a line separator. */
    public static final String HOSTILE_TEXT =
            "naïve \"quoted\" back\\slash\ttab\nnewline\rreturn\u0000nul\u001f \uD83D\uDE00 lone\uD800 \u2028 end";

    /**
     * Session-log content no store may change: {@link #HOSTILE_TEXT}, every C0 and C1 control (NUL
     * included), a lone low surrogate and a reversed pair, and SQL and JSON that try to break out.
     */
    public static final String HOSTILE_CONTENT;

    static {
        StringBuilder content = new StringBuilder(HOSTILE_TEXT).append(" controls:");
        for (char c = 0; c < 0xa0; c++) {
            if (Character.isISOControl(c)) {
                content.append(c);
            }
        }
        HOSTILE_CONTENT = content.append(" \uDC00 lone low, \uDE00\uD83D reversed, '); DROP TABLE sessions; -- ")
                .append("\"},\"type\":\"command_succeeded\" \\u0000 \\")
                .toString();
    }

    /** The command event {@link #entry()} refers to: {@link #succeeded()}. */
    public static final EventRef REF = new EventRef(SESSION, EPOCH_NANOS, "cbu.create");

    private ContractEvents() {}

    public static DslEvent succeeded() {
        return DslEvent.succeeded(EPOCH_NANOS, SESSION, "cbu.create", 1_500);
    }

    public static DslEvent succeeded(long epochNanos, String verb) {
        return DslEvent.succeeded(epochNanos, SESSION, verb, 1_500);
    }

    public static DslEvent failed() {
        return failed(
                SESSION, new ErrorSnapshot("java.lang.IllegalStateException", "exists", "cbu-42", 409, "cbu.create"));
    }

    public static DslEvent started() {
        return DslEvent.sessionStarted(EPOCH_NANOS, SESSION, SessionSource.REPL);
    }

    /** The final account of a recorder that dropped 4 events (3 when its queue was full) and lost 2. */
    public static DslEvent account() {
        return DslEvent.recorderAccount(
                EPOCH_NANOS, new RecorderAccount(true, EPOCH_NANOS - 1_000_000_000L, 3, 1, 0, 2, 1000, 994, 4, 2));
    }

    public static DslEvent ended() {
        return DslEvent.sessionEnded(EPOCH_NANOS, SESSION, 12, 2, 3_000_000_000L);
    }

    /** A session's third entry, a DSL command referring to its event ({@link #REF}). */
    public static DslEvent entry() {
        return entry(EntryType.DSL_COMMAND, 3, "(cbu.create :name \"x\")", REF);
    }

    /** An entry logged in {@link #SESSION} by {@code REPL}, 200 ns after {@link #EPOCH_NANOS}. */
    public static DslEvent entry(EntryType type, long entryNo, String content, EventRef ref) {
        return DslEvent.sessionEntry(EPOCH_NANOS + 200, SESSION, new SessionEntry(type, entryNo, "REPL", content, ref));
    }

    /**
     * Session-log content of exactly {@link EventPayload#MAX_CONTENT_LENGTH} chars that takes the most
     * bytes any form gives a char: lone surrogates (3 bytes of WTF-8, 6 as a JSON escape each).
     */
    public static String longestContent() {
        return "\uD800".repeat(EventPayload.MAX_CONTENT_LENGTH);
    }

    /**
     * 10 Mi chars of session-log content whose cut at {@link EventPayload#MAX_CONTENT_LENGTH} falls
     * inside a surrogate pair: an entry keeps its first {@code MAX_CONTENT_LENGTH - 1} chars.
     */
    public static String oversizedContent() {
        int max = EventPayload.MAX_CONTENT_LENGTH;
        return "x".repeat(max - 1) + "\uD83D\uDE00" + "y".repeat((10 << 20) - max - 1);
    }

    /** Every payload type, with and without a session, and every optional part present and absent. */
    public static List<DslEvent> everyKind() {
        List<DslEvent> events = new ArrayList<>(List.of(
                succeeded(),
                DslEvent.succeeded(EPOCH_NANOS, null, "cbu.list", 0),
                DslEvent.succeeded(0, SESSION, "at.the.epoch", Long.MAX_VALUE),
                DslEvent.succeeded(-1, SESSION, "before.the.epoch", 1),
                DslEvent.succeeded(Long.MIN_VALUE, SESSION, "x".repeat(256), 1),
                DslEvent.succeeded(EPOCH_NANOS - 123_456_789, SESSION, "whole.second", 1),
                failed(),
                failed(null, new ErrorSnapshot("com.example.Dsl$NotFound", "", null, null, "cbu.get")),
                failed(SESSION, new ErrorSnapshot("java.lang.RuntimeException", HOSTILE_TEXT, HOSTILE_TEXT, null, "x")),
                failed(SESSION, new ErrorSnapshot("java.io.IOException", "gone", null, 503, "cbu.fetch")),
                failed(SESSION, new ErrorSnapshot("E", "\u0436".repeat(500), "\uD800".repeat(200), 100, "y")),
                DslEvent.succeeded(EPOCH_NANOS, SESSION, HOSTILE_TEXT, 7),
                ended(),
                DslEvent.sessionEnded(EPOCH_NANOS, null, 0, 0, 0)));
        for (SessionSource source : SessionSource.values()) {
            events.add(DslEvent.sessionStarted(EPOCH_NANOS, UUID.randomUUID(), source));
        }
        events.add(account());
        events.add(DslEvent.recorderAccount(
                Long.MAX_VALUE,
                new RecorderAccount(
                        false,
                        Long.MIN_VALUE,
                        Long.MAX_VALUE,
                        Long.MAX_VALUE,
                        Long.MAX_VALUE,
                        Long.MAX_VALUE,
                        Long.MAX_VALUE,
                        Long.MAX_VALUE,
                        Long.MAX_VALUE,
                        Long.MAX_VALUE)));
        events.add(DslEvent.recorderAccount(0, new RecorderAccount(false, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        long entryNo = 1;
        for (EntryType type : EntryType.values()) {
            events.add(entry(type, entryNo++, "a " + type.wireName(), null));
            events.add(entry(type, entryNo++, "a " + type.wireName() + " with its command", REF));
        }
        events.add(entry());
        events.add(entry(EntryType.RESPONSE, Long.MAX_VALUE, "", null));
        events.add(entry(EntryType.USER_INPUT, 1, HOSTILE_CONTENT, null));
        events.add(DslEvent.sessionEntry(
                Long.MIN_VALUE,
                null,
                new SessionEntry(
                        EntryType.ERROR,
                        1,
                        HOSTILE_TEXT,
                        HOSTILE_TEXT,
                        new EventRef(UUID.randomUUID(), Long.MAX_VALUE, HOSTILE_TEXT))));
        return events;
    }

    /** A failed command with the given error. */
    public static DslEvent failed(UUID session, ErrorSnapshot error) {
        return new DslEvent(EPOCH_NANOS, session, new CommandFailed(error.verb(), 2_500, error));
    }
}

package dev.telltale.api.store.contract;

import dev.telltale.api.DslEvent;
import dev.telltale.api.ErrorSnapshot;
import dev.telltale.api.EventClock;
import dev.telltale.api.EventPayload.CommandFailed;
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

    private ContractEvents() {
    }

    public static DslEvent succeeded() {
        return DslEvent.succeeded(EPOCH_NANOS, SESSION, "cbu.create", 1_500);
    }

    public static DslEvent succeeded(long epochNanos, String verb) {
        return DslEvent.succeeded(epochNanos, SESSION, verb, 1_500);
    }

    public static DslEvent failed() {
        return failed(SESSION, new ErrorSnapshot("java.lang.IllegalStateException", "exists", "cbu-42", 409, "cbu.create"));
    }

    public static DslEvent started() {
        return DslEvent.sessionStarted(EPOCH_NANOS, SESSION, SessionSource.REPL);
    }

    public static DslEvent ended() {
        return DslEvent.sessionEnded(EPOCH_NANOS, SESSION, 12, 2, 3_000_000_000L);
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
        return events;
    }

    /** A failed command with the given error. */
    public static DslEvent failed(UUID session, ErrorSnapshot error) {
        return new DslEvent(EPOCH_NANOS, session, new CommandFailed(error.verb(), 2_500, error));
    }
}

package dev.telltale.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.ErrorSnapshot;
import dev.telltale.api.EventPayload.CommandFailed;
import dev.telltale.api.EventPayload.CommandSucceeded;
import dev.telltale.api.EventPayload.RecorderAccount;
import dev.telltale.api.EventPayload.SessionEnded;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventPayload.SessionStarted;
import dev.telltale.api.EventRef;
import dev.telltale.api.EventType;
import dev.telltale.api.SessionSource;
import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes one event as a JSON object into a generator; the caller writes the line break. Field names
 * and enum names are encoded once, here, so an event costs its values only. Stateless; any thread.
 */
final class EventWriter {

    private static final SerializedString VERSION = name(FieldNames.VERSION);
    private static final SerializedString TIMESTAMP = name(FieldNames.TIMESTAMP);
    private static final SerializedString SESSION = name(FieldNames.SESSION);
    private static final SerializedString TYPE = name(FieldNames.TYPE);
    private static final SerializedString VERB = name(FieldNames.VERB);
    private static final SerializedString DURATION_NANOS = name(FieldNames.DURATION_NANOS);
    private static final SerializedString ERROR = name(FieldNames.ERROR);
    private static final SerializedString MESSAGE = name(FieldNames.MESSAGE);
    private static final SerializedString SOURCE_ID = name(FieldNames.SOURCE_ID);
    private static final SerializedString HTTP_STATUS = name(FieldNames.HTTP_STATUS);
    private static final SerializedString SOURCE = name(FieldNames.SOURCE);
    private static final SerializedString COMMAND_COUNT = name(FieldNames.COMMAND_COUNT);
    private static final SerializedString ERROR_COUNT = name(FieldNames.ERROR_COUNT);
    private static final SerializedString ENTRY = name(FieldNames.ENTRY);
    private static final SerializedString ENTRY_NO = name(FieldNames.ENTRY_NO);
    private static final SerializedString CONTENT = name(FieldNames.CONTENT);
    private static final SerializedString EVENT = name(FieldNames.EVENT);
    private static final SerializedString FINAL = name(FieldNames.FINAL);
    private static final SerializedString SINCE = name(FieldNames.SINCE);
    private static final SerializedString DROPPED_QUEUE_FULL = name(FieldNames.DROPPED_QUEUE_FULL);
    private static final SerializedString DROPPED_CLOSED = name(FieldNames.DROPPED_CLOSED);
    private static final SerializedString DROPPED_NULL = name(FieldNames.DROPPED_NULL);
    private static final SerializedString LOST = name(FieldNames.LOST);
    private static final SerializedString EMITTED = name(FieldNames.EMITTED);
    private static final SerializedString PERSISTED = name(FieldNames.PERSISTED);
    private static final SerializedString DROPPED_TOTAL = name(FieldNames.DROPPED_TOTAL);
    private static final SerializedString LOST_TOTAL = name(FieldNames.LOST_TOTAL);

    /** Indexed by ordinal. */
    private static final SerializedString[] TYPE_NAMES =
            Arrays.stream(EventType.values()).map(type -> name(type.wireName())).toArray(SerializedString[]::new);

    /** Indexed by ordinal. */
    private static final SerializedString[] SOURCE_NAMES = Arrays.stream(SessionSource.values())
            .map(source -> name(source.name()))
            .toArray(SerializedString[]::new);

    /** Indexed by ordinal. */
    private static final SerializedString[] ENTRY_NAMES =
            Arrays.stream(EntryType.values()).map(type -> name(type.wireName())).toArray(SerializedString[]::new);

    private EventWriter() {}

    static void write(JsonGenerator out, DslEvent event) throws IOException {
        out.writeStartObject();
        out.writeFieldName(VERSION);
        out.writeNumber(EventJson.SCHEMA_VERSION);
        out.writeFieldName(TIMESTAMP);
        out.writeString(timestamp(event.epochNanos()));
        UUID sessionId = event.sessionId();
        if (sessionId != null) {
            out.writeFieldName(SESSION);
            out.writeString(sessionId.toString());
        }
        out.writeFieldName(TYPE);
        out.writeString(TYPE_NAMES[event.type().ordinal()]);
        switch (event.type()) {
            case COMMAND_SUCCEEDED -> writeSucceeded(out, (CommandSucceeded) event.payload());
            case COMMAND_FAILED -> writeFailed(out, (CommandFailed) event.payload());
            case SESSION_STARTED -> writeStarted(out, (SessionStarted) event.payload());
            case SESSION_ENDED -> writeEnded(out, (SessionEnded) event.payload());
            case SESSION_ENTRY -> writeEntry(out, (SessionEntry) event.payload());
            case RECORDER_ACCOUNT -> writeAccount(out, (RecorderAccount) event.payload());
        }
        out.writeEndObject();
    }

    private static void writeSucceeded(JsonGenerator out, CommandSucceeded succeeded) throws IOException {
        writeCommand(out, succeeded.verb(), succeeded.durationNanos());
    }

    private static void writeFailed(JsonGenerator out, CommandFailed failed) throws IOException {
        writeCommand(out, failed.verb(), failed.durationNanos());
        ErrorSnapshot error = failed.error();
        out.writeFieldName(ERROR);
        out.writeStartObject();
        out.writeFieldName(TYPE);
        out.writeString(error.errorType());
        out.writeFieldName(MESSAGE);
        out.writeString(error.message());
        if (error.sourceId() != null) {
            out.writeFieldName(SOURCE_ID);
            out.writeString(error.sourceId());
        }
        if (error.httpStatus() != null) {
            out.writeFieldName(HTTP_STATUS);
            out.writeNumber(error.httpStatus());
        }
        out.writeFieldName(VERB);
        out.writeString(error.verb());
        out.writeEndObject();
    }

    private static void writeCommand(JsonGenerator out, String verb, long durationNanos) throws IOException {
        out.writeFieldName(VERB);
        out.writeString(verb);
        out.writeFieldName(DURATION_NANOS);
        out.writeNumber(durationNanos);
    }

    private static void writeStarted(JsonGenerator out, SessionStarted started) throws IOException {
        out.writeFieldName(SOURCE);
        out.writeString(SOURCE_NAMES[started.source().ordinal()]);
    }

    private static void writeEnded(JsonGenerator out, SessionEnded ended) throws IOException {
        out.writeFieldName(COMMAND_COUNT);
        out.writeNumber(ended.commandCount());
        out.writeFieldName(ERROR_COUNT);
        out.writeNumber(ended.errorCount());
        out.writeFieldName(DURATION_NANOS);
        out.writeNumber(ended.durationNanos());
    }

    private static void writeEntry(JsonGenerator out, SessionEntry entry) throws IOException {
        out.writeFieldName(ENTRY);
        out.writeString(ENTRY_NAMES[entry.entryType().ordinal()]);
        out.writeFieldName(ENTRY_NO);
        out.writeNumber(entry.entryNo());
        out.writeFieldName(SOURCE);
        out.writeString(entry.source());
        out.writeFieldName(CONTENT);
        out.writeString(entry.content());
        EventRef ref = entry.event();
        if (ref != null) {
            out.writeFieldName(EVENT);
            out.writeStartObject();
            out.writeFieldName(SESSION);
            out.writeString(ref.sessionId().toString());
            out.writeFieldName(TIMESTAMP);
            out.writeString(timestamp(ref.epochNanos()));
            out.writeFieldName(VERB);
            out.writeString(ref.verb());
            out.writeEndObject();
        }
    }

    private static void writeAccount(JsonGenerator out, RecorderAccount account) throws IOException {
        out.writeFieldName(FINAL);
        out.writeBoolean(account.closing());
        out.writeFieldName(SINCE);
        out.writeString(timestamp(account.sinceEpochNanos()));
        writeCount(out, DROPPED_QUEUE_FULL, account.droppedQueueFull());
        writeCount(out, DROPPED_CLOSED, account.droppedClosed());
        writeCount(out, DROPPED_NULL, account.droppedNull());
        writeCount(out, LOST, account.lost());
        writeCount(out, EMITTED, account.emitted());
        writeCount(out, PERSISTED, account.persisted());
        writeCount(out, DROPPED_TOTAL, account.droppedTotal());
        writeCount(out, LOST_TOTAL, account.lostTotal());
    }

    private static void writeCount(JsonGenerator out, SerializedString field, long count) throws IOException {
        out.writeFieldName(field);
        out.writeNumber(count);
    }

    private static String timestamp(long epochNanos) {
        return IsoInstant.format(epochNanos);
    }

    private static SerializedString name(String text) {
        return new SerializedString(text);
    }
}

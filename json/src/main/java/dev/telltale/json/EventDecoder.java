package dev.telltale.json;

import static com.fasterxml.jackson.core.JsonToken.FIELD_NAME;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NULL;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.telltale.api.DslEvent;
import java.io.IOException;

/**
 * Reads one JSON object into a {@link RawEvent}, field by field in any order, skipping fields it does
 * not know. A known field of the wrong JSON type is noted, not thrown at once, so that
 * {@link RawEvent#toEvent()} can first reject a schema version too new to judge. One decoder per line.
 */
final class EventDecoder {

    private final JsonParser parser;
    private final RawEvent event = new RawEvent();

    private EventDecoder(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * The event a parser over {@code length} bytes holds, which must be one JSON object and nothing else.
     *
     * @throws EventJsonException naming what is wrong, also when the bytes are not JSON
     */
    static DslEvent decode(JsonParser parser, int length) throws EventJsonException {
        try {
            return new EventDecoder(parser).decodeObject();
        } catch (EventJsonException e) {
            throw e;
        } catch (IOException e) {
            throw new EventJsonException(Problems.ofParser(e, endedInsideObject(parser, e, length)), e);
        }
    }

    private DslEvent decodeObject() throws IOException {
        JsonToken first = parser.nextToken();
        if (first != START_OBJECT) {
            throw new EventJsonException("expected a JSON object, got " + Problems.describe(first));
        }
        readEventFields();
        if (parser.nextToken() != null) {
            throw new EventJsonException("unexpected content after the JSON object");
        }
        return event.toEvent();
    }

    private static boolean endedInsideObject(JsonParser parser, IOException failure, int length) {
        return failure instanceof JsonProcessingException jackson
                && jackson.getLocation() != null
                && jackson.getLocation().getByteOffset() >= length
                && !parser.getParsingContext().inRoot();
    }

    private void readEventFields() throws IOException {
        while (parser.nextToken() == FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case FieldNames.VERSION -> event.version = integer(name);
                case FieldNames.TIMESTAMP -> event.timestamp = text(name);
                case FieldNames.SESSION -> event.session = nullableText(name);
                case FieldNames.TYPE -> event.type = text(name);
                case FieldNames.VERB -> event.verb = text(name);
                case FieldNames.DURATION_NANOS -> event.durationNanos = integer(name);
                case FieldNames.ERROR -> event.error = errorObject();
                case FieldNames.SOURCE -> event.source = text(name);
                case FieldNames.COMMAND_COUNT -> event.commandCount = integer(name);
                case FieldNames.ERROR_COUNT -> event.errorCount = integer(name);
                case FieldNames.ENTRY -> event.entry = text(name);
                case FieldNames.ENTRY_NO -> event.entryNo = integer(name);
                case FieldNames.CONTENT -> event.content = text(name);
                case FieldNames.EVENT -> event.event = refObject();
                case FieldNames.FINAL -> event.closing = bool(name);
                case FieldNames.SINCE -> event.since = text(name);
                case FieldNames.DROPPED_QUEUE_FULL -> event.droppedQueueFull = integer(name);
                case FieldNames.DROPPED_CLOSED -> event.droppedClosed = integer(name);
                case FieldNames.DROPPED_NULL -> event.droppedNull = integer(name);
                case FieldNames.LOST -> event.lost = integer(name);
                case FieldNames.EMITTED -> event.emitted = integer(name);
                case FieldNames.PERSISTED -> event.persisted = integer(name);
                case FieldNames.DROPPED_TOTAL -> event.droppedTotal = integer(name);
                case FieldNames.LOST_TOTAL -> event.lostTotal = integer(name);
                default -> parser.skipChildren();
            }
        }
    }

    private RawEvent.RawError errorObject() throws IOException {
        return nestedObject(FieldNames.ERROR, new RawEvent.RawError(), (error, name) -> {
            switch (name) {
                case FieldNames.TYPE -> error.type = text(FieldNames.ERROR_TYPE);
                case FieldNames.MESSAGE -> error.message = text(FieldNames.ERROR_MESSAGE);
                case FieldNames.SOURCE_ID -> error.sourceId = nullableText(FieldNames.ERROR_SOURCE_ID);
                case FieldNames.HTTP_STATUS -> error.httpStatus = nullableInteger(FieldNames.ERROR_HTTP_STATUS);
                case FieldNames.VERB -> error.verb = text(FieldNames.ERROR_VERB);
                default -> parser.skipChildren();
            }
        });
    }

    /** A session entry's {@code event}: {@code null} (as if absent) or an object. */
    private RawEvent.RawRef refObject() throws IOException {
        if (parser.currentToken() == VALUE_NULL) {
            return null;
        }
        return nestedObject(FieldNames.EVENT, new RawEvent.RawRef(), (ref, name) -> {
            switch (name) {
                case FieldNames.SESSION -> ref.session = text(FieldNames.EVENT_SESSION);
                case FieldNames.TIMESTAMP -> ref.timestamp = text(FieldNames.EVENT_TIMESTAMP);
                case FieldNames.VERB -> ref.verb = text(FieldNames.EVENT_VERB);
                default -> parser.skipChildren();
            }
        });
    }

    /** What reads one field of a nested object into {@code target}; the parser is at the field's value. */
    @FunctionalInterface
    private interface FieldReader<T> {
        void read(T target, String name) throws IOException;
    }

    /** Reads the object the parser is at into {@code target}, field by field; {@code null}, noted, if it is no object. */
    private <T> T nestedObject(String field, T target, FieldReader<T> fields) throws IOException {
        if (parser.currentToken() != START_OBJECT) {
            mismatch(field, "an object");
            return null;
        }
        while (parser.nextToken() == FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            fields.read(target, name);
        }
        return target;
    }

    private String text(String field) throws IOException {
        if (parser.currentToken() == VALUE_STRING) {
            return parser.getText();
        }
        mismatch(field, "a string");
        return null;
    }

    private Boolean bool(String field) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        mismatch(field, "true or false");
        return null;
    }

    private String nullableText(String field) throws IOException {
        return parser.currentToken() == VALUE_NULL ? null : text(field);
    }

    private Long integer(String field) throws IOException {
        if (parser.currentToken() != VALUE_NUMBER_INT) {
            mismatch(field, "an integer");
            return null;
        }
        if (parser.getNumberType() == NumberType.BIG_INTEGER) {
            event.noteProblem("field '" + field + "' is out of range: " + Problems.quote(parser.getText()));
            return null;
        }
        return parser.getLongValue();
    }

    private Long nullableInteger(String field) throws IOException {
        return parser.currentToken() == VALUE_NULL ? null : integer(field);
    }

    private void mismatch(String field, String expected) throws IOException {
        event.noteProblem(
                "field '" + field + "' must be " + expected + ", got " + Problems.describe(parser.currentToken()));
        parser.skipChildren();
    }
}

package dev.telltale.store.jsonl;

/**
 * The field names of schema version {@value JsonlFormat#SCHEMA_VERSION}. Files written today must stay
 * readable: never rename one; a change of meaning needs a new schema version.
 */
final class FieldNames {

    static final String VERSION = "v";
    static final String TIMESTAMP = "ts";
    static final String SESSION = "session";
    static final String TYPE = "type";
    static final String VERB = "verb";
    static final String DURATION_NANOS = "duration_ns";
    static final String ERROR = "error";
    static final String SOURCE = "source";
    static final String COMMAND_COUNT = "command_count";
    static final String ERROR_COUNT = "error_count";
    static final String ENTRY = "entry";
    static final String ENTRY_NO = "entry_no";
    static final String CONTENT = "content";
    /** A session entry's reference to a command event: an object of {@link #SESSION}, {@link #TIMESTAMP}, {@link #VERB}. */
    static final String EVENT = "event";

    /** Inside {@link #ERROR}, next to {@link #TYPE} and {@link #VERB}. */
    static final String MESSAGE = "message";

    static final String SOURCE_ID = "source_id";
    static final String HTTP_STATUS = "http_status";

    /** Names of the fields inside {@link #ERROR} as error messages spell them. */
    static final String ERROR_TYPE = ERROR + "." + TYPE;

    static final String ERROR_MESSAGE = ERROR + "." + MESSAGE;
    static final String ERROR_SOURCE_ID = ERROR + "." + SOURCE_ID;
    static final String ERROR_HTTP_STATUS = ERROR + "." + HTTP_STATUS;
    static final String ERROR_VERB = ERROR + "." + VERB;

    /** Names of the fields inside {@link #EVENT} as error messages spell them. */
    static final String EVENT_SESSION = EVENT + "." + SESSION;

    static final String EVENT_TIMESTAMP = EVENT + "." + TIMESTAMP;
    static final String EVENT_VERB = EVENT + "." + VERB;

    private FieldNames() {}
}

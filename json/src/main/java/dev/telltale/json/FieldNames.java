package dev.telltale.json;

/**
 * The field names of schema version {@value EventJson#SCHEMA_VERSION}. Files written today must stay
 * readable: never rename one; a change of meaning needs a new schema version.
 */
public final class FieldNames {

    public static final String VERSION = "v";
    public static final String TIMESTAMP = "ts";
    public static final String SESSION = "session";
    public static final String TYPE = "type";
    public static final String VERB = "verb";
    public static final String DURATION_NANOS = "duration_ns";
    public static final String ERROR = "error";
    public static final String SOURCE = "source";
    public static final String COMMAND_COUNT = "command_count";
    public static final String ERROR_COUNT = "error_count";
    public static final String ENTRY = "entry";
    public static final String ENTRY_NO = "entry_no";
    public static final String CONTENT = "content";
    /** A session entry's reference to a command event: an object of {@link #SESSION}, {@link #TIMESTAMP}, {@link #VERB}. */
    public static final String EVENT = "event";

    /** A recorder account's fields: whether it is the final one, and the start of its interval. */
    public static final String FINAL = "final";

    public static final String SINCE = "since";
    /** A recorder account's counts in its interval. */
    public static final String DROPPED_QUEUE_FULL = "dropped_queue_full";

    public static final String DROPPED_CLOSED = "dropped_closed";
    public static final String DROPPED_NULL = "dropped_null";
    public static final String LOST = "lost";
    /** A recorder account's totals since the recorder started. */
    public static final String EMITTED = "emitted";

    public static final String PERSISTED = "persisted";
    public static final String DROPPED_TOTAL = "dropped_total";
    public static final String LOST_TOTAL = "lost_total";

    /** Inside {@link #ERROR}, next to {@link #TYPE} and {@link #VERB}. */
    public static final String MESSAGE = "message";

    public static final String SOURCE_ID = "source_id";
    public static final String HTTP_STATUS = "http_status";

    /** Names of the fields inside {@link #ERROR} as error messages spell them. */
    public static final String ERROR_TYPE = ERROR + "." + TYPE;

    public static final String ERROR_MESSAGE = ERROR + "." + MESSAGE;
    public static final String ERROR_SOURCE_ID = ERROR + "." + SOURCE_ID;
    public static final String ERROR_HTTP_STATUS = ERROR + "." + HTTP_STATUS;
    public static final String ERROR_VERB = ERROR + "." + VERB;

    /** Names of the fields inside {@link #EVENT} as error messages spell them. */
    public static final String EVENT_SESSION = EVENT + "." + SESSION;

    public static final String EVENT_TIMESTAMP = EVENT + "." + TIMESTAMP;
    public static final String EVENT_VERB = EVENT + "." + VERB;

    private FieldNames() {}
}

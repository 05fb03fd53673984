package dev.telltale.json;

import java.util.Optional;

/**
 * JSON that is not a valid event of a schema version this reader knows. The message is one line:
 * {@code events.jsonl:17: missing field 'verb'} when the file and line are known, the bare
 * {@linkplain #reason() reason} otherwise. The cause, if any, is the JSON parser's own exception.
 */
public final class EventJsonException extends java.io.IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long lineNumber;
    private final String reason;

    /** A problem described by {@code reason}, such as {@code line is longer than 8388608 bytes}. */
    public EventJsonException(String reason) {
        this(null, 0, reason, null);
    }

    EventJsonException(String reason, Throwable cause) {
        this(null, 0, reason, cause);
    }

    private EventJsonException(String source, long lineNumber, String reason, Throwable cause) {
        super(source == null ? reason : source + ":" + lineNumber + ": " + reason, cause);
        this.source = source;
        this.lineNumber = lineNumber;
        this.reason = reason;
    }

    /** The same problem, located at a line of a file (or a record of a source). */
    public EventJsonException at(String source, long lineNumber) {
        return new EventJsonException(source, lineNumber, reason, getCause());
    }

    /** The file the line came from, as it was named when opened; empty for a line decoded on its own. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** The 1-based number of the line in its file; 0 for a line decoded on its own. */
    public long lineNumber() {
        return lineNumber;
    }

    /** What is wrong with the line, such as {@code missing field 'verb'}. */
    public String reason() {
        return reason;
    }
}

package dev.telltale.store.chronicle.internal;

/**
 * An event's bytes are not a valid event of a layout this reader knows. The message says what is wrong
 * and is one line; the caller adds where (file, index).
 */
public final class EventFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A problem described by {@code reason}, such as {@code unknown layout version 7}. */
    public EventFormatException(String reason) {
        super(reason);
    }

    /** A problem described by {@code reason}, found through {@code cause}. */
    public EventFormatException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

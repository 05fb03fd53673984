package dev.telltale.api.source;

import java.io.IOException;

/**
 * A source could not be read: it is not one, a file is damaged, an event has a format version this
 * reader does not know, a reader position cannot be read. The message is one line that names the
 * location, file or position (and, for an event, where it is) and what was wrong, such as
 * {@code /var/telltale/20261127-04F.cq4: event at index 0x6b09132400000002: unknown layout version 7};
 * the cause, if any, is the underlying failure.
 */
public class EventSourceException extends IOException {

    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}, which names where it is. */
    public EventSourceException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, which names where it is, found through {@code cause}. */
    public EventSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.telltale.store.chronicle;

import java.io.IOException;

/**
 * A Telltale event directory could not be read: it is not one, a cycle file is corrupt, an event has a
 * layout this reader does not know, a reader position cannot be read. The message is one line that
 * names the directory, cycle file or position file (and, for an event, its index) and what was wrong,
 * such as {@code /var/telltale/20261127-04F.cq4: event at index 0x6b09132400000002: unknown layout
 * version 7}; the cause, if any, is the underlying failure.
 */
public final class EventLogException extends IOException {

    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}, which names where it is. */
    public EventLogException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, which names where it is, found through {@code cause}. */
    public EventLogException(String message, Throwable cause) {
        super(message, cause);
    }
}

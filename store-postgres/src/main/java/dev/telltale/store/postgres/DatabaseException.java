package dev.telltale.store.postgres;

import java.io.IOException;

/**
 * A database operation failed; the message is one line naming the database and what went wrong,
 * never a password. {@link #isConnectionFailure()} tells a database that could not be reached or
 * went away (worth retrying) from one that refused (a wrong password, a missing database).
 */
public final class DatabaseException extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean connectionFailure;

    DatabaseException(String message, Throwable cause) {
        super(message, cause);
        this.connectionFailure = Errors.isConnectionFailure(cause);
    }

    /** {@code what} (such as "exporting to jdbc:postgresql://db/events") failed because of {@code cause}. */
    static DatabaseException of(String what, Throwable cause) {
        return new DatabaseException(what + ": " + Errors.oneLine(cause), cause);
    }

    /** Whether the database could not be reached or went away: retrying later may succeed. */
    public boolean isConnectionFailure() {
        return connectionFailure;
    }
}
